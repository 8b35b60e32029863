package org.deadrelu.jobs.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.stddev_samp;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.GeneralizedLinearRegression;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionTrainingSummary;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Effects of the swept settings on neuron death, from spark-mllib's GeneralizedLinearRegression, and
 * paired comparisons (same seed and settings, one axis changed).
 */
public final class Effects {
  private Effects() {}

  /** One model term: numeric settings per unit, booleans true vs false, choices vs the first level. */
  public record Term(String model, String term, String axis, double coefficient, double stdError,
      double low, double high, double pValue, long rows) {}

  /** A paired difference of a metric: level minus baseline, over pairs of trials differing only in axis. */
  public record Paired(String axis, String baseline, String level, String metric, long pairs,
      double meanDifference, double sd, double low, double high) {}

  /** The design: one numeric column per term. */
  public record Design(Dataset<Row> rows, List<String> terms, List<String> termAxes) {}

  /**
   * Adds one column per term to {@code rows}: numeric axes as they are (null as 0: a setting that
   * means nothing for a trial), booleans as 0/1, each non-first level of a choice as a 0/1 dummy.
   */
  public static Design design(ReportData data, Dataset<Row> rows, List<String> axes) {
    List<String> terms = new ArrayList<>();
    List<String> termAxes = new ArrayList<>();
    List<Column> cols = new ArrayList<>();
    cols.add(col("*"));
    int i = 0;
    for (String a : axes) {
      if (data.numeric(a) || data.bool(a)) {
        cols.add(expr("CAST(coalesce(CAST(`" + a + "` AS DOUBLE), 0D) AS DOUBLE)").as("f__" + i));
        terms.add(data.bool(a) ? a + "=true" : a);
        termAxes.add(a);
        i++;
      } else {
        List<Object> levels = data.levels.get(a);
        for (int k = 1; k < levels.size(); k++) {
          Object v = levels.get(k);
          String cond = v == null ? "`" + a + "` IS NULL" : "`" + a + "` <=> '" + v.toString().replace("'", "''") + "'";
          cols.add(expr("CASE WHEN " + cond + " THEN 1D ELSE 0D END").as("f__" + i));
          terms.add(a + "=" + v + " (vs " + levels.get(0) + ")");
          termAxes.add(a);
          i++;
        }
      }
    }
    return new Design(rows.select(cols.toArray(new Column[0])), terms, termAxes);
  }

  static Dataset<Row> assemble(Design d) {
    String[] in = new String[d.terms().size()];
    for (int i = 0; i < in.length; i++) {
      in[i] = "f__" + i;
    }
    return new VectorAssembler().setInputCols(in).setOutputCol("features__").transform(d.rows());
  }

  /**
   * Fits a GLM. {@code family} "binomial" (logit link; label a proportion in [0, 1] and weightCol the
   * number of neurons it is a proportion of) or "gaussian" (identity link, unweighted when weightCol is null).
   * Wald intervals: normal quantiles for binomial, Student t for gaussian (as Spark's p-values).
   */
  public static List<Term> glm(String model, Design d, String family, String label, String weightCol, double level) {
    if (d.terms().isEmpty()) {
      return List.of();
    }
    Dataset<Row> in = assemble(d).cache();
    try {
      long n = in.count();
      if (n <= d.terms().size() + 1) {
        return List.of();
      }
      GeneralizedLinearRegression glr = new GeneralizedLinearRegression()
          .setFamily(family).setLink(family.equals("binomial") ? "logit" : "identity")
          .setFeaturesCol("features__").setLabelCol(label).setMaxIter(100).setRegParam(0);
      if (weightCol != null) {
        glr.setWeightCol(weightCol);
      }
      GeneralizedLinearRegressionModel m = glr.fit(in);
      GeneralizedLinearRegressionTrainingSummary s = m.summary();
      double[] coef = m.coefficients().toArray();
      double[] se = s.coefficientStandardErrors();
      double[] p = s.pValues();
      double q = family.equals("binomial")
          ? new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2)
          : new TDistribution(Math.max(1, s.degreesOfFreedom())).inverseCumulativeProbability(1 - (1 - level) / 2);
      List<Term> out = new ArrayList<>();
      for (int i = 0; i < coef.length; i++) {
        out.add(new Term(model, d.terms().get(i), d.termAxes().get(i), coef[i], se[i],
            coef[i] - q * se[i], coef[i] + q * se[i], p[i], n));
      }
      int k = coef.length;
      out.add(new Term(model, "(intercept)", "", m.intercept(), se[k], m.intercept() - q * se[k],
          m.intercept() + q * se[k], p[k], n));
      return out;
    } finally {
      in.unpersist();
    }
  }

  /**
   * For each axis and each level after the first: pairs of trials with the same seed and every other
   * setting equal (null-safe), one at the first level and one at this level; the mean of
   * (metric at level - metric at first level) with its Student-t interval.
   */
  public static List<Paired> paired(ReportData data, Dataset<Row> trials, List<String> axes, String metric, double level) {
    List<Paired> out = new ArrayList<>();
    Dataset<Row> t = trials.where("`" + metric + "` IS NOT NULL");
    for (String a : axes) {
      List<Object> levels = data.levels.get(a);
      if (levels == null || levels.size() < 2 || levels.size() > 12) {
        continue;
      }
      Object base = levels.get(0);
      Dataset<Row> l = t.where(equalsExpr(a, base)).alias("l");
      for (Object v : levels.subList(1, levels.size())) {
        Dataset<Row> r = t.where(equalsExpr(a, v)).alias("r");
        Column on = col("l.seed").equalTo(col("r.seed"));
        java.util.Set<String> skip = DERIVED.contains(a) ? DERIVED : java.util.Set.of(a);
        for (String s : data.settings) {
          if (!skip.contains(s)) {
            on = on.and(col("l." + s).eqNullSafe(col("r." + s)));
          }
        }
        Row agg = l.join(r, on).select(expr("r.`" + metric + "` - l.`" + metric + "`").as("d"))
            .agg(count("d"), avg("d"), stddev_samp("d")).first();
        long pairs = agg.getLong(0);
        if (pairs == 0) {
          continue;
        }
        double mean = agg.getDouble(1);
        double sd = agg.isNullAt(2) ? Double.NaN : agg.getDouble(2);
        ConfidenceInterval ci = ConfidenceInterval.of(pairs, mean, sd, level);
        out.add(new Paired(a, String.valueOf(base), String.valueOf(v), metric, pairs, mean, ci.sd(), ci.low(), ci.high()));
      }
    }
    return out;
  }

  /** Settings derived from one another: changing one changes the others. */
  private static final java.util.Set<String> DERIVED = java.util.Set.of("hidden", "depth", "width");

  private static Column equalsExpr(String column, Object v) {
    return v == null ? col(column).isNull() : col(column).eqNullSafe(org.apache.spark.sql.functions.lit(v));
  }
}
