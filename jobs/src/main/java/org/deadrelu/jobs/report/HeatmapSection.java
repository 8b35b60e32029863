package org.deadrelu.jobs.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/** Mean final dead fraction of the ok trials over two settings, one panel per activation. */
final class HeatmapSection {
  private HeatmapSection() {}

  static void write(HtmlPage html, ReportData data, List<Row> ok, List<String> axes) {
    html.h2("Dead fraction over two axes: " + (axes.size() == 2 ? axes.get(0) + " x " + axes.get(1) : "n/a"));
    if (axes.size() != 2) {
      html.p("Fewer than two settings vary in this sweep: no heatmap.");
      return;
    }
    String x = axes.get(0);
    String y = axes.get(1);
    boolean panels = List.of(data.schema.fieldNames()).contains("activation") && !axes.contains("activation");
    int xi = data.index(x);
    int yi = data.index(y);
    int pi = data.index(panels ? "activation" : x);
    int dead = data.index("dead_fraction");
    // panel value -> (x level, y level) -> the trials' dead fractions
    Map<Object, Map<List<String>, List<Double>>> cells = new TreeMap<>(ReportData.SPARK_ORDER);
    TreeSet<Object> xValues = new TreeSet<>(ReportData.SPARK_ORDER);
    TreeSet<Object> yValues = new TreeSet<>(ReportData.SPARK_ORDER);
    for (Row r : ok) {
      xValues.add(r.get(xi));
      yValues.add(r.get(yi));
      List<Double> values = cells.computeIfAbsent(r.get(pi), p -> new LinkedHashMap<>())
          .computeIfAbsent(List.of(String.valueOf(r.get(xi)), String.valueOf(r.get(yi))), c -> new ArrayList<>());
      if (!r.isNullAt(dead)) {
        values.add(r.getDouble(dead));
      }
    }
    List<String> xs = xValues.stream().map(String::valueOf).toList();
    List<String> ys = yValues.stream().map(String::valueOf).toList();
    Map<String, List<Number[]>> byPanel = new LinkedHashMap<>();
    for (var panel : cells.entrySet()) {
      for (var cell : panel.getValue().entrySet()) {
        if (cell.getValue().isEmpty()) {
          continue;
        }
        double mean = cell.getValue().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        byPanel.computeIfAbsent(panels ? "activation=" + panel.getKey() : "", p -> new ArrayList<>())
            .add(new Number[] {xs.indexOf(cell.getKey().get(0)), ys.indexOf(cell.getKey().get(1)), mean});
      }
    }
    for (var e : byPanel.entrySet()) {
      html.img(Charts.dataUri(Charts.heatmap("Mean final dead fraction " + e.getKey(), x, y, xs, ys, e.getValue())), "heatmap " + e.getKey());
    }
    if (byPanel.isEmpty()) {
      html.p("No ok trials with a dead fraction.");
    }
  }
}
