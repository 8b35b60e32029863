package org.deadrelu.model.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.deadrelu.model.DataException;

/**
 * The real data sets shipped in this package's resources (provenance in DATA.md next to them).
 * Each is read once per JVM and shared: an executor builds many trials on the same table. The
 * returned tables must not be modified.
 */
public final class BundledDatasets {
  private BundledDatasets() {}

  private static final Lazy DIGITS = new Lazy(() -> read("digits.csv.gz"));
  private static final Lazy BREAST_CANCER = new Lazy(() -> read("breast_cancer.csv"));

  /** UCI optical digits: 1797 rows, 64 pixel features (0..16), classes 0..9. */
  public static LabeledTable digits() {
    return DIGITS.get();
  }

  /** UCI Breast Cancer Wisconsin (Diagnostic): 569 rows, 30 features, 0 = malignant, 1 = benign. */
  public static LabeledTable breastCancer() {
    return BREAST_CANCER.get();
  }

  /**
   * Reads a known-clean numeric CSV resource: a header row, comma separated numbers, the class
   * label in the last column. Anything odd still surfaces as a {@link DataException}.
   */
  private static LabeledTable read(String resource) {
    String source = "classpath:" + BundledDatasets.class.getPackageName().replace('.', '/') + "/"
        + resource;
    try (InputStream raw = BundledDatasets.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new DataException(source + ": resource missing from the jar");
      }
      InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = reader.readLine();
      if (header == null) {
        throw new DataException(source + ": empty file; expected a header row");
      }
      String[] names = header.trim().split(",");
      String[] featureNames = Arrays.copyOf(names, names.length - 1);
      List<double[]> rows = new ArrayList<>();
      List<Double> labels = new ArrayList<>();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.trim().split(",");
        if (cells.length != names.length) {
          throw new DataException(source + ": row " + (rows.size() + 1) + " has " + cells.length
              + " cells; the header has " + names.length);
        }
        double[] row = new double[featureNames.length];
        for (int j = 0; j < row.length; j++) {
          row[j] = parse(source, rows.size() + 1, j + 1, cells[j]);
        }
        labels.add(parse(source, rows.size() + 1, cells.length, cells[cells.length - 1]));
        rows.add(row);
      }
      double[] y = labels.stream().mapToDouble(Double::doubleValue).toArray();
      return LabeledTable.of(source, featureNames, rows.toArray(new double[0][]), y, true);
    } catch (IOException e) {
      throw new DataException(source + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static double parse(String source, int row, int column, String cell) {
    try {
      return Double.parseDouble(cell.trim());
    } catch (NumberFormatException e) {
      throw new DataException(source + ": row " + row + ", column " + column + " is '" + cell
          + "'; expected a number", e);
    }
  }

  /**
   * Loads on first use, at most once (double-checked on a volatile). Unlike a holder class, a
   * failed load is not cached: the next call retries and throws the real error again.
   */
  private static final class Lazy {
    private final Supplier<LabeledTable> loader;
    private volatile LabeledTable value;

    Lazy(Supplier<LabeledTable> loader) {
      this.loader = loader;
    }

    LabeledTable get() {
      LabeledTable v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = loader.get();
            value = v;
          }
        }
      }
      return v;
    }
  }
}
