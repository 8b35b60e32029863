package org.deadrelu.jobs.report;

import static org.deadrelu.jobs.report.HtmlPage.fmt;
import static org.deadrelu.jobs.report.ReportFiles.orNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One row per configuration: its settings, seeds and trials, the share of trials that diverged or
 * failed, and each metric's mean over the ok seeds with its t interval (cut to the metric's range);
 * the per-layer dead fraction likewise. Written as summary/, summary.csv and summary_layers/.
 */
final class SummarySection {
  /** The trial-level metrics summarized per configuration, and the range of each. */
  static final Map<String, double[]> METRICS = metrics();

  final StructType schema;
  /** Worst (highest mean dead fraction) first. */
  final List<Row> rows;
  private final StructType layerSchema = ReportFiles.schema("config_id:string", "layer:int", "n:long",
      "dead_fraction_mean:double", "dead_fraction_sd:double", "dead_fraction_ci_low:double", "dead_fraction_ci_high:double");
  private final List<Row> layerRows = new ArrayList<>();

  SummarySection(ReportData data, double level) {
    schema = schema(data);
    Map<String, List<Row>> byConfig = new LinkedHashMap<>();
    int config = data.index("config_id");
    for (Row r : data.rows) {
      byConfig.computeIfAbsent(r.getString(config), c -> new ArrayList<>()).add(r);
    }
    List<Row> out = new ArrayList<>();
    for (var e : byConfig.entrySet()) {
      out.add(configRow(data, e.getKey(), e.getValue(), level));
      layerRows.addAll(layerRows(data, e.getKey(), e.getValue(), level));
    }
    int dead = schema.fieldIndex("dead_fraction_mean");
    out.sort(Comparator.<Row>comparingDouble(r -> r.isNullAt(dead) ? Double.NEGATIVE_INFINITY : r.getDouble(dead))
        .reversed().thenComparing(r -> r.getString(0)));
    rows = List.copyOf(out);
    layerRows.sort(Comparator.<Row, String>comparing(r -> r.getString(0)).thenComparing(r -> r.getInt(1)));
  }

  void write(ReportFiles files) throws IOException {
    files.parquet("summary", schema, rows);
    files.csv("summary.csv", schema, rows);
    files.parquet("summary_layers", layerSchema, layerRows);
  }

  /** The worst and best configurations, with their intervals. */
  void worstAndBest(HtmlPage html, ReportData data) {
    html.h2("Worst and best configurations (final dead fraction)");
    List<String> head = new ArrayList<>(List.of("config_id"));
    head.addAll(data.swept);
    head.addAll(List.of("seeds", "dead fraction [CI]", "dormant", "probe accuracy", "diverged [CI]"));
    List<Row> shown = rows.size() <= 10 ? rows : new ArrayList<>(rows.subList(0, 5));
    if (rows.size() > 10) {
      shown.addAll(rows.subList(rows.size() - 5, rows.size()));
    }
    List<List<String>> cells = new ArrayList<>();
    for (Row r : shown) {
      List<String> c = new ArrayList<>();
      c.add(r.getString(0));
      for (String s : data.swept) {
        c.add(String.valueOf(get(r, s)));
      }
      c.add(String.valueOf(get(r, "seeds")));
      c.add(HtmlPage.withInterval(get(r, "dead_fraction_mean"), get(r, "dead_fraction_ci_low"), get(r, "dead_fraction_ci_high")));
      c.add(fmt(get(r, "dormant_fraction_mean")));
      c.add(fmt(get(r, "final_probe_accuracy_mean")));
      c.add(HtmlPage.withInterval(get(r, "diverged_share"), get(r, "diverged_share_ci_low"), get(r, "diverged_share_ci_high")));
      cells.add(c);
    }
    html.table(head, cells);
    if (rows.size() > 10) {
      html.p("The 5 worst, then the 5 best of " + rows.size() + " configurations; all are in summary/ and summary.csv.");
    }
  }

  /** Every configuration's trial counts, for the appendix. */
  void counts(HtmlPage html, ReportData data) {
    List<List<String>> counts = new ArrayList<>();
    for (Row r : rows) {
      List<String> c = new ArrayList<>();
      c.add(r.getString(0));
      for (String s : data.swept) {
        c.add(String.valueOf(get(r, s)));
      }
      c.add(String.valueOf(get(r, "trials")));
      c.add(String.valueOf(get(r, "ok")));
      c.add(fmt(get(r, "diverged_share")));
      counts.add(c);
    }
    List<String> head = new ArrayList<>(List.of("config_id"));
    head.addAll(data.swept);
    head.addAll(List.of("trials", "ok", "diverged share"));
    html.table(head, counts);
  }

