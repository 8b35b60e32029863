package org.deadrelu.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
      double low, double high, double pValue, long rows, boolean converged) {}

  /**
   * R's glm default. Where IRLS converges it does so in a few iterations; where a setting separates
   * the outcomes (no neuron ever dies at some level) the estimate runs off to infinity and Spark's
   * criterion, the change in the coefficients, is never met.
   */
  static final int MAX_ITERATIONS = 25;

  /** A paired difference of a metric: level minus baseline, over pairs of trials differing only in axis. */
  public record Paired(String axis, String baseline, String level, String metric, long pairs,
      double meanDifference, double sd, double low, double high) {}

  /**
   * The design: one numeric column per term; {@code aliased} names the terms left out because over
   * these rows they are linear combinations of the intercept and the terms before them.
   */
  public record Design(Dataset<Row> rows, List<String> terms, List<String> termAxes, List<String> aliased) {}

  /**
   * Adds one column per term to {@code rows}: numeric axes as they are (null as 0: a setting that
   * means nothing for a trial), booleans as 0/1, each non-first level of a choice as a 0/1 dummy.
   * A term that is a linear combination of earlier ones (alpha, when every Leaky ReLU trial has the
   * same alpha and the others none, is activation again) has no estimate and is left out, as R's
   * glm leaves it NA; with it in, the fit is singular.
   */
  public static Design design(ReportData data, Dataset<Row> rows, List<String> axes) {
    List<String> terms = new ArrayList<>();
    List<String> termAxes = new ArrayList<>();
    List<Column> candidates = new ArrayList<>();
    for (String a : axes) {
      if (data.numeric(a) || data.bool(a)) {
        candidates.add(expr("CAST(coalesce(CAST(`" + a + "` AS DOUBLE), 0D) AS DOUBLE)"));
        terms.add(data.bool(a) ? a + "=true" : a);
        termAxes.add(a);
      } else {
        List<Object> levels = data.levels.get(a);
        for (int k = 1; k < levels.size(); k++) {
          Object v = levels.get(k);
          String cond = v == null ? "`" + a + "` IS NULL" : "`" + a + "` <=> '" + v.toString().replace("'", "''") + "'";
          candidates.add(expr("CASE WHEN " + cond + " THEN 1D ELSE 0D END"));
          terms.add(a + "=" + v + " (vs " + levels.get(0) + ")");
          termAxes.add(a);
        }
      }
    }
    List<Integer> keep = terms.isEmpty() ? List.of()
        : Collinearity.independentColumns(rows.select(candidates.toArray(new Column[0])).collectAsList(), terms.size());
    List<Column> cols = new ArrayList<>(List.of(col("*")));
    List<String> aliased = new ArrayList<>(terms);
    for (int i = 0; i < keep.size(); i++) {
      cols.add(candidates.get(keep.get(i)).as("f__" + i));
      aliased.remove(terms.get(keep.get(i)));
    }
    return new Design(rows.select(cols.toArray(new Column[0])), keep.stream().map(terms::get).toList(),
        keep.stream().map(termAxes::get).toList(), List.copyOf(aliased));
  }

  /**
   * The terms of a binomial model whose maximum-likelihood estimates are infinite because the design
   * separates the events ({@code label} times {@code weightCol}) from the non-events (see
   * {@link Separation}); "(intercept)" for the intercept. Empty when every estimate exists.
   */
  public static List<String> separated(Design d, String label, String weightCol) {
    int k = d.terms().size();
    List<Column> cols = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      cols.add(col("f__" + i));
    }
    cols.add(col(label).cast("double"));
    cols.add(col(weightCol).cast("double"));
    List<Row> rows = d.rows().select(cols.toArray(new Column[0])).collectAsList();
    double[][] x = new double[rows.size()][k + 1];
    double[] events = new double[rows.size()];
    double[] nonEvents = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      for (int j = 0; j < k; j++) {
        x[i][j] = r.getDouble(j);
      }
      x[i][k] = 1;
      double n = r.isNullAt(k + 1) ? 0 : r.getDouble(k + 1);
      double share = r.isNullAt(k) ? 0 : r.getDouble(k);
      events[i] = Math.round(share * n);
      nonEvents[i] = n - events[i];
    }
    List<String> out = new ArrayList<>();
    for (int j : Separation.infinite(x, events, nonEvents)) {
      out.add(j == k ? "(intercept)" : d.terms().get(j));
    }
    return out;
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
    // a report's design has one row per trial: one partition keeps each IRLS iteration to one small task
    Dataset<Row> in = assemble(d).coalesce(1).cache();
    try {
      long n = in.count();
      if (n <= d.terms().size() + 1) {
        return List.of();
      }
      GeneralizedLinearRegression glr = new GeneralizedLinearRegression()
          .setFamily(family).setLink(family.equals("binomial") ? "logit" : "identity")
          .setFeaturesCol("features__").setLabelCol(label).setMaxIter(MAX_ITERATIONS).setRegParam(0);
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
      boolean converged = s.numIterations() < MAX_ITERATIONS;
      List<Term> out = new ArrayList<>();
      for (int i = 0; i < coef.length; i++) {
        out.add(new Term(model, d.terms().get(i), d.termAxes().get(i), coef[i], se[i],
            coef[i] - q * se[i], coef[i] + q * se[i], p[i], n, converged));
      }
      int k = coef.length;
      out.add(new Term(model, "(intercept)", "", m.intercept(), se[k], m.intercept() - q * se[k],
          m.intercept() + q * se[k], p[k], n, converged));
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
    return paired(data, trials.collectAsList(), axes, metric, level);
  }

  /** The same over rows held on the driver, in the schema of {@code data}'s trials. */
  public static List<Paired> paired(ReportData data, List<Row> trials, List<String> axes, String metric, double level) {
    int m = data.index(metric);
    int seed = data.index("seed");
    List<Row> t = trials.stream().filter(r -> !r.isNullAt(m)).toList();
    List<Paired> out = new ArrayList<>();
    List<List<String>> groups = Dependence.groups(data, data.swept);
    for (String a : axes) {
      List<Object> levels = data.levels.get(a);
      if (levels == null || levels.size() < 2 || levels.size() > 12) {
        continue;
      }
      // settings that change with this one (hidden with depth; alpha with activation) may differ within a pair
      Set<String> skip = new java.util.HashSet<>(DERIVED.contains(a) ? DERIVED : Set.of(a));
      groups.stream().filter(g -> g.contains(a)).forEach(skip::addAll);
      List<Integer> key = new ArrayList<>(List.of(seed));
      for (String s : data.settings) {
        if (!skip.contains(s)) {
          key.add(data.index(s));
        }
      }
      int ai = data.index(a);
      Object base = levels.get(0);
      Map<List<Object>, List<Double>> baseline = new HashMap<>();
      for (Row r : t) {
        if (Objects.equals(r.get(ai), base)) {
          baseline.computeIfAbsent(key(r, key), k -> new ArrayList<>()).add(((Number) r.get(m)).doubleValue());
        }
      }
      for (Object v : levels.subList(1, levels.size())) {
        List<Double> d = new ArrayList<>();
        for (Row r : t) {
          if (Objects.equals(r.get(ai), v)) {
            for (double b : baseline.getOrDefault(key(r, key), List.of())) {
              d.add(((Number) r.get(m)).doubleValue() - b);
            }
          }
        }
        if (d.isEmpty()) {
          continue;
        }
        ConfidenceInterval ci = ConfidenceInterval.of(d.stream().mapToDouble(Double::doubleValue).toArray(), level);
        out.add(new Paired(a, String.valueOf(base), String.valueOf(v), metric, d.size(), ci.mean(), ci.sd(), ci.low(), ci.high()));
      }
    }
    return out;
  }

  /** The values that must be equal for two trials to pair (List equality is null-safe). */
  private static List<Object> key(Row r, List<Integer> columns) {
    List<Object> k = new ArrayList<>(columns.size());
    for (int i : columns) {
      k.add(r.get(i));
    }
    return k;
  }

  /** Settings derived from one another: changing one changes the others. */
  private static final Set<String> DERIVED = Set.of("hidden", "depth", "width");
}
