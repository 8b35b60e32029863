package org.deadrelu.jobs.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.UserInputException;
import org.deadrelu.jobs.output.ResultTables;

/**
 * {@code deadrelu report}: summary, survival, effects, paired comparisons and importance tables next
 * to a sweep's tables, and one self-contained report.html. The trials are few, so they are read once
 * and summarized on the driver; Spark aggregates the neurons and layers tables, and fits the models.
 */
public final class Report {
  private static final int MAX_GROUPS = 10;

  private Report() {}

  /**
   * @param groupBy columns of trials that split curves and survival (empty: chosen from the swept axes)
   * @param where a SQL predicate on trials (null: all)
   * @param axes the heatmap's two axes (empty: init_bias, l2 when swept, else the first two swept)
   * @param command the command line, shown in the appendix
   * @param out where to write (null: the result folder)
   */
  public record Options(List<String> groupBy, String where, List<String> axes, double level, String command, String out) {}

  public record Result(long trials, long configs, List<String> swept, List<String> groupBy, List<String> axes,
      String html, List<String> notes) {}

  public static Result run(SparkSession spark, String folder, Options o) throws IOException {
    return run(ResultTables.open(spark, folder), o);
  }

  public static Result run(ResultTables tables, Options o) throws IOException {
    return run(tables, o, line -> {});
  }

  /** {@code progress}: one line as each stage starts, for the console. */
  public static Result run(ResultTables tables, Options o, Consumer<String> progress) throws IOException {
    String folder = tables.folder();
    progress.accept("report: reading the trials of " + folder);
    ReportInput in = ReportInput.read(tables, o.where());
    long n = in.selectedRows.size();
    if (n == 0) {
      throw new UserInputException("report: no trials" + (o.where() == null ? "" : " match --where " + o.where()));
    }
    List<String> cols = List.of(in.selected.columns());
    for (String c : concat(o.groupBy(), o.axes())) {
      if (!cols.contains(c)) {
        throw new UserInputException("column " + c + ": not a column of trials; e.g. " + String.join(", ", cols.subList(4, 12)));
      }
    }
    if (!o.axes().isEmpty() && o.axes().size() != 2) {
      throw new UserInputException("--axes " + String.join(",", o.axes()) + ": give exactly two columns, e.g. --axes init_bias,l2");
    }
    ReportData data = new ReportData(in.selected, in.selectedRows);
    List<String> notes = new ArrayList<>();
    List<String> groupBy = o.groupBy().isEmpty() ? defaultGroups(data) : o.groupBy();
    List<String> axes = o.axes().isEmpty() ? defaultAxes(data, notes) : o.axes();
    Map<String, String> groupOf = new HashMap<>();
    Map<String, String> groupOfOk = new HashMap<>();
    for (Row r : in.selected.selectExpr("trial_id", "status", ReportData.groupLabel(groupBy)).collectAsList()) {
      if (!"failed".equals(r.getString(1))) {
        groupOf.put(r.getString(0), r.getString(2));
      }
      if ("ok".equals(r.getString(1))) {
        groupOfOk.put(r.getString(0), r.getString(2));
      }
    }
    int status = data.index("status");
    int dead = data.index("dead_fraction");
    List<Row> ok = data.rows.stream().filter(r -> "ok".equals(r.getString(status))).toList();
    List<Row> okDeadRows = ok.stream().filter(r -> !r.isNullAt(dead)).toList();
    Dataset<Row> okDead = in.selected.where("status = 'ok' AND dead_fraction IS NOT NULL");

    ReportFiles files = new ReportFiles(tables.spark(), o.out() == null ? folder : o.out());
    progress.accept(String.format(Locale.ROOT, "report: %d trials (%s); summarizing %s", n, statusWords(data),
        data.swept.isEmpty() ? "one configuration" : "over " + String.join(", ", data.swept)));
    SummarySection summary = new SummarySection(data, o.level());
    summary.write(files);
    progress.accept("report: survival of hidden neurons (reads the neurons table)");
    SurvivalSection survival = new SurvivalSection(in.neuronEnds(groupOf.keySet()), groupOf, o.level());
    survival.write(files);
    progress.accept("report: effects of the settings (GLMs) and paired comparisons");
    EffectsSection effects = new EffectsSection(data, okDead, okDeadRows, survival.byTrial, o.level(), notes);
    effects.write(files);
    progress.accept("report: importance of the settings (random forest)");
    ImportanceSection importance = new ImportanceSection(data, okDeadRows, notes);
    importance.write(files);

    progress.accept("report: charts and report.html (reads the layers table)");
    ReportInput.Sweep sweep = in.sweep();
    HtmlPage html = new HtmlPage();
    html.h1("deadrelu report: " + sweep.name());
    html.p(sweep.description());
    String statuses = statusWords(data);
    html.p(String.format(Locale.ROOT, "%d trials (%s) in %d configurations%s. Swept: %s.", n, statuses, summary.rows.size(),
        o.where() == null ? "" : ", where " + o.where(), data.swept.isEmpty() ? "nothing" : describeLevels(data)));
    html.p("Statistics: means over the seeds of each configuration, over trials with status ok, with Student-t "
        + Math.round(o.level() * 100) + "% confidence intervals (the seed is the unit; intervals of fractions are cut to "
        + "[0, 1]); the share of trials that diverged with a Wilson score interval.");
    for (String note : notes) {
      html.p("Note: " + note);
    }
    summary.worstAndBest(html, data);
    HeatmapSection.write(html, data, ok, axes);
    AxesSection.write(html, data, summary, o.level());
    LayersSection.write(html, in.layers(groupOfOk.keySet()), groupOfOk, groupBy, o.level());
    survival.html(html, groupBy);
    effects.html(html);
    importance.html(html);

    html.h2("Appendix");
    html.p("Command:");
    html.pre(o.command() == null ? "deadrelu report " + folder : o.command());
    html.p("Trial counts by status: " + statuses + "; trials in the folder: " + in.trialsInFolder + ".");
    summary.counts(html, data);
    for (var f : html.chartFiles().entrySet()) {
      files.text("charts/" + f.getKey(), f.getValue());
    }
    String htmlPath = files.text("report.html", html.render(sweep.name()));
    files.finish();
    return new Result(n, summary.rows.size(), data.swept, groupBy, axes, htmlPath, notes);
  }

