package org.deadrelu.jobs.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.deadrelu.model.config.SettingCatalog;

/**
 * The trials of a report (after --where) and what varies among them. A report's trials are few
 * (one row per trial), so they are held on the driver and everything about them is computed there.
 */
public final class ReportData {
  /** Values in Spark's ascending order: nulls first, strings by code point (as UTF-8 bytes compare). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static final Comparator<Object> SPARK_ORDER = (a, b) -> {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof String x && b instanceof String y) {
      return java.util.Arrays.compare(x.codePoints().toArray(), y.codePoints().toArray());
    }
    return ((Comparable) a).compareTo(b);
  };

  public final Dataset<Row> trials;
  /** The same trials on the driver. */
  public final List<Row> rows;
  public final StructType schema;
  /** Every setting column of trials that is a report axis (as the settings declare), in table order. */
  public final List<String> settings;
  /** Settings with more than one value (null counts as a value), in table order. */
  public final List<String> swept;
  /** Distinct values of each swept setting, sorted (nulls first) as Spark sorts them. */
  public final Map<String, List<Object>> levels;

  public ReportData(Dataset<Row> trials) {
    this(trials, SettingCatalog.standard());
  }

  /** The trials of a table whose setting columns are those {@code catalog} declares. */
  public ReportData(Dataset<Row> trials, SettingCatalog catalog) {
    this(trials, trials.collectAsList(), catalog);
  }

  /** {@code rows}: the rows of {@code trials}, already collected. */
  public ReportData(Dataset<Row> trials, List<Row> rows) {
    this(trials, rows, SettingCatalog.standard());
  }

  private ReportData(Dataset<Row> trials, List<Row> rows, SettingCatalog catalog) {
    this.trials = trials;
    this.rows = List.copyOf(rows);
    this.schema = trials.schema();
    List<String> axes = catalog.axisColumns();
    settings = List.of(schema.fieldNames()).stream().filter(axes::contains).toList();
    if (settings.isEmpty()) {
      throw new IllegalArgumentException("trials table: no setting columns (" + String.join(", ", axes) + ")");
    }
    List<String> sw = new ArrayList<>();
    levels = new LinkedHashMap<>();
    for (String s : settings) {
      int i = schema.fieldIndex(s);
      Set<Object> values = new LinkedHashSet<>();
      for (Row r : rows) {
        values.add(r.get(i));
      }
      if (values.size() > 1) {
        sw.add(s);
        List<Object> sorted = new ArrayList<>(values);
        sorted.sort(SPARK_ORDER);
        levels.put(s, sorted);
      }
    }
    swept = List.copyOf(sw);
  }

  /** Swept settings used as model terms: {@code hidden} is dropped when depth or width carries it. */
  public List<String> modelAxes() {
    List<String> out = new ArrayList<>(swept);
    if (out.contains("hidden") && (out.contains("depth") || out.contains("width"))) {
      out.remove("hidden");
    }
    return out;
  }

  public int index(String column) {
    return schema.fieldIndex(column);
  }

  public DataType type(String column) {
    return schema.apply(column).dataType();
  }

  public boolean numeric(String column) {
    return type(column) instanceof NumericType;
  }

  public boolean bool(String column) {
    return type(column) instanceof BooleanType;
  }

  /** A SQL expression labelling a row's group, e.g. "lr=0.1, activation=relu"; "all" when no columns. */
  public static String groupLabel(List<String> columns) {
    if (columns.isEmpty()) {
      return "'all'";
    }
    List<String> parts = new ArrayList<>();
    for (String c : columns) {
      parts.add("concat('" + c + "=', coalesce(CAST(`" + c + "` AS STRING), '-'))");
    }
    return "concat_ws(', ', " + String.join(", ", parts) + ")";
  }
}
