package org.deadrelu.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/** The trials of a report (after --where) and what varies among them. */
public final class ReportData {
  /** Hyperparameter columns of the trials table, if the first/last markers are missing. */
  static final String FIRST_SETTING = "data_source";
  static final String LAST_SETTING = "warming_schedule";

  public final Dataset<Row> trials;
  /** Every setting column of trials, in table order. */
  public final List<String> settings;
  /** Settings with more than one value (null counts as a value), in table order. */
  public final List<String> swept;
  /** Distinct values of each swept setting, sorted (nulls first), as Spark gives them. */
  public final Map<String, List<Object>> levels;

  public ReportData(Dataset<Row> trials) {
    this.trials = trials;
    List<String> cols = List.of(trials.columns());
    int from = cols.indexOf(FIRST_SETTING);
    int to = cols.indexOf(LAST_SETTING);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("trials table: no setting columns " + FIRST_SETTING + ".." + LAST_SETTING);
    }
    settings = List.copyOf(cols.subList(from, to + 1));
    List<org.apache.spark.sql.Column> counts = new ArrayList<>();
    for (String s : settings) {
      counts.add(expr("count(DISTINCT coalesce(CAST(`" + s + "` AS STRING), '\u0000null'))").as(s));
    }
    Row r = trials.agg(counts.get(0), counts.subList(1, counts.size()).toArray(new org.apache.spark.sql.Column[0])).first();
    List<String> sw = new ArrayList<>();
    for (int i = 0; i < settings.size(); i++) {
      if (r.getLong(i) > 1) {
        sw.add(settings.get(i));
      }
    }
    swept = List.copyOf(sw);
    levels = new LinkedHashMap<>();
    for (String s : swept) {
      List<Object> vs = new ArrayList<>();
      for (Row v : trials.select(col(s)).distinct().orderBy(col(s).asc_nulls_first()).collectAsList()) {
        vs.add(v.get(0));
      }
      levels.put(s, vs);
    }
  }

  /** Swept settings used as model terms: {@code hidden} is dropped when depth or width carries it. */
  public List<String> modelAxes() {
    List<String> out = new ArrayList<>(swept);
    if (out.contains("hidden") && (out.contains("depth") || out.contains("width"))) {
      out.remove("hidden");
    }
    return out;
  }

  public DataType type(String column) {
    for (StructField f : trials.schema().fields()) {
      if (f.name().equals(column)) {
        return f.dataType();
      }
    }
    throw new IllegalArgumentException("no column " + column);
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
