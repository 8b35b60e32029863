package org.deadrelu.jobs.report;

import java.util.HashMap;
import java.util.LinkedHashMap;
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
  static void write(HtmlPage html, List<LayerRow> layers, Map<String, String> groupOf, List<String> groupBy) {
    html.h2("Dead fraction over training steps");
    html.p("Hidden neurons dead at each checkpoint (all hidden layers, weighted by width), mean over trials, by "
        + (groupBy.isEmpty() ? "nothing (all trials)" : String.join(", ", groupBy)) + ".");
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
    Map<String, Map<Integer, double[]>> dead = new TreeMap<>();
    perTrial.forEach((trial, steps) -> steps.forEach((step, s) -> {
      if (s[2] > 0 && groupOf.containsKey(trial)) {
        add(dead, groupOf.get(trial), step, s[0] / s[1]);
      }
    }));
    html.img(Charts.dataUri(Charts.lines("Dead fraction over steps", "step", "dead fraction", series(dead), false, false)),
        "dead fraction over steps");

    html.h2("Layer gradient norms against depth (vanishing gradients)");
    for (boolean init : new boolean[] {true, false}) {
      Map<String, Map<Integer, double[]>> g = new TreeMap<>();
      for (LayerRow l : layers) {
        if (l.step() == (init ? 0 : last.get(l.trialId())) && groupOf.containsKey(l.trialId())
            && l.weightGradNorm() != null && l.weightGradNorm() > 0) {
          add(g, groupOf.get(l.trialId()), l.layer(), l.weightGradNorm());
        }
      }
      html.img(Charts.dataUri(Charts.lines("Weight gradient norm by layer " + (init ? "at initialization" : "at the last checkpoint"),
          "layer (0 = first hidden; the last is the output layer)", "mean weight gradient norm (log)",
          series(g), false, true)), "gradient norm vs depth");
    }
  }

  /** Adds a value to the running sum and count of (group, x). */
  private static void add(Map<String, Map<Integer, double[]>> m, String group, int x, double v) {
    double[] s = m.computeIfAbsent(group, k -> new TreeMap<>()).computeIfAbsent(x, k -> new double[2]);
    s[0] += v;
    s[1]++;
  }

  /** One series of means per group, x ascending. */
  private static Map<String, double[][]> series(Map<String, Map<Integer, double[]>> m) {
    Map<String, double[][]> out = new LinkedHashMap<>();
    for (var e : m.entrySet()) {
      double[][] xy = new double[2][e.getValue().size()];
      int i = 0;
      for (var p : e.getValue().entrySet()) {
        xy[0][i] = p.getKey();
        xy[1][i] = p.getValue()[0] / p.getValue()[1];
        i++;
      }
      out.put(e.getKey(), xy);
    }
    return out;
  }
}
