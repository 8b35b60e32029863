package org.deadrelu.jobs.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.stddev_samp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.text.StringEscapeUtils;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.deadrelu.jobs.UserInputException;

/**
 * {@code deadrelu report}: summary, survival, effects, paired comparisons and importance tables next
 * to a sweep's tables, and one self-contained report.html.
 */
public final class Report {
  /** The trial-level metrics summarized per configuration. */
  public static final List<String> METRICS = List.of("dead_fraction", "dormant_fraction", "final_probe_loss", "final_probe_accuracy");
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
    String out = o.out() == null ? folder : o.out();
    Dataset<Row> all = read(spark, folder, "trials", true);
    Dataset<Row> trials = all;
    if (o.where() != null && !o.where().isBlank()) {
      try {
        trials = trials.where(o.where());
        trials.schema();
      } catch (Exception e) {
        throw new UserInputException("--where " + o.where() + ": " + firstLine(e), e);
      }
    }
    trials = trials.cache();
    long n = trials.count();
    if (n == 0) {
      throw new UserInputException("report: no trials" + (o.where() == null ? "" : " match --where " + o.where()));
    }
    List<String> cols = List.of(trials.columns());
    for (String c : concat(o.groupBy(), o.axes())) {
      if (!cols.contains(c)) {
        throw new UserInputException("column " + c + ": not a column of trials; e.g. " + String.join(", ", cols.subList(4, 12)));
      }
    }
    if (!o.axes().isEmpty() && o.axes().size() != 2) {
      throw new UserInputException("--axes " + String.join(",", o.axes()) + ": give exactly two columns, e.g. --axes init_bias,l2");
    }
    ReportData data = new ReportData(trials);
    List<String> notes = new ArrayList<>();
    List<String> groupBy = o.groupBy().isEmpty() ? defaultGroups(data) : o.groupBy();
    List<String> axes = o.axes().isEmpty() ? defaultAxes(data, notes) : o.axes();
    String label = ReportData.groupLabel(groupBy);
    Dataset<Row> ok = trials.where("status = 'ok'");
    Html html = new Html();

