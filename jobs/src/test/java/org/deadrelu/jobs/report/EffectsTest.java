package org.deadrelu.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.SparkTestSession;
import org.deadrelu.model.config.ChoiceType;
import org.deadrelu.model.config.Interval;
import org.deadrelu.model.config.NumberType;
import org.deadrelu.model.config.Setting;
import org.deadrelu.model.config.SettingCatalog;
import org.junit.jupiter.api.Test;

/** Effects checked on synthetic trials where the true effect is known, and against hand calculations. */
class EffectsTest {
  static final String[] COLUMNS = {"trial_id:string", "config_id:string", "seed:long", "status:string",
      "data_source:string", "x1:double", "x2:double", "opt:string", "warming_schedule:string",
      "dead_fraction:double", "neurons:long"};

  /** The synthetic trials' settings: x1, x2 and opt besides the project's. */
  static final SettingCatalog SETTINGS = SettingCatalog.standard().with(
      Setting.define("test.x1", new NumberType(Interval.any())).byDefault(0.0).doc("a numeric factor").build(),
      Setting.define("test.x2", new NumberType(Interval.any())).byDefault(0.0).doc("another").build(),
      Setting.define("test.opt", ChoiceType.words("a", "b")).byDefault("a").doc("a two-level factor").build());

  static Dataset<Row> frame(List<Row> rows) {
    SparkSession spark = SparkTestSession.get();
    return spark.createDataFrame(rows, ReportFiles.schema(COLUMNS));
  }

  /** logit P(dead) = -1 + 0.8 x1 + 0 x2 + 0 [opt = b]; 200 neurons per trial. */
  @Test
  void binomialFindsTheTrueEffectAndZeroWhereItIsZero() {
    Random rnd = new Random(11);
    List<Row> rows = new ArrayList<>();
    int id = 0;
    for (int rep = 0; rep < 10; rep++) {
      for (int x1 = 0; x1 < 4; x1++) {
        for (int x2 = 0; x2 < 2; x2++) {
          for (String opt : List.of("a", "b")) {
            double p = 1 / (1 + Math.exp(-(-1 + 0.8 * x1)));
            int dead = 0;
            for (int k = 0; k < 200; k++) {
              dead += rnd.nextDouble() < p ? 1 : 0;
            }
            rows.add(RowFactory.create("t" + id, "c" + x1 + x2 + opt, (long) rep, "ok", "blobs", (double) x1,
                (double) x2, opt, "linear", dead / 200.0, 200L));
            id++;
          }
        }
      }
    }
    Dataset<Row> t = frame(rows);
    ReportData data = new ReportData(t, SETTINGS);
    assertEquals(List.of("x1", "x2", "opt"), data.swept);
    Effects.Design d = Effects.design(data, t, data.modelAxes());
    List<Effects.Term> terms = Effects.glm("binomial", d, "binomial", "dead_fraction", "neurons", 0.95);
    Effects.Term x1 = terms.get(0);
    Effects.Term x2 = terms.get(1);
    Effects.Term opt = terms.get(2);
    assertEquals("opt=b (vs a)", opt.term());
    assertTrue(x1.low() < 0.8 && 0.8 < x1.high(), "x1 interval covers the true 0.8: " + x1);
    assertTrue(x1.low() > 0 && x1.pValue() < 1e-6, "x1 clearly positive: " + x1);
    assertTrue(x2.low() < 0 && 0 < x2.high(), "x2 interval covers 0: " + x2);
    assertTrue(opt.low() < 0 && 0 < opt.high(), "opt interval covers 0: " + opt);
    Effects.Term intercept = terms.get(3);
    assertTrue(intercept.low() < -1 && -1 < intercept.high(), intercept.toString());
    assertTrue(terms.stream().allMatch(Effects.Term::converged));
  }

