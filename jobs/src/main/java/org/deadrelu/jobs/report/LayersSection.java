package org.deadrelu.jobs.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deadrelu.jobs.report.ReportInput.LayerRow;

/**
 * From the layers table, over the ok trials by group: the share of hidden neurons dead at each
 * checkpoint, and the weight-gradient norm against depth at initialization and at the end.
 */
final class LayersSection {
  private LayersSection() {}

  /** {@code layers}: the ok trials' rows, null without a layers table; {@code groupOf}: each ok trial's group. */
  static void write(HtmlPage html, List<LayerRow> layers, Map<String, String> groupOf, List<String> groupBy, double level) {
    html.h2("Dead fraction over training steps");
    html.p("Hidden neurons dead at each checkpoint (all hidden layers, weighted by width): the mean over a group's trials, "
        + "by " + (groupBy.isEmpty() ? "nothing (all trials)" : String.join(", ", groupBy)) + ", with its Student-t "
        + Math.round(level * 100) + "% band over the trials (the trial is the unit), cut to [0, 1].");
    if (layers == null) {
      return;
    }
    // per trial and step: dead neurons over hidden neurons, then the mean over a group's trials
    Map<String, Map<Integer, double[]>> perTrial = new HashMap<>();
    Map<String, Integer> last = new HashMap<>();
    for (LayerRow l : layers) {
      last.merge(l.trialId(), l.step(), Math::max);
      if (!l.outputLayer()) {
        double[] s = perTrial.computeIfAbsent(l.trialId(), t -> new HashMap<>()).computeIfAbsent(l.step(), k -> new double[3]);
        if (l.deadFraction() != null) {
          s[0] += l.deadFraction() * l.width();
          s[2] = 1;
        }
        s[1] += l.width();
      }
    }
    Map<String, Map<Integer, List<Double>>> dead = new TreeMap<>();
    perTrial.forEach((trial, steps) -> steps.forEach((step, s) -> {
      if (s[2] > 0 && groupOf.containsKey(trial)) {
        add(dead, groupOf.get(trial), step, s[0] / s[1]);
      }
    }));
    Plot overSteps = Plot.lines("dead-over-steps", "Dead fraction over steps", "step", "dead fraction");
    overSteps.seriesTitle = String.join(", ", groupBy);
    overSteps.yDomain = new double[] {0, 1};
    dead.forEach((group, steps) -> steps.forEach((step, values) -> {
      ConfidenceInterval ci = ConfidenceInterval.of(values.stream().mapToDouble(Double::doubleValue).toArray(), level).clip(0, 1);
      overSteps.row(SurvivalSection.shortLabel(group), (double) step, ci.mean(), ci.low(), ci.high());
    }));
    html.chart(overSteps);

    html.h2("Layer gradient norms against depth (vanishing gradients)");
    html.grid();
    for (boolean init : new boolean[] {true, false}) {
      Map<String, Map<Integer, List<Double>>> g = new TreeMap<>();
      for (LayerRow l : layers) {
        if (l.step() == (init ? 0 : last.get(l.trialId())) && groupOf.containsKey(l.trialId())
            && l.weightGradNorm() != null && l.weightGradNorm() > 0) {
          add(g, groupOf.get(l.trialId()), l.layer(), l.weightGradNorm());
        }
      }
      Plot plot = Plot.lines(init ? "gradient-norm-init" : "gradient-norm-end", (init ? "Gradient norm by layer at initialization" : "Gradient norm by layer at the end"), "layer (0 = first hidden; the last is the output layer)",
          "weight gradient norm (log scale)");
      plot.seriesTitle = String.join(", ", groupBy);
      plot.logY = true;
      g.forEach((group, byLayer) -> byLayer.forEach((layer, values) -> plot.row(SurvivalSection.shortLabel(group),
          (double) layer, values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), null, null)));
      html.chart(plot);
    }
    html.endGrid();
  }

  private static void add(Map<String, Map<Integer, List<Double>>> m, String group, int x, double v) {
    m.computeIfAbsent(group, k -> new TreeMap<>()).computeIfAbsent(x, k -> new ArrayList<>()).add(v);
  }
}