    // ---- summary
    StructType tschema = trials.schema();
    List<Column> aggs = new ArrayList<>();
    for (String s : data.settings) {
      aggs.add(first(col(s), true).as(s));
    }
    aggs.add(countDistinct(col("seed")).as("seeds"));
    aggs.add(count(expr("*")).as("trials"));
    aggs.add(expr("sum(CASE WHEN status = 'ok' THEN 1 ELSE 0 END)").as("ok"));
    aggs.add(expr("avg(CASE WHEN status = 'diverged' THEN 1D ELSE 0D END)").as("diverged_share"));
    aggs.add(expr("avg(CASE WHEN status = 'failed' THEN 1D ELSE 0D END)").as("failed_share"));
    for (String m : METRICS) {
      String v = "CASE WHEN status = 'ok' THEN CAST(`" + m + "` AS DOUBLE) END";
      aggs.add(expr("count(" + v + ")"));
      aggs.add(expr("avg(" + v + ")"));
      aggs.add(expr("stddev_samp(" + v + ")"));
    }
    List<Row> agg = trials.groupBy("config_id").agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]))
        .collectAsList();
    List<StructField> sf = new ArrayList<>();
    sf.add(DataTypes.createStructField("config_id", DataTypes.StringType, false));
    for (String s : data.settings) {
      sf.add(DataTypes.createStructField(s, tschema.apply(s).dataType(), true));
    }
    for (String s : List.of("seeds", "trials", "ok")) {
      sf.add(DataTypes.createStructField(s, DataTypes.LongType, false));
    }
    sf.add(DataTypes.createStructField("diverged_share", DataTypes.DoubleType, false));
    sf.add(DataTypes.createStructField("failed_share", DataTypes.DoubleType, false));
    for (String m : METRICS) {
      sf.add(DataTypes.createStructField(m + "_n", DataTypes.LongType, false));
      for (String suffix : List.of("_mean", "_sd", "_ci_low", "_ci_high")) {
        sf.add(DataTypes.createStructField(m + suffix, DataTypes.DoubleType, true));
      }
    }
    StructType summarySchema = DataTypes.createStructType(sf);
    List<Row> summary = new ArrayList<>();
    for (Row r : agg) {
      List<Object> v = new ArrayList<>();
      int i = 0;
      v.add(r.get(i++));
      for (int k = 0; k < data.settings.size(); k++) {
        v.add(r.get(i++));
      }
      v.add(r.getLong(i++));
      v.add(r.getLong(i++));
      v.add(r.getLong(i++));
      v.add(r.getDouble(i++));
      v.add(r.getDouble(i++));
      for (int k = 0; k < METRICS.size(); k++) {
        long mn = r.getLong(i++);
        Double mean = r.isNullAt(i) ? null : r.getDouble(i);
        i++;
        Double sd = r.isNullAt(i) ? null : r.getDouble(i);
        i++;
        ConfidenceInterval ci = ConfidenceInterval.of(mn, mean == null ? Double.NaN : mean, sd == null ? Double.NaN : sd, o.level());
        v.add(mn);
        v.add(mean);
        v.add(nan(ci.sd()));
        v.add(nan(ci.low()));
        v.add(nan(ci.high()));
      }
      summary.add(RowFactory.create(v.toArray()));
    }
    int deadMean = summarySchema.fieldIndex("dead_fraction_mean");
    summary.sort((a, b) -> Double.compare(dbl(b, deadMean), dbl(a, deadMean)));
    write(spark.createDataFrame(summary, summarySchema), out, "summary");
    writeCsv(spark, out + "/summary.csv", summarySchema, summary);

    // per layer
    Dataset<Row> byLayer = ok.selectExpr("config_id", "posexplode(dead_fraction_by_layer) AS (layer, v)")
        .groupBy("config_id", "layer").agg(count("v"), avg("v"), stddev_samp("v")).orderBy("config_id", "layer");
    List<Row> layerRows = new ArrayList<>();
    for (Row r : byLayer.collectAsList()) {
      ConfidenceInterval ci = ConfidenceInterval.of(r.getLong(2), r.getDouble(3), r.isNullAt(4) ? Double.NaN : r.getDouble(4), o.level());
      layerRows.add(RowFactory.create(r.getString(0), r.getInt(1), r.getLong(2), r.getDouble(3), nan(ci.sd()), nan(ci.low()), nan(ci.high())));
    }
    write(spark.createDataFrame(layerRows, schema("config_id:string", "layer:int", "n:long", "dead_fraction_mean:double",
        "dead_fraction_sd:double", "dead_fraction_ci_low:double", "dead_fraction_ci_high:double")), out, "summary_layers");

    // ---- survival: hidden neurons at each trial's last checkpoint
    Dataset<Row> neurons = read(spark, folder, "neurons", false);
    Dataset<Row> layers = read(spark, folder, "layers", false);
    Map<String, List<KaplanMeier.Point>> km = new TreeMap<>();
    Dataset<Row> perTrialDeath = null;
    if (neurons != null) {
      Dataset<Row> nt = neurons.join(trials.where("status <> 'failed'").selectExpr("trial_id", label + " AS group__"), "trial_id");
      Dataset<Row> last = nt.groupBy("trial_id").agg(expr("max(step) AS last_step__"));
      Dataset<Row> end = nt.join(last, "trial_id").where("step = last_step__ AND NOT output_layer")
          .selectExpr("trial_id", "group__", "coalesce(death_step, last_step__) AS time__",
              "death_step IS NOT NULL AS event__").cache();
      Map<String, List<KaplanMeier.Count>> counts = new TreeMap<>();
      for (Row r : end.groupBy("group__", "time__").agg(expr("sum(CASE WHEN event__ THEN 1 ELSE 0 END)"),
          expr("sum(CASE WHEN event__ THEN 0 ELSE 1 END)")).collectAsList()) {
        counts.computeIfAbsent(r.getString(0), g -> new ArrayList<>()).add(new KaplanMeier.Count(r.getInt(1), r.getLong(2), r.getLong(3)));
      }
      List<Row> kmRows = new ArrayList<>();
      for (var e : counts.entrySet()) {
        List<KaplanMeier.Point> pts = KaplanMeier.estimate(e.getValue(), o.level());
        km.put(e.getKey(), pts);
        for (KaplanMeier.Point p : pts) {
          kmRows.add(RowFactory.create(e.getKey(), p.time(), p.atRisk(), p.deaths(), p.censored(), p.survival(),
              p.stdError(), p.low(), p.high()));
        }
      }
      write(spark.createDataFrame(kmRows, schema("group:string", "step:long", "at_risk:long", "deaths:long", "censored:long",
          "survival:double", "std_error:double", "ci_low:double", "ci_high:double")), out, "survival");
      perTrialDeath = end.groupBy("trial_id").agg(expr("avg(CASE WHEN event__ THEN 1D ELSE 0D END) AS death_share__"),
          expr("count(*) AS neurons__"));
    }

    // ---- effects
    List<String> modelAxes = data.modelAxes();
    List<Effects.Term> terms = new ArrayList<>();
    Dataset<Row> okDead = ok.where("dead_fraction IS NOT NULL");
    try {
      if (perTrialDeath != null) {
        Effects.Design d = Effects.design(data, okDead.join(perTrialDeath, "trial_id"), modelAxes);
        terms.addAll(Effects.glm("binomial: per-neuron death at the last checkpoint", d, "binomial", "death_share__", "neurons__", o.level()));
      }
      Effects.Design d = Effects.design(data, okDead.withColumn("dead__", col("dead_fraction").cast("double")), modelAxes);
      terms.addAll(Effects.glm("linear: trial dead fraction", d, "gaussian", "dead__", null, o.level()));
    } catch (Exception e) {
      notes.add("effects: the model could not be fitted (" + firstLine(e) + ")");
    }
    List<Row> termRows = new ArrayList<>();
    for (Effects.Term t : terms) {
      termRows.add(RowFactory.create(t.model(), t.term(), t.axis(), t.coefficient(), t.stdError(), t.low(), t.high(), t.pValue(), t.rows()));
    }
    write(spark.createDataFrame(termRows, schema("model:string", "term:string", "axis:string", "coefficient:double",
        "std_error:double", "ci_low:double", "ci_high:double", "p_value:double", "rows:long")), out, "effects");
    List<Effects.Paired> paired = Effects.paired(data, okDead, modelAxes, "dead_fraction", o.level());
    List<Row> pairedRows = new ArrayList<>();
    for (Effects.Paired p : paired) {
      pairedRows.add(RowFactory.create(p.axis(), p.baseline(), p.level(), p.metric(), p.pairs(), p.meanDifference(),
          nan(p.sd()), nan(p.low()), nan(p.high())));
    }
    write(spark.createDataFrame(pairedRows, schema("axis:string", "baseline:string", "level:string", "metric:string",
        "pairs:long", "mean_difference:double", "sd:double", "ci_low:double", "ci_high:double")), out, "paired");

    // ---- importance
    List<Importance.Feature> importance = List.of();
    try {
      importance = Importance.of(data, okDead, modelAxes, "dead_fraction", 7);
    } catch (Exception e) {
      notes.add("importance: the forest could not be fitted (" + firstLine(e) + ")");
    }
    List<Row> impRows = new ArrayList<>();
    for (Importance.Feature f : importance) {
      impRows.add(RowFactory.create(f.feature(), f.importance(), nan(f.r2OutOfSample()), f.trainRows(), f.testRows()));
    }
    write(spark.createDataFrame(impRows, schema("feature:string", "importance:double", "r2_out_of_sample:double",
        "train_rows:long", "test_rows:long")), out, "importance");

    // ---- the page
    Sweep sweep = sweepFile(spark, folder);
    html.h1("deadrelu report: " + sweep.name());
    html.p(sweep.description());
    Map<String, Long> statuses = new TreeMap<>();
    for (Row r : trials.groupBy("status").count().collectAsList()) {
      statuses.put(r.getString(0), r.getLong(1));
    }
    html.p(String.format(Locale.ROOT, "%d trials (%s) in %d configurations%s. Swept: %s.", n, statuses, summary.size(),
        o.where() == null ? "" : ", where " + o.where(), data.swept.isEmpty() ? "nothing" : describeLevels(data)));
    html.p("Statistics: means over the seeds of each configuration, over trials with status ok, with Student-t "
        + Math.round(o.level() * 100) + "% confidence intervals.");
    for (String note : notes) {
      html.p("Note: " + note);
    }

    html.h2("Worst and best configurations (final dead fraction)");
    List<String> head = new ArrayList<>(List.of("config_id"));
    head.addAll(data.swept);
    head.addAll(List.of("seeds", "dead fraction [CI]", "dormant", "probe accuracy", "diverged"));
    List<Row> shown = summary.size() <= 10 ? summary : concatRows(summary.subList(0, 5), summary.subList(summary.size() - 5, summary.size()));
    List<List<String>> cells = new ArrayList<>();
    for (Row r : shown) {
      List<String> c = new ArrayList<>();
      c.add(r.getString(0));
      for (String s : data.swept) {
        c.add(String.valueOf(r.get(summarySchema.fieldIndex(s))));
      }
      c.add(String.valueOf(r.get(summarySchema.fieldIndex("seeds"))));
      c.add(withCi(r, summarySchema, "dead_fraction"));
      c.add(fmt(r.get(summarySchema.fieldIndex("dormant_fraction_mean"))));
      c.add(fmt(r.get(summarySchema.fieldIndex("final_probe_accuracy_mean"))));
      c.add(fmt(r.get(summarySchema.fieldIndex("diverged_share"))));
      cells.add(c);
    }
    html.table(head, cells);
    if (summary.size() > 10) {
      html.p("The 5 worst, then the 5 best of " + summary.size() + " configurations; all are in summary/ and summary.csv.");
    }

    html.h2("Dead fraction over two axes: " + (axes.size() == 2 ? axes.get(0) + " x " + axes.get(1) : "n/a"));
    if (axes.size() == 2) {
      heatmaps(html, ok, axes, data);
    } else {
      html.p("Fewer than two settings vary in this sweep: no heatmap.");
    }

    html.h2("Dead fraction over training steps");
    html.p("Hidden neurons dead at each checkpoint (all hidden layers, weighted by width), mean over trials, by "
        + (groupBy.isEmpty() ? "nothing (all trials)" : String.join(", ", groupBy)) + ".");
    if (layers != null) {
      Dataset<Row> lt = layers.where("NOT output_layer").join(ok.selectExpr("trial_id", label + " AS group__"), "trial_id");
      Dataset<Row> perStep = lt.groupBy("group__", "trial_id", "step").agg(expr("sum(dead_fraction * width) / sum(width) AS d"))
          .groupBy("group__", "step").agg(avg("d")).orderBy("group__", "step");
      html.img(Charts.dataUri(Charts.lines("Dead fraction over steps", "step", "dead fraction",
          series(perStep.collectAsList()), false, false)), "dead fraction over steps");

      html.h2("Layer gradient norms against depth (vanishing gradients)");
      Dataset<Row> lastL = layers.groupBy("trial_id").agg(expr("max(step) AS last__"));
      for (boolean init : new boolean[] {true, false}) {
        Dataset<Row> g = layers.join(lastL, "trial_id").where(init ? "step = 0" : "step = last__")
            .join(ok.selectExpr("trial_id", label + " AS group__"), "trial_id")
            .where("weight_grad_norm > 0").groupBy("group__", "layer").agg(avg("weight_grad_norm")).orderBy("group__", "layer");
        html.img(Charts.dataUri(Charts.lines("Weight gradient norm by layer " + (init ? "at initialization" : "at the last checkpoint"),
            "layer (0 = first hidden; the last is the output layer)", "mean weight gradient norm (log)",
            series(g.collectAsList()), false, true)), "gradient norm vs depth");
      }
    }

    html.h2("Survival of hidden neurons (Kaplan-Meier)");
    html.p("Share of hidden neurons still alive after each step: a neuron's lifetime ends at its death_step (the first "
        + "checkpoint from which it stays dead); neurons alive at the end are censored at their trial's last checkpoint. "
        + "Tables: survival/.");
    if (!km.isEmpty()) {
      Map<String, double[][]> s = new LinkedHashMap<>();
      List<List<String>> med = new ArrayList<>();
      for (var e : km.entrySet()) {
        List<KaplanMeier.Point> pts = e.getValue();
        double[][] xy = new double[2][pts.size() + 1];
        xy[0][0] = 0;
        xy[1][0] = 1;
        String median = "not reached";
        for (int i = 0; i < pts.size(); i++) {
          xy[0][i + 1] = pts.get(i).time();
          xy[1][i + 1] = pts.get(i).survival();
          if (median.equals("not reached") && pts.get(i).survival() <= 0.5) {
            median = String.valueOf(pts.get(i).time());
          }
        }
        s.put(e.getKey(), xy);
        KaplanMeier.Point lastP = pts.get(pts.size() - 1);
        med.add(List.of(e.getKey(), String.valueOf(pts.get(0).atRisk()), fmt(lastP.survival())
            + " [" + fmt(lastP.low()) + ", " + fmt(lastP.high()) + "]", median));
      }
      html.img(Charts.dataUri(Charts.lines("Kaplan-Meier survival of hidden neurons", "step", "share alive", s, true, false)), "survival curves");
      html.table(List.of("group", "neurons", "survival at the end [CI]", "median lifetime (step)"), med);
    } else {
      html.p("No neurons table.");
    }

    html.h2("Effects of the settings on neuron death");
    html.p("Two models with the same terms (numeric settings per unit; true vs false; each choice vs its first level). "
        + "Binomial (logit) on per-neuron death at the last checkpoint: coefficients are log odds ratios; neurons of one "
        + "trial are not independent, so its intervals are too narrow. Linear on each trial's dead fraction (the seeds "
        + "are the independent replicates): coefficients are in dead-fraction units, and its intervals are the ones to trust.");
    List<List<String>> et = new ArrayList<>();
    List<String> en = new ArrayList<>();
    List<Double> ev = new ArrayList<>();
    List<Double> ee = new ArrayList<>();
    for (Effects.Term t : terms) {
      et.add(List.of(t.model(), t.term(), fmt(t.coefficient()), fmt(t.stdError()), "[" + fmt(t.low()) + ", " + fmt(t.high()) + "]", fmt(t.pValue())));
      if (t.model().startsWith("linear") && !t.term().equals("(intercept)") && Double.isFinite(t.stdError())) {
        en.add(t.term());
        ev.add(t.coefficient());
        ee.add(t.high() - t.coefficient());
      }
    }
    if (!en.isEmpty()) {
      html.img(Charts.dataUri(Charts.bars("Effect on the trial dead fraction (linear model, " + Math.round(o.level() * 100) + "% CI)",
          "coefficient", en, ev, ee)), "effects");
    }
    html.table(List.of("model", "term", "coefficient", "std error", "CI", "p-value"), et);
    html.h3("Paired comparisons");
    html.p("Trials with the same seed and every other setting equal, one at the first level of an axis and one at another: "
        + "the mean of (dead fraction at the level - at the baseline). Tables: paired/.");
    List<List<String>> pt = new ArrayList<>();
    for (Effects.Paired p : paired) {
      pt.add(List.of(p.axis(), p.baseline(), p.level(), String.valueOf(p.pairs()), fmt(p.meanDifference()),
          "[" + fmt(p.low()) + ", " + fmt(p.high()) + "]"));
    }
    html.table(List.of("axis", "baseline", "level", "pairs", "mean difference", "CI"), pt);

    html.h2("Importance of the settings for the final dead fraction");
    if (!importance.isEmpty()) {
      double r2 = importance.get(0).r2OutOfSample();
      html.p(String.format(Locale.ROOT, "Random forest (100 trees) feature importances; out-of-sample R^2 = %s on %d held-out "
          + "trials (trained on %d). Trust the ranking only as far as R^2 is high.", fmt(r2), importance.get(0).testRows(),
          importance.get(0).trainRows()));
      html.img(Charts.dataUri(Charts.bars("Random-forest importance", "importance",
          importance.stream().map(Importance.Feature::feature).toList(),
          importance.stream().map(Importance.Feature::importance).toList(), null)), "importance");
    } else {
      html.p("Not enough trials or no swept settings.");
    }

    html.h2("Appendix");
    html.p("Command:");
    html.pre(o.command() == null ? "deadrelu report " + folder : o.command());
    html.p("Trial counts by status: " + statuses + "; trials in the folder: " + all.count() + ".");
    List<List<String>> counts = new ArrayList<>();
    for (Row r : summary) {
      List<String> c = new ArrayList<>();
      c.add(r.getString(0));
      for (String s : data.swept) {
        c.add(String.valueOf(r.get(summarySchema.fieldIndex(s))));
      }
      c.add(String.valueOf(r.get(summarySchema.fieldIndex("trials"))));
      c.add(String.valueOf(r.get(summarySchema.fieldIndex("ok"))));
      c.add(fmt(r.get(summarySchema.fieldIndex("diverged_share"))));
      counts.add(c);
    }
    List<String> ch = new ArrayList<>(List.of("config_id"));
    ch.addAll(data.swept);
    ch.addAll(List.of("trials", "ok", "diverged share"));
    html.table(ch, counts);
    String htmlPath = out + "/report.html";
    writeText(spark, htmlPath, html.render(sweep.name()));
    trials.unpersist();
    return new Result(n, summary.size(), data.swept, groupBy, axes, htmlPath, notes);
  }

  // ---------------------------------------------------------------- helpers

  static List<String> defaultGroups(ReportData data) {
    List<String> axes = data.modelAxes();
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
    List<String> cand = new ArrayList<>(data.modelAxes());
    if (cand.size() > 2) {
      cand.remove("activation"); // it has its own panels
    }
    if (cand.size() >= 2) {
      notes.add("init_bias and l2 are not both swept: the heatmap shows " + cand.get(0) + " x " + cand.get(1) + " (choose with --axes X,Y)");
      return cand.subList(0, 2);
    }
    return List.of();
  }

  private static void heatmaps(Html html, Dataset<Row> ok, List<String> axes, ReportData data) {
    String x = axes.get(0);
    String y = axes.get(1);
    boolean panels = List.of(ok.columns()).contains("activation") && !axes.contains("activation");
    Dataset<Row> cells = ok.groupBy(col(panels ? "activation" : x).as("panel__"), col(x).cast("string").as("x__"), col(y).cast("string").as("y__"))
        .agg(avg("dead_fraction")).orderBy("panel__");
    List<Row> rows = cells.collectAsList();
    List<String> xs = levels(ok, x);
    List<String> ys = levels(ok, y);
    Map<String, List<Number[]>> byPanel = new LinkedHashMap<>();
    for (Row r : rows) {
      if (r.isNullAt(3)) {
        continue;
      }
      String panel = panels ? "activation=" + r.get(0) : "";
      byPanel.computeIfAbsent(panel, p -> new ArrayList<>()).add(new Number[] {xs.indexOf(String.valueOf(r.get(1))),
          ys.indexOf(String.valueOf(r.get(2))), r.getDouble(3)});
    }
    for (var e : byPanel.entrySet()) {
      html.img(Charts.dataUri(Charts.heatmap("Mean final dead fraction " + e.getKey(), x, y, xs, ys, e.getValue())), "heatmap " + e.getKey());
    }
    if (byPanel.isEmpty()) {
      html.p("No ok trials with a dead fraction.");
    }
  }

  private static List<String> levels(Dataset<Row> ds, String c) {
    List<String> out = new ArrayList<>();
    for (Row r : ds.select(col(c)).distinct().orderBy(col(c).asc_nulls_first()).collectAsList()) {
      out.add(String.valueOf(r.get(0)));
    }
    return out;
  }

  /** (group, x, y) rows to one series per group. */
  private static Map<String, double[][]> series(List<Row> rows) {
    Map<String, List<double[]>> m = new LinkedHashMap<>();
    for (Row r : rows) {
      if (!r.isNullAt(2)) {
        m.computeIfAbsent(r.getString(0), g -> new ArrayList<>()).add(new double[] {((Number) r.get(1)).doubleValue(), r.getDouble(2)});
      }
    }
    Map<String, double[][]> out = new LinkedHashMap<>();
    for (var e : m.entrySet()) {
      double[][] xy = new double[2][e.getValue().size()];
      for (int i = 0; i < xy[0].length; i++) {
        xy[0][i] = e.getValue().get(i)[0];
        xy[1][i] = e.getValue().get(i)[1];
      }
      out.put(e.getKey(), xy);
    }
    return out;
  }

  private static String describeLevels(ReportData data) {
    List<String> parts = new ArrayList<>();
    for (String s : data.swept) {
      parts.add(s + " " + data.levels.get(s));
    }
    return String.join("; ", parts);
  }

  private static String withCi(Row r, StructType s, String m) {
    Object mean = r.get(s.fieldIndex(m + "_mean"));
    Object lo = r.get(s.fieldIndex(m + "_ci_low"));
    Object hi = r.get(s.fieldIndex(m + "_ci_high"));
    return fmt(mean) + (lo == null ? "" : " [" + fmt(lo) + ", " + fmt(hi) + "]");
  }

  static String fmt(Object v) {
    if (v == null) {
      return "n/a";
    }
    if (v instanceof Double d) {
      if (d.isNaN()) {
        return "n/a";
      }
      double a = Math.abs(d);
      return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3g", d) : String.format(Locale.ROOT, "%.4f", d);
    }
    return String.valueOf(v);
  }

  private static Double nan(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static double dbl(Row r, int i) {
    return r.isNullAt(i) ? Double.NEGATIVE_INFINITY : r.getDouble(i);
  }

  private static List<Row> concatRows(List<Row> a, List<Row> b) {
    List<Row> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static StructType schema(String... fields) {
    List<StructField> out = new ArrayList<>();
    for (String f : fields) {
      String[] nt = f.split(":");
      DataType t = switch (nt[1]) {
        case "string" -> DataTypes.StringType;
        case "int" -> DataTypes.IntegerType;
        case "long" -> DataTypes.LongType;
        default -> DataTypes.DoubleType;
      };
      out.add(DataTypes.createStructField(nt[0], t, true));
    }
    return DataTypes.createStructType(out);
  }

  private static String firstLine(Exception e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
  }

  static Dataset<Row> read(SparkSession spark, String folder, String table, boolean required) throws IOException {
    Path p = new Path(folder, table);
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (fs.exists(p) && fs.listStatus(p, f -> f.getName().endsWith(".parquet")).length > 0) {
      return spark.read().parquet(p.toString());
    }
    if (required) {
      throw new UserInputException("result folder " + folder + ": holds no " + table + " table; give a sweep's folder, e.g. results/quickstart");
    }
    return null;
  }

  private static void write(Dataset<Row> df, String out, String name) {
    df.coalesce(1).write().mode(SaveMode.Overwrite).parquet(new Path(out, name).toString());
  }

  static void writeText(SparkSession spark, String path, String text) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (OutputStream os = fs.create(p, true)) {
      os.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void writeCsv(SparkSession spark, String path, StructType schema, List<Row> rows) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", schema.fieldNames())).append('\n');
    for (Row r : rows) {
      for (int i = 0; i < r.length(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        Object v = r.get(i);
        if (v != null) {
          String s = String.valueOf(v);
          sb.append(s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
        }
      }
      sb.append('\n');
    }
    writeText(spark, path, sb.toString());
  }

  record Sweep(String name, String description) {}

  private static Sweep sweepFile(SparkSession spark, String folder) {
    try {
      Path meta = new Path(folder, "_deadrelu");
      FileSystem fs = meta.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (FileStatus f : fs.listStatus(meta, p -> p.getName().startsWith("sweep-") && p.getName().endsWith(".yaml"))) {
        String text = new String(fs.open(f.getPath()).readAllBytes(), StandardCharsets.UTF_8);
        Object doc = new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder().build()).loadFromString(text);
        if (doc instanceof Map<?, ?> m) {
          return new Sweep(String.valueOf(m.get("name")), m.get("description") == null ? "" : String.valueOf(m.get("description")).trim());
        }
      }
    } catch (Exception e) {
      // fall through: a folder without its sweep file still gets a report
    }
    return new Sweep(new Path(folder).getName(), "");
  }

  /** A minimal HTML page builder: every text is escaped. */
  static final class Html {
    private final StringBuilder body = new StringBuilder();
    private int images;

    void h1(String s) {
      body.append("<h1>").append(esc(s)).append("</h1>\n");
    }

    void h2(String s) {
      body.append("<h2>").append(esc(s)).append("</h2>\n");
    }

    void h3(String s) {
      body.append("<h3>").append(esc(s)).append("</h3>\n");
    }

    void p(String s) {
      body.append("<p>").append(esc(s)).append("</p>\n");
    }

    void pre(String s) {
      body.append("<pre>").append(esc(s)).append("</pre>\n");
    }

    void img(String dataUri, String alt) {
      images++;
      body.append("<img class=\"plot\" alt=\"").append(esc(alt)).append("\" src=\"").append(dataUri).append("\">\n");
    }

    void table(List<String> head, List<List<String>> rows) {
      if (rows.isEmpty()) {
        body.append("<p><em>none</em></p>\n");
        return;
      }
      body.append("<table><thead><tr>");
      for (String h : head) {
        body.append("<th>").append(esc(h)).append("</th>");
      }
      body.append("</tr></thead><tbody>\n");
      for (List<String> r : rows) {
        body.append("<tr>");
        for (String c : r) {
          body.append("<td>").append(esc(c)).append("</td>");
        }
        body.append("</tr>\n");
      }
      body.append("</tbody></table>\n");
    }

    int images() {
      return images;
    }

    String render(String title) {
      return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>deadrelu report: " + esc(title)
          + "</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
          + "table{border-collapse:collapse;margin:1em 0;font-size:0.9em}th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}"
          + "th{background:#f0f0f0}img.plot{display:block;margin:1em 0;max-width:100%}pre{background:#f6f6f6;padding:0.5em;white-space:pre-wrap}"
          + "</style></head><body>\n" + body + "</body></html>\n";
    }

    private static String esc(String s) {
      return StringEscapeUtils.escapeHtml4(s == null ? "" : s);
    }
  }
}
