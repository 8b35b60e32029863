package org.deadrelu.jobs.data;

import static org.deadrelu.model.config.Settings.DATA_LABEL;
import static org.deadrelu.model.config.Settings.DATA_PATH;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.deadrelu.jobs.UserInputException;
import org.deadrelu.model.DataException;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.LabeledTable;

/**
 * Loads the CSV and Parquet data sets a sweep names, once, on the driver, through Spark's readers
 * (so any Hadoop path works), and checks them before any trial runs.
 */
public final class FileTables {
  private FileTables() {}

  /** Every distinct file data set of {@code trials}, by path. */
  public static Map<String, LabeledTable> loadAll(SparkSession spark, List<TrialConfig> trials) {
    Map<String, LabeledTable> tables = new LinkedHashMap<>();
    for (TrialConfig t : trials) {
      if (t.get(DATA_SOURCE).isFile() && !tables.containsKey(t.get(DATA_PATH))) {
        tables.put(t.get(DATA_PATH), load(spark, t.get(DATA_SOURCE), t.get(DATA_PATH), t.get(DATA_LABEL),
            t.isClassification()));
      }
    }
    return tables;
  }

  public static LabeledTable load(SparkSession spark, DataSourceKind kind, String path, String label,
      boolean classification) {
    Dataset<Row> df;
    try {
      df = kind == DataSourceKind.CSV
          ? spark.read().option("header", "true").option("inferSchema", "true")
              .option("mode", "FAILFAST").csv(path)
          : spark.read().parquet(path);
    } catch (Exception e) { // Spark raises AnalysisException and SparkException, checked in Java terms
      throw new UserInputException("data file " + path + ": cannot be read as " + kind.name().toLowerCase()
          + " (" + reason(e) + ")", e);
    }
    List<String> names = Arrays.asList(df.columns());
    if (!names.contains(label)) {
      throw new UserInputException("data file " + path + ": has no label column '" + label
          + "'; its columns are " + names + " (set data.label)");
    }
    for (StructField f : df.schema().fields()) {
      if (!(f.dataType() instanceof NumericType)) {
        // with a header and no rows Spark infers every column as a string: say what is really wrong
        if (kind == DataSourceKind.CSV && noRows(df, path)) {
          throw new UserInputException("data file " + path + ": has a header but no data rows; at least"
              + " two rows are needed");
        }
        throw new UserInputException("data file " + path + ": column '" + f.name()
            + "' is not numeric (" + f.dataType().simpleString() + "); every column must hold numbers");
      }
    }
    String[] features = names.stream().filter(n -> !n.equals(label)).toArray(String[]::new);
    Column[] ordered = new Column[features.length + 1];
    for (int i = 0; i < features.length; i++) {
      ordered[i] = functions.col("`" + features[i] + "`").cast(DataTypes.DoubleType);
    }
    ordered[features.length] = functions.col("`" + label + "`").cast(DataTypes.DoubleType);
    List<Row> rows;
    try {
      rows = df.select(ordered).collectAsList();
    } catch (Exception e) { // Spark raises AnalysisException and SparkException, checked in Java terms
      throw unreadable(path, e);
    }
    double[][] x = new double[rows.size()][features.length];
    double[] y = new double[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      for (int j = 0; j <= features.length; j++) {
        if (row.isNullAt(j)) {
          throw new UserInputException("data file " + path + ": row " + (r + 1) + ", column '"
              + (j < features.length ? features[j] : label) + "' is empty or not a number");
        }
      }
      for (int j = 0; j < features.length; j++) {
        x[r][j] = row.getDouble(j);
      }
      y[r] = row.getDouble(features.length);
    }
    try {
      return LabeledTable.of(path, features, x, y, classification);
    } catch (DataException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  private static boolean noRows(Dataset<Row> df, String path) {
    try {
      return df.isEmpty();
    } catch (Exception e) { // a malformed first record fails here already
      throw unreadable(path, e);
    }
  }

  private static UserInputException unreadable(String path, Exception e) {
    return new UserInputException("data file " + path + ": cannot be read (" + reason(e) + ")", e);
  }

  /**
   * The first line of the innermost cause with a message: a record Spark cannot parse fails a task,
   * the job's message is about stages and tasks, and only the innermost cause quotes the record.
   * Spark's error class and SQL state are left out: they say nothing to someone fixing a data file.
   */
  private static String reason(Throwable e) {
    Throwable root = e;
    Throwable c = e.getCause();
    for (int depth = 0; c != null && depth < 32; depth++, c = c.getCause()) { // bounded: a cycle ends it
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        root = c;
      }
    }
    return firstLine(root).replaceFirst("^\\[[A-Z0-9_.]+\\] ", "")
        .replaceFirst("\\s*SQLSTATE: \\w+\\s*$", "").strip();
  }

  private static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
