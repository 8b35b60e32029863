package org.deadrelu.jobs.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deadrelu.jobs.findings.ClaimRows.Trial;
import org.deadrelu.jobs.stats.Direction;
import org.deadrelu.jobs.stats.Equivalence;
import org.deadrelu.jobs.stats.MetricKind;
import org.deadrelu.jobs.stats.PairedComparison;
import org.deadrelu.jobs.stats.Scale;
import org.deadrelu.jobs.stats.Verdict;
import org.deadrelu.jobs.sweep.Claim;

/**
 * An estimate claim: in each cell, the metric's mean over finished trials against target +- margin,
 * or against the target alone when the claim is that the mean lies above or below it.
 */
final class EstimateClaim {
  private EstimateClaim() {}

  static ClaimResult evaluate(Claim claim, Map<List<String>, List<Trial>> cells) {
    Claim.Estimate e = claim.estimate();
    if (e.expect() != null) {
      return oneSided(claim, cells);
    }
    List<String> header = new ArrayList<>(claim.by());
    header.addAll(List.of("trials", "mean [95% CI]", "claimed", "verdict", "not finished"));
    List<List<String>> rows = new ArrayList<>();
    List<Verdict> verdicts = new ArrayList<>();
    for (Map.Entry<List<String>, List<Trial>> cell : cells.entrySet()) {
      double[] v = cell.getValue().stream().filter(Trial::finished).mapToDouble(Trial::value).toArray();
      Equivalence q = Equivalence.of(v, e.target(), e.margin(), PairedClaim.LEVEL);
      List<String> row = new ArrayList<>(cell.getKey());
      row.add(String.valueOf(v.length));
      row.add(ClaimResult.format(q.mean()) + " " + ClaimResult.interval(q.low(), q.high()));
      row.add(ClaimResult.format(e.target()) + " +- " + ClaimResult.format(e.margin()));
      row.add(q.verdict().label());
      row.add(String.valueOf(cell.getValue().size() - v.length));
      rows.add(row);
      verdicts.add(q.verdict());
    }
    List<String> notes = List.of("Student's t interval over trials (one value per trial). Confirmed: the"
        + " interval lies within the claimed band; contradicted: entirely outside it; not detected: it"
        + " straddles an edge of the band.");
    return new ClaimResult(header, rows, verdicts, notes);
  }

  /**
   * The mean above (or below) the target: each trial's value against the target is a pair whose
   * baseline is the target, so the interval, the verdict and the resolution are a paired comparison's.
   */
  private static ClaimResult oneSided(Claim claim, Map<List<String>, List<Trial>> cells) {
    Claim.Estimate e = claim.estimate();
    Scale scale = claim.kind() == MetricKind.LOG ? Scale.LOG : Scale.LINEAR;
    List<String> header = new ArrayList<>(claim.by());
    header.addAll(List.of("trials", "mean [95% CI]", "claimed", "detectable at 80% power", "verdict", "not finished"));
    List<List<String>> rows = new ArrayList<>();
    List<Verdict> verdicts = new ArrayList<>();
    String side = e.expect() == Direction.INCREASE ? "> " : "< ";
    for (Map.Entry<List<String>, List<Trial>> cell : cells.entrySet()) {
      double[] v = cell.getValue().stream().filter(Trial::finished).mapToDouble(Trial::value).toArray();
      double[] target = new double[v.length];
      java.util.Arrays.fill(target, e.target());
      PairedComparison q = PairedComparison.of(target, v, e.expect(), scale, PairedClaim.LEVEL, PairedClaim.POWER);
      // on the log scale the comparison holds ratios to the target: back to the metric's own units
      double factor = scale == Scale.LOG ? e.target() : 1;
      List<String> row = new ArrayList<>(cell.getKey());
      row.add(String.valueOf(v.length));
      row.add(ClaimResult.format(scale == Scale.LOG ? q.ratio() * factor : e.target() + q.mean()) + " "
          + ClaimResult.interval(scale == Scale.LOG ? q.ratioLow() * factor : e.target() + q.low(),
              scale == Scale.LOG ? q.ratioHigh() * factor : e.target() + q.high()));
      row.add(side + ClaimResult.format(e.target()));
      row.add(ClaimResult.format(scale == Scale.LOG ? q.detectableRatio() : q.detectableEffect()));
      row.add(q.verdict().label());
      row.add(String.valueOf(cell.getValue().size() - v.length));
      rows.add(row);
      verdicts.add(q.verdict());
    }
    List<String> notes = List.of("Student's t interval over trials (one value per trial)"
        + (scale == Scale.LOG ? ", on the logs (a geometric mean)" : "") + ". Confirmed: the interval lies"
        + " entirely on the claimed side of the target; contradicted: entirely on the other side; not detected:"
        + " it contains the target. \"Detectable at 80% power\" is the smallest true "
        + (scale == Scale.LOG ? "ratio to" : "distance from") + " the target this many trials would detect at"
        + " 80% power (two-sided 5%), from their observed spread.");
    return new ClaimResult(header, rows, verdicts, notes);
  }
}
