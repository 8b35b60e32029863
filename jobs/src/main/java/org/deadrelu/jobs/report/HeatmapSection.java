package org.deadrelu.jobs.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/** Mean final dead fraction of the ok trials over two settings, one panel per activation. */
final class HeatmapSection {
  /** The one level of an axis that does not apply in a panel (XChart cannot draw an empty label). */
  static final String NA = "n/a";

  private HeatmapSection() {}

  /** One panel: its levels of x and y (only those its trials have) and its cells' means. */
  record Panel(String name, List<String> xs, List<String> ys, String yTitle, List<Number[]> cells) {}

  static void write(HtmlPage html, ReportData data, List<Row> ok, List<String> axes) {
    html.h2("Dead fraction over two axes: " + (axes.size() == 2 ? axes.get(0) + " x " + axes.get(1) : "n/a"));
    if (axes.size() != 2) {
      html.p("Fewer than two settings vary in this sweep: no heatmap.");
      return;
    }
    List<String> notes = new ArrayList<>();
    List<Panel> panels = panels(data, ok, axes, notes);
    for (String n : notes) {
      html.p("Note: " + n);
    }
    html.grid();
    for (Panel p : panels) {
      Plot plot = Plot.heatmap("heatmap" + (p.name().isEmpty() ? "" : "-" + Plot.slug(p.name())),
          "Mean final dead fraction" + (p.name().isEmpty() ? "" : ", " + p.name()), axes.get(0), p.yTitle());
      plot.xOrder = p.xs();
      plot.yOrder = p.ys();
      for (Number[] c : p.cells()) {
        plot.row(p.xs().get(c[0].intValue()), p.ys().get(c[1].intValue()), c[2].doubleValue());
      }
      html.chart(plot);
    }
    html.endGrid();
    if (panels.isEmpty()) {
      html.p("No ok trials with a dead fraction.");
    }
  }

  /**
   * The panels, one per activation unless activation is an axis. Each panel has only the levels its
   * own trials have, so a level of another panel is not an empty row here; an axis whose value is
   * null for every trial of a panel (alpha under plain ReLU) does not apply there and gets no row of
   * its own: the panel is one row over the other axis, and {@code notes} says so.
   */
  static List<Panel> panels(ReportData data, List<Row> ok, List<String> axes, List<String> notes) {
    String x = axes.get(0);
    String y = axes.get(1);
    boolean split = List.of(data.schema.fieldNames()).contains("activation") && !axes.contains("activation");
    int xi = data.index(x);
    int yi = data.index(y);
    int pi = data.index(split ? "activation" : x);
    int dead = data.index("dead_fraction");
    Map<Object, List<Row>> byPanel = new TreeMap<>(ReportData.SPARK_ORDER);
    for (Row r : ok) {
      if (!r.isNullAt(dead)) {
        byPanel.computeIfAbsent(split ? r.get(pi) : "", k -> new ArrayList<>()).add(r);
      }
    }
    List<Panel> out = new ArrayList<>();
    for (var panel : byPanel.entrySet()) {
      String name = split ? "activation=" + panel.getKey() : "";
      List<Row> rows = panel.getValue();
      boolean xNull = rows.stream().allMatch(r -> r.isNullAt(xi));
      boolean yNull = rows.stream().allMatch(r -> r.isNullAt(yi));
      if (xNull || yNull) {
        notes.add((xNull ? x : y) + " is null for every trial" + (split ? " with " + name : "")
            + ": it does not apply there, so its heatmap has no " + (xNull ? x : y) + " levels");
      }
      TreeSet<Object> xValues = new TreeSet<>(ReportData.SPARK_ORDER);
      TreeSet<Object> yValues = new TreeSet<>(ReportData.SPARK_ORDER);
      Map<List<String>, double[]> sums = new LinkedHashMap<>();
      for (Row r : rows) {
        xValues.add(xNull ? NA : label(r.get(xi)));
        yValues.add(yNull ? NA : label(r.get(yi)));
        double[] s = sums.computeIfAbsent(List.of(xNull ? NA : label(r.get(xi)), yNull ? NA : label(r.get(yi))),
            k -> new double[2]);
        s[0] += r.getDouble(dead);
        s[1]++;
      }
      List<String> xs = levels(data, x, xValues, xNull);
      List<String> ys = levels(data, y, yValues, yNull);
      List<Number[]> cells = new ArrayList<>();
      sums.forEach((k, s) -> cells.add(new Number[] {xs.indexOf(k.get(0)), ys.indexOf(k.get(1)), s[0] / s[1]}));
      out.add(new Panel(name, xs, ys, yNull ? y + " (not set)" : y, cells));
    }
    return out;
  }

  /** The labels of the levels present, in the order of the setting's levels; one blank level for an axis that does not apply. */
  private static List<String> levels(ReportData data, String axis, TreeSet<Object> present, boolean absent) {
    if (absent) {
      return List.of(NA);
    }
    List<String> out = new ArrayList<>();
    for (Object v : data.levels.getOrDefault(axis, new ArrayList<>(present))) {
      String l = label(v);
      if (present.contains(l) && !out.contains(l)) {
        out.add(l);
      }
    }
    // values of a setting that is not swept (a user's --axes) are not in data.levels
    present.stream().map(Objects::toString).filter(l -> !out.contains(l)).forEach(out::add);
    return out;
  }

  private static String label(Object v) {
    return v == null ? "not set" : String.valueOf(v);
  }
}