  private Object get(Row r, String column) {
    return r.get(schema.fieldIndex(column));
  }

  private static Row configRow(ReportData data, String config, List<Row> trials, double level) {
    List<Object> v = new ArrayList<>();
    v.add(config);
    for (String s : data.settings) {
      int i = data.index(s);
      v.add(trials.stream().filter(r -> !r.isNullAt(i)).findFirst().map(r -> r.get(i)).orElse(null));
    }
    int seed = data.index("seed");
    int status = data.index("status");
    Set<Object> seeds = new HashSet<>();
    long ok = 0;
    long diverged = 0;
    long failed = 0;
    for (Row r : trials) {
      if (!r.isNullAt(seed)) {
        seeds.add(r.get(seed));
      }
      String st = r.getString(status);
      ok += "ok".equals(st) ? 1 : 0;
      diverged += "diverged".equals(st) ? 1 : 0;
      failed += "failed".equals(st) ? 1 : 0;
    }
    Proportion div = Proportion.wilson(diverged, trials.size(), level);
    v.addAll(List.of((long) seeds.size(), (long) trials.size(), ok, div.share(), div.low(), div.high(),
        (double) failed / trials.size()));
    for (var m : METRICS.entrySet()) {
      int i = data.index(m.getKey());
      double[] values = trials.stream().filter(r -> "ok".equals(r.getString(status)) && !r.isNullAt(i))
          .mapToDouble(r -> ((Number) r.get(i)).doubleValue()).toArray();
      ConfidenceInterval ci = ConfidenceInterval.of(values, level).clip(m.getValue()[0], m.getValue()[1]);
      v.addAll(java.util.Arrays.asList((long) values.length, values.length == 0 ? null : ci.mean(), orNull(ci.sd()),
          orNull(ci.low()), orNull(ci.high())));
    }
    return RowFactory.create(v.toArray());
  }

  private static List<Row> layerRows(ReportData data, String config, List<Row> trials, double level) {
    int status = data.index("status");
    int byLayer = data.index("dead_fraction_by_layer");
    Map<Integer, List<Double>> values = new TreeMap<>();
    for (Row r : trials) {
      if ("ok".equals(r.getString(status)) && !r.isNullAt(byLayer)) {
        List<Object> layers = r.getList(byLayer);
        for (int l = 0; l < layers.size(); l++) {
          List<Double> vs = values.computeIfAbsent(l, k -> new ArrayList<>());
          if (layers.get(l) != null) {
            vs.add(((Number) layers.get(l)).doubleValue());
          }
        }
      }
    }
    List<Row> out = new ArrayList<>();
    for (var e : values.entrySet()) {
      double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
      ConfidenceInterval ci = ConfidenceInterval.of(v, level).clip(0, 1);
      out.add(RowFactory.create(config, e.getKey(), (long) v.length, v.length == 0 ? null : ci.mean(), orNull(ci.sd()),
          orNull(ci.low()), orNull(ci.high())));
    }
    return out;
  }

  private static StructType schema(ReportData data) {
    List<StructField> sf = new ArrayList<>();
    sf.add(DataTypes.createStructField("config_id", DataTypes.StringType, false));
    for (String s : data.settings) {
      sf.add(DataTypes.createStructField(s, data.type(s), true));
    }
    for (String s : List.of("seeds", "trials", "ok")) {
      sf.add(DataTypes.createStructField(s, DataTypes.LongType, false));
    }
    for (String s : List.of("diverged_share", "diverged_share_ci_low", "diverged_share_ci_high", "failed_share")) {
      sf.add(DataTypes.createStructField(s, DataTypes.DoubleType, false));
    }
    for (String m : METRICS.keySet()) {
      sf.add(DataTypes.createStructField(m + "_n", DataTypes.LongType, false));
      for (String suffix : List.of("_mean", "_sd", "_ci_low", "_ci_high")) {
        sf.add(DataTypes.createStructField(m + suffix, DataTypes.DoubleType, true));
      }
    }
    return DataTypes.createStructType(sf);
  }

  private static Map<String, double[]> metrics() {
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put("dead_fraction", new double[] {0, 1});
    m.put("dormant_fraction", new double[] {0, 1});
    m.put("final_probe_loss", new double[] {0, Double.POSITIVE_INFINITY});
    m.put("final_probe_accuracy", new double[] {0, 1});
    return java.util.Collections.unmodifiableMap(m);
  }
}