  /** Where opt = b no neuron ever dies: the maximum-likelihood estimate is minus infinity, and IRLS never settles. */
  @Test
  void aBinomialFitThatSeparatesTheOutcomesIsMarkedNotConverged() {
    Random rnd = new Random(5);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String opt = i % 2 == 0 ? "a" : "b";
      double dead = opt.equals("a") ? (20 + rnd.nextInt(40)) / 100.0 : 0;
      rows.add(RowFactory.create("t" + i, "c" + i, (long) i, "ok", "blobs", (double) (i % 4), 0.0, opt, "linear", dead, 100L));
    }
    Dataset<Row> t = frame(rows);
    ReportData data = new ReportData(t, SETTINGS);
    List<Effects.Term> terms = Effects.glm("binomial", Effects.design(data, t, data.modelAxes()), "binomial",
        "dead_fraction", "neurons", 0.95);
    assertFalse(terms.isEmpty());
    assertTrue(terms.stream().noneMatch(Effects.Term::converged), terms.toString());
    // the reason: at opt = b no event, so opt's estimate is minus infinity; x1 and the intercept are finite
    assertEquals(List.of("opt=b (vs a)"), Effects.separated(Effects.design(data, t, data.modelAxes()), "dead_fraction", "neurons"));
  }

  /** Overlapping outcomes: no term is separated, and the report fits the model. */
  @Test
  void noSeparationWhereOutcomesOverlap() {
    Random rnd = new Random(6);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(RowFactory.create("t" + i, "c" + i, (long) i, "ok", "blobs", (double) (i % 4), 0.0, i % 2 == 0 ? "a" : "b",
          "linear", (5 + rnd.nextInt(40)) / 100.0, 100L));
    }
    Dataset<Row> t = frame(rows);
    ReportData data = new ReportData(t);
    assertEquals(List.of(), Effects.separated(Effects.design(data, t, data.modelAxes()), "dead_fraction", "neurons"));
  }

  /**
   * The report's effects section on quickstart's outcome (no Leaky ReLU neuron dies, alpha null
   * exactly for ReLU): the binomial model prints no numbers, says which estimates do not exist and
   * why; alpha has no estimate in either model; the linear model's numbers are there.
   */
  @Test
  void theSectionPrintsNoNumbersForEstimatesThatDoNotExist() {
    List<Row> rows = new ArrayList<>();
    java.util.Map<String, SurvivalSection.TrialDeaths> deaths = new java.util.HashMap<>();
    String[] columns = {"trial_id:string", "config_id:string", "seed:long", "status:string", "data_source:string",
        "activation:string", "alpha:double", "lr:double", "warming_schedule:string", "dead_fraction:double"};
    int id = 0;
    for (String act : List.of("relu", "leaky_relu")) {
      for (double lr : new double[] {0.05, 1.0}) {
        for (long seed = 0; seed < 3; seed++) {
          long died = act.equals("relu") ? (lr == 1.0 ? 30 + 5 * seed : 2 + seed) : 0;
          rows.add(RowFactory.create("t" + id, act + lr, seed, "ok", "spirals", act, act.equals("relu") ? null : 0.1, lr,
              "linear", died / 64.0));
          deaths.put("t" + id, new SurvivalSection.TrialDeaths(died, 64));
          id++;
        }
      }
    }
    Dataset<Row> t = SparkTestSession.get().createDataFrame(rows, ReportFiles.schema(columns));
    ReportData data = new ReportData(t);
    List<String> notes = new ArrayList<>();
    EffectsSection s = new EffectsSection(data, t, data.rows, deaths, 0.95, notes);
    assertTrue(s.terms.stream().noneMatch(x -> x.model().startsWith("binomial")), s.terms.toString());
    assertTrue(s.terms.stream().anyMatch(x -> x.model().startsWith("linear") && x.term().equals("lr")), s.terms.toString());
    List<String> separated = s.missing.stream().filter(m -> m.status().equals("separated")).map(EffectsSection.Missing::term).toList();
    assertEquals(List.of("activation=relu (vs leaky_relu)", "(intercept)"), separated);
    assertTrue(s.missing.stream().anyMatch(m -> m.term().equals("alpha") && m.status().equals("aliased")), s.missing.toString());
    assertTrue(notes.stream().anyMatch(n -> n.contains("estimates do not exist") && n.contains("no neuron died in any trial with "
        + "activation=leaky_relu")), notes.toString());
    HtmlPage html = new HtmlPage();
    s.html(html);
    String page = html.render("x");
    String binomialRows = page.lines().filter(l -> l.contains("<td>binomial")).reduce("", String::concat);
    assertFalse(binomialRows.matches(".*<td>-?[0-9][0-9.e+-]*</td>.*"), "no numbers in the binomial rows: " + binomialRows);
    assertTrue(binomialRows.contains("no estimate: infinite"), binomialRows);
  }

  /**
   * x2 = 0.5 - x1 in every trial: the design is singular, x2 has no estimate of its own. It is left
   * out, and the fit is ordinary least squares on x1 alone.
   */
  @Test
  void aTermThatIsALinearCombinationOfEarlierOnesIsLeftOut() {
    double[] x1 = {0, 1, 2, 3, 0, 1, 2, 3};
    double[] y = {0.10, 0.18, 0.33, 0.35, 0.12, 0.20, 0.24, 0.41};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      rows.add(RowFactory.create("t" + i, "c" + i, (long) i, "ok", "blobs", x1[i], 0.5 - x1[i], "a", "linear", y[i], 10L));
    }
    Dataset<Row> t = frame(rows);
    ReportData data = new ReportData(t, SETTINGS);
    Effects.Design d = Effects.design(data, t, data.modelAxes());
    assertEquals(List.of("x2"), d.aliased());
    assertEquals(List.of("x1"), d.terms());
    List<Effects.Term> terms = Effects.glm("linear", d, "gaussian", "dead_fraction", null, 0.95);
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    double[][] x = new double[y.length][];
    for (int i = 0; i < y.length; i++) {
      x[i] = new double[] {x1[i]};
    }
    ols.newSampleData(y, x);
    assertEquals(ols.estimateRegressionParameters()[1], terms.get(0).coefficient(), 1e-9);
    assertEquals(ols.estimateRegressionParametersStandardErrors()[1], terms.get(0).stdError(), 1e-9);
  }

  /** The trial-level linear model against commons-math3's OLS (an independent implementation). */
  @Test
  void gaussianMatchesOrdinaryLeastSquares() {
    double[][] x = {{0, 0}, {1, 0}, {2, 1}, {3, 1}, {0, 1}, {1, 1}, {2, 0}, {3, 0}, {1, 1}, {2, 0}};
    double[] y = {0.10, 0.18, 0.33, 0.35, 0.12, 0.20, 0.24, 0.41, 0.15, 0.30};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      rows.add(RowFactory.create("t" + i, "c" + i, (long) i, "ok", "blobs", x[i][0], x[i][1], "a", "linear", y[i], 10L));
    }
    Dataset<Row> t = frame(rows);
    ReportData data = new ReportData(t, SETTINGS);
    List<Effects.Term> terms = Effects.glm("linear", Effects.design(data, t, data.modelAxes()), "gaussian", "dead_fraction", null, 0.95);
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, x);
    double[] b = ols.estimateRegressionParameters(); // intercept first
    double[] se = ols.estimateRegressionParametersStandardErrors();
    assertEquals(b[1], terms.get(0).coefficient(), 1e-9);
    assertEquals(b[2], terms.get(1).coefficient(), 1e-9);
    assertEquals(b[0], terms.get(2).coefficient(), 1e-9);
    assertEquals(se[1], terms.get(0).stdError(), 1e-9);
    assertEquals(se[2], terms.get(1).stdError(), 1e-9);
    assertEquals(se[0], terms.get(2).stdError(), 1e-9);
    // interval: b +- t(0.975, 10 - 3) se, t = 2.364624251592785
    assertEquals(b[1] - 2.364624251592785 * se[1], terms.get(0).low(), 1e-9);
  }

  /**
   * Three seeds, x2 0 -> 1 with x1 fixed: differences -0.10, -0.15, -0.05; mean -0.10, sd 0.05,
   * half-width t(0.975, 2) 0.05 / sqrt 3 = 4.302652729911275 * 0.05 / 1.7320508 = 0.124207.
   * A trial at another x1 has no partner and must not be paired.
   */
  @Test
  void pairedDifferenceByHand() {
    List<Row> rows = new ArrayList<>();
    double[][] df = {{0.30, 0.20}, {0.40, 0.25}, {0.50, 0.45}};
    int id = 0;
    for (int s = 0; s < 3; s++) {
      for (int x2 = 0; x2 < 2; x2++) {
        rows.add(RowFactory.create("t" + id++, "c" + x2, (long) s, "ok", "blobs", 1.0, (double) x2, "a", "linear", df[s][x2], 10L));
      }
    }
    rows.add(RowFactory.create("t" + id, "cx", 0L, "ok", "blobs", 2.0, 1.0, "a", "linear", 0.9, 10L));
    Dataset<Row> t = frame(rows);
    ReportData data = new ReportData(t, SETTINGS);
    List<Effects.Paired> p = Effects.paired(data, t, List.of("x2"), "dead_fraction", 0.95);
    assertEquals(1, p.size());
    Effects.Paired d = p.get(0);
    assertEquals(3, d.pairs());
    assertEquals(-0.10, d.meanDifference(), 1e-12);
    assertEquals(0.05, d.sd(), 1e-12);
    double half = 4.302652729911275 * 0.05 / Math.sqrt(3);
    assertEquals(-0.10 - half, d.low(), 1e-9);
    assertEquals(-0.10 + half, d.high(), 1e-9);
  }
}