  /** Trial counts by status in words, most common first: "10 ok, 2 diverged". */
  static String statusWords(ReportData data) {
    int status = data.index("status");
    Map<String, Long> counts = new TreeMap<>();
    for (Row r : data.rows) {
      counts.merge(String.valueOf(r.getString(status)), 1L, Long::sum);
    }
    return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", "));
  }

  /** Swept settings, less those another swept setting determines (alpha by activation): they would only repeat it. */
  static List<String> defaultGroups(ReportData data) {
    List<String> axes = Dependence.independent(data, data.modelAxes());
    long groups = 1;
    for (String a : axes) {
      groups *= data.levels.get(a).size();
    }
    if (groups <= MAX_GROUPS) {
      return axes;
    }
    for (String a : axes) {
      if (data.levels.get(a).size() <= MAX_GROUPS) {
        return List.of(a);
      }
    }
    return List.of();
  }

  static List<String> defaultAxes(ReportData data, List<String> notes) {
    if (data.swept.contains("init_bias") && data.swept.contains("l2")) {
      return List.of("init_bias", "l2");
    }
    List<String> cand = new ArrayList<>(Dependence.independent(data, data.modelAxes()));
    if (cand.size() > 2) {
      cand.remove("activation"); // it has its own panels
    }
    if (cand.size() >= 2) {
      notes.add("init_bias and l2 are not both swept: the heatmap shows " + cand.get(0) + " x " + cand.get(1) + " (choose with --axes X,Y)");
      return cand.subList(0, 2);
    }
    return List.of();
  }

  private static String describeLevels(ReportData data) {
    List<String> parts = new ArrayList<>();
    for (String s : data.swept) {
      parts.add(s + " " + data.levels.get(s));
    }
    return String.join("; ", parts);
  }

  static String firstLine(Exception e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
