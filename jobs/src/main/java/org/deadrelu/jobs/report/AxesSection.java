package org.deadrelu.jobs.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.spark.sql.Row;

/**
 * Each headline measure against each swept numeric setting: per configuration, the mean over its
 * ok seeds with the summary's t interval as a band, one line per combination of the other settings.
 */
final class AxesSection {
  /** Lines beyond this many per chart are not told apart by colour. */
  static final int MAX_LINES = 8;

  /** Measure column (in summary/) -> its name on the page, and whether it is a fraction. */
  static final Map<String, String> MEASURES = new LinkedHashMap<>();

  static {
    MEASURES.put("dead_fraction", "dead fraction");
    MEASURES.put("dormant_fraction", "dormant fraction");
    MEASURES.put("final_probe_accuracy", "probe accuracy");
    MEASURES.put("final_probe_loss", "probe loss");
  }

  private AxesSection() {}

  static void write(HtmlPage html, ReportData data, SummarySection summary, double level) {
    List<String> axes = Dependence.independent(data, data.modelAxes());
    List<String> numeric = axes.stream().filter(a -> data.numeric(a) && values(data, a).size() >= 2).toList();
    html.h2("Measures against each numeric setting");
    if (numeric.isEmpty()) {
      html.p("No numeric setting is swept.");
      return;
    }
    html.p("Each configuration's mean over its ok seeds, with the Student-t " + Math.round(level * 100) + "% band of the "
        + "summary (the seed is the unit; fractions cut to [0, 1]); one line per combination of the other swept settings. "
        + "A setting whose levels are spaced by a constant factor is drawn on a log scale.");
    for (String a : numeric) {
      List<String> others = axes.stream().filter(o -> !o.equals(a)).toList();
      Set<String> combos = new LinkedHashSet<>();
      for (Row r : summary.rows) {
        combos.add(combo(summary, r, others));
      }
      html.h3(a);
      if (combos.size() > MAX_LINES) {
        html.p(combos.size() + " combinations of " + String.join(", ", others) + ": too many lines for one chart; the values "
            + "are in summary.csv.");
        continue;
      }
      boolean log = logSpaced(values(data, a));
      html.grid();
      for (var m : MEASURES.entrySet()) {
        Plot p = Plot.lines(Plot.slug(m.getKey() + " vs " + a), capitalized(m.getValue()) + " against " + a,
            a + (log ? " (log scale)" : ""), m.getValue());
        p.logX = log;
        p.seriesTitle = String.join(", ", others);
        if (!m.getKey().equals("final_probe_loss")) {
          p.yDomain = new double[] {0, 1};
        }
        int xi = summary.schema.fieldIndex(a);
        for (Row r : summary.rows) {
          Object mean = r.get(summary.schema.fieldIndex(m.getKey() + "_mean"));
          if (!r.isNullAt(xi) && mean != null) {
            p.row(combo(summary, r, others), ((Number) r.get(xi)).doubleValue(), mean,
                r.get(summary.schema.fieldIndex(m.getKey() + "_ci_low")), r.get(summary.schema.fieldIndex(m.getKey() + "_ci_high")));
          }
        }
        if (!p.rows.isEmpty()) {
          html.chart(p);
        }
      }
      html.endGrid();
    }
  }

  /**
   * Whether positive levels are spaced by a roughly constant factor rather than a constant step
   * (0.001, 0.01, 0.1): two levels a factor of 10 or more apart, or more levels whose log steps
   * vary less, relative to their mean, than their plain steps do.
   */
  static boolean logSpaced(List<Double> levels) {
    if (levels.size() < 2 || levels.get(0) <= 0) {
      return false;
    }
    int n = levels.size();
    if (levels.get(n - 1) / levels.get(0) < 10) {
      return false;
    }
    if (n == 2) {
      return true;
    }
    double[] steps = new double[n - 1];
    double[] logSteps = new double[n - 1];
    for (int i = 1; i < n; i++) {
      steps[i - 1] = levels.get(i) - levels.get(i - 1);
      logSteps[i - 1] = Math.log(levels.get(i)) - Math.log(levels.get(i - 1));
    }
    return cv(logSteps) < cv(steps);
  }

  private static double cv(double[] v) {
    return Math.sqrt(StatUtils.populationVariance(v)) / StatUtils.mean(v);
  }

  /** The non-null levels of a numeric setting, ascending. */
  private static List<Double> values(ReportData data, String a) {
    List<Double> out = new ArrayList<>();
    for (Object v : data.levels.getOrDefault(a, List.of())) {
      if (v != null) {
        out.add(((Number) v).doubleValue());
      }
    }
    return out;
  }

  private static String combo(SummarySection summary, Row r, List<String> others) {
    if (others.isEmpty()) {
      return "all";
    }
    List<String> parts = new ArrayList<>();
    for (String o : others) {
      parts.add(String.valueOf(r.get(summary.schema.fieldIndex(o))));
    }
    return String.join(", ", parts);
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
