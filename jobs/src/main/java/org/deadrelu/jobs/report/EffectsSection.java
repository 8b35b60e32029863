package org.deadrelu.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.deadrelu.jobs.report.HtmlPage.fmt;
import static org.deadrelu.jobs.report.ReportFiles.orNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The effect of each swept setting on death: two GLMs with the same terms (binomial on per-neuron
 * death, linear on each trial's dead fraction) and the paired comparisons. Written as effects/ and paired/.
 */
final class EffectsSection {
  /** A term of a model without an estimate, and why. */
  record Missing(String model, String term, String status, String reason) {}

  final List<Effects.Term> terms = new ArrayList<>();
  final List<Missing> missing = new ArrayList<>();
  final List<Effects.Paired> paired;
  private final double level;

  /**
   * {@code okDead}: the ok trials with a dead fraction (rows held on the driver); {@code deaths}: each
   * trial's hidden neurons at the end and how many had died (empty without a neurons table).
   */
  EffectsSection(ReportData data, Dataset<Row> okDead, List<Row> okDeadRows, Map<String, SurvivalSection.TrialDeaths> deaths,
      double level, List<String> notes) {
    this.level = level;
    List<String> axes = data.modelAxes();
    if (!deaths.isEmpty()) {
      fit("binomial: per-neuron death at the last checkpoint", "binomial", "death_share__", "neurons__",
          () -> Effects.design(data, withDeaths(data, okDead, okDeadRows, deaths), axes), notes);
    }
    fit("linear: trial dead fraction", "gaussian", "dead__", null,
        () -> Effects.design(data, okDead.withColumn("dead__", col("dead_fraction").cast("double")), axes), notes);
    // a setting another determines (alpha by activation) would only mirror that one's comparison
    paired = Effects.paired(data, okDeadRows, Dependence.independent(data, axes), "dead_fraction", level);
  }

  private void fit(String model, String family, String label, String weight, Supplier<Effects.Design> design, List<String> notes) {
    try {
      Effects.Design d = design.get();
      for (String a : d.aliased()) {
        missing.add(new Missing(model, a, "aliased", "no estimate: a linear combination of the terms before it over these "
            + "trials (e.g. a setting only one level of another has), left out of the model"));
      }
      if (!d.aliased().isEmpty()) {
        String note = "effects: " + String.join(", ", d.aliased()) + (d.aliased().size() == 1 ? " is" : " are")
            + " a linear combination of the terms before it over these trials (e.g. a setting only one level of another has)"
            + " and is left out of the models";
        if (!notes.contains(note)) {
          notes.add(note);
        }
      }
      if (family.equals("binomial") && !d.terms().isEmpty()) {
        List<String> separated = Effects.separated(d, label, weight);
        if (!separated.isEmpty()) {
          // the likelihood has no maximum: whatever IRLS stops at is an artefact of when it stopped
          for (String t : separated) {
            missing.add(new Missing(model, t, "separated", "no estimate: infinite (the settings separate the trials "
                + "where neurons died from those where none did)"));
          }
          notes.add("effects: the binomial model's estimates do not exist: " + String.join(", ", separated)
              + " would be infinite, because the settings separate the outcomes" + separationExample(d, label)
              + "; the binomial model is not reported, the linear model is");
          return;
        }
      }
      List<Effects.Term> fitted = Effects.glm(model, d, family, label, weight, level);
      if (!fitted.isEmpty() && !fitted.get(0).converged()) {
        for (Effects.Term t : fitted) {
          missing.add(new Missing(model, t.term(), "not converged", "no estimate: the fit did not converge in "
              + Effects.MAX_ITERATIONS + " iterations"));
        }
        notes.add("effects: the " + family + " model did not converge in " + Effects.MAX_ITERATIONS + " iterations; its"
            + " estimates are not reported");
        return;
      }
      terms.addAll(fitted);
    } catch (Exception e) {
      notes.add("effects: the " + family + " model could not be fitted (" + Report.firstLine(e) + ")");
    }
  }

  /** ", e.g. no neuron died in any trial with activation=leaky_relu": a level of a setting where the outcome never varies. */
  private static String separationExample(Effects.Design d, String label) {
    for (String axis : d.termAxes().stream().distinct().toList()) {
      for (Row r : d.rows().groupBy(col("`" + axis + "`")).agg(max(col(label)), min(col(label))).collectAsList()) {
        double hi = r.isNullAt(1) ? Double.NaN : ((Number) r.get(1)).doubleValue();
        double lo = r.isNullAt(2) ? Double.NaN : ((Number) r.get(2)).doubleValue();
        if (hi == 0 || lo == 1) {
          return ", e.g. " + (hi == 0 ? "no neuron died" : "every neuron died") + " in any trial with " + axis + "=" + r.get(0);
        }
      }
    }
    return "";
  }

  /** The trials with two more columns: the share of their hidden neurons that died, and how many there were. */
  private static Dataset<Row> withDeaths(ReportData data, Dataset<Row> okDead, List<Row> rows,
      Map<String, SurvivalSection.TrialDeaths> deaths) {
    StructType schema = okDead.schema().add("death_share__", DataTypes.DoubleType).add("neurons__", DataTypes.LongType);
    int id = data.index("trial_id");
    List<Row> out = new ArrayList<>();
    for (Row r : rows) {
      SurvivalSection.TrialDeaths d = deaths.get(r.getString(id));
      if (d != null) {
        Object[] v = new Object[r.length() + 2];
        for (int i = 0; i < r.length(); i++) {
          v[i] = r.get(i);
        }
        v[r.length()] = (double) d.died() / d.neurons();
        v[r.length() + 1] = d.neurons();
        out.add(RowFactory.create(v));
      }
    }
    return okDead.sparkSession().createDataFrame(out, schema);
  }

  void write(ReportFiles files) {
    List<Row> termRows = new ArrayList<>();
    for (Effects.Term t : terms) {
      termRows.add(RowFactory.create(t.model(), t.term(), t.axis(), "estimated", t.coefficient(), t.stdError(), t.low(),
          t.high(), t.pValue(), t.rows()));
    }
    for (Missing m : missing) {
      termRows.add(RowFactory.create(m.model(), m.term(), null, m.status(), null, null, null, null, null, null));
    }
    files.parquet("effects", ReportFiles.schema("model:string", "term:string", "axis:string", "status:string",
        "coefficient:double", "std_error:double", "ci_low:double", "ci_high:double", "p_value:double", "rows:long"), termRows);
    List<Row> pairedRows = new ArrayList<>();
    for (Effects.Paired p : paired) {
      pairedRows.add(RowFactory.create(p.axis(), p.baseline(), p.level(), p.metric(), p.pairs(), p.meanDifference(),
          orNull(p.sd()), orNull(p.low()), orNull(p.high())));
    }
    files.parquet("paired", ReportFiles.schema("axis:string", "baseline:string", "level:string", "metric:string",
        "pairs:long", "mean_difference:double", "sd:double", "ci_low:double", "ci_high:double"), pairedRows);
  }

  void html(HtmlPage html) {
    html.h2("Effects of the settings on neuron death");
    html.p("Two models with the same terms (numeric settings per unit; true vs false; each choice vs its first level). "
        + "Binomial (logit) on per-neuron death at the last checkpoint: coefficients are log odds ratios; neurons of one "
        + "trial are not independent, so its intervals are too narrow. Linear on each trial's dead fraction (the seeds "
        + "are the independent replicates): coefficients are in dead-fraction units, and its intervals are the ones to trust.");
    List<List<String>> et = new ArrayList<>();
    Plot coefficients = Plot.forest("effects-linear", "Effect on the trial dead fraction (linear model, " + Math.round(level * 100)
        + "% CI)", "coefficient (dead-fraction units per unit of the setting)");
    for (Effects.Term t : terms) {
      et.add(List.of(t.model(), t.term(), fmt(t.coefficient()), fmt(t.stdError()), "[" + fmt(t.low()) + ", " + fmt(t.high()) + "]", fmt(t.pValue())));
      if (t.model().startsWith("linear") && !t.term().equals("(intercept)") && Double.isFinite(t.stdError())) {
        coefficients.row(t.term(), t.coefficient(), t.low(), t.high());
      }
    }
    if (!coefficients.rows.isEmpty()) {
      html.chart(coefficients);
    }
    for (Missing m : missing) {
      et.add(List.of(m.model(), m.term(), m.reason(), "", "", ""));
    }
    html.table(List.of("model", "term", "coefficient", "std error", "CI", "p-value"), et);
    html.h3("Paired comparisons");
    html.p("Trials with the same seed and every other setting equal, one at the first level of an axis and one at another: "
        + "the mean of (dead fraction at the level - at the baseline). Tables: paired/.");
    Plot forest = Plot.forest("paired", "Paired differences in the final dead fraction (" + Math.round(level * 100) + "% CI)",
        "dead fraction at the level minus at the baseline");
    for (Effects.Paired p : paired) {
      forest.row(p.axis() + " " + p.level() + " vs " + p.baseline() + " (" + p.pairs() + " pairs)", p.meanDifference(),
          orNull(p.low()), orNull(p.high()));
    }
    if (!paired.isEmpty()) {
      html.chart(forest);
    }
    List<List<String>> pt = new ArrayList<>();
    for (Effects.Paired p : paired) {
      pt.add(List.of(p.axis(), p.baseline(), p.level(), String.valueOf(p.pairs()), fmt(p.meanDifference()),
          "[" + fmt(p.low()) + ", " + fmt(p.high()) + "]"));
    }
    html.table(List.of("axis", "baseline", "level", "pairs", "mean difference", "CI"), pt);
  }
}
