package org.deadrelu.jobs.report;

import static org.deadrelu.jobs.report.HtmlPage.fmt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.deadrelu.jobs.report.ReportInput.NeuronEnd;

/**
 * Kaplan-Meier survival of hidden neurons by group: a lifetime ends at the neuron's death_step, or
 * is censored at its trial's last checkpoint. Written as survival/.
 */
final class SurvivalSection {
  /** A trial's hidden neurons at its last checkpoint and how many of them had died. */
  record TrialDeaths(long died, long neurons) {}

  /** The bootstrap's seed: a report of the same tables has the same intervals. */
  static final long SEED = 20240601L;

  /** Empty when there is no neurons table. */
  final Map<String, List<KaplanMeier.Point>> curves = new TreeMap<>();
  /** Per trial; empty when there is no neurons table. */
  final Map<String, TrialDeaths> byTrial = new HashMap<>();
  private final boolean present;
  private final double level;

  /** {@code ends}: null without a neurons table; {@code groupOf}: the group of each trial to include. */
  SurvivalSection(List<NeuronEnd> ends, Map<String, String> groupOf, double level) {
    present = ends != null;
    this.level = level;
    if (!present) {
      return;
    }
    // group -> trial -> counts: the bootstrap resamples a group's trials
    Map<String, Map<String, List<KaplanMeier.Count>>> counts = new TreeMap<>();
    for (NeuronEnd e : ends) {
      String group = groupOf.get(e.trialId());
      if (group == null) {
        continue;
      }
      counts.computeIfAbsent(group, g -> new TreeMap<>()).computeIfAbsent(e.trialId(), t -> new ArrayList<>())
          .add(new KaplanMeier.Count(e.time(), e.died() ? e.neurons() : 0, e.died() ? 0 : e.neurons()));
      byTrial.merge(e.trialId(), new TrialDeaths(e.died() ? e.neurons() : 0, e.neurons()),
          (a, b) -> new TrialDeaths(a.died() + b.died(), a.neurons() + b.neurons()));
    }
    counts.forEach((group, c) -> curves.put(group, KaplanMeier.clustered(c, level, KaplanMeier.REPLICATES, SEED)));
  }

  void write(ReportFiles files) {
    if (!present) {
      return;
    }
    List<Row> rows = new ArrayList<>();
    curves.forEach((group, points) -> {
      for (KaplanMeier.Point p : points) {
        rows.add(RowFactory.create(group, p.time(), p.atRisk(), p.deaths(), p.censored(), p.survival(), p.stdError(),
            p.low(), p.high()));
      }
    });
    files.parquet("survival", ReportFiles.schema("group:string", "step:long", "at_risk:long", "deaths:long",
        "censored:long", "survival:double", "std_error:double", "ci_low:double", "ci_high:double"), rows);
  }

  void html(HtmlPage html, List<String> groupBy) {
    html.h2("Survival of hidden neurons (Kaplan-Meier)");
    html.p("Share of hidden neurons still alive after each step: a neuron's lifetime ends at its death_step (the first "
        + "checkpoint from which it stays dead); neurons alive at the end are censored at their trial's last checkpoint (marked +). "
        + "The neurons of a trial are not independent (they share its weights and data and often die together), so the "
        + Math.round(level * 100) + "% band is a cluster bootstrap over trials: " + KaplanMeier.REPLICATES + " resamples of the "
        + "group's trials with replacement, the curve recomputed on each, percentile bounds (fixed seed). Greenwood's formula "
        + "would count every neuron as a subject and make the band far too narrow. With few trials in a group (the seeds of "
        + "one configuration) the bootstrap band is itself rough. Tables: survival/.");
    if (curves.isEmpty()) {
      html.p("No neurons table.");
      return;
    }
    Plot plot = Plot.steps("survival", "Survival of hidden neurons", "step", "share of hidden neurons alive");
    plot.seriesTitle = String.join(", ", groupBy);
    plot.yDomain = new double[] {0, 1};
    List<List<String>> med = new ArrayList<>();
    for (var e : curves.entrySet()) {
      List<KaplanMeier.Point> pts = e.getValue();
      String name = shortLabel(e.getKey());
      if (pts.get(0).time() > 0) {
        plot.row(name, 0L, 1.0, 1.0, 1.0, 0L);
      }
      String median = "not reached";
      for (KaplanMeier.Point p : pts) {
        plot.row(name, p.time(), p.survival(), p.low(), p.high(), p.censored());
        if (median.equals("not reached") && p.survival() <= 0.5) {
          median = String.valueOf(p.time());
        }
      }
      KaplanMeier.Point lastP = pts.get(pts.size() - 1);
      med.add(List.of(e.getKey(), String.valueOf(pts.get(0).atRisk()), fmt(lastP.survival())
          + " [" + fmt(lastP.low()) + ", " + fmt(lastP.high()) + "]", median));
    }
    html.chart(plot);
    html.table(List.of("group", "neurons", "survival at the end [CI]", "median lifetime (step)"), med);
  }

  /** "activation=relu, lr=0.05" as "relu, 0.05": the chart's title says what the values are of. */
  static String shortLabel(String group) {
    return group.replaceAll("(^|, )[^=,]+=", "$1");
  }
}
