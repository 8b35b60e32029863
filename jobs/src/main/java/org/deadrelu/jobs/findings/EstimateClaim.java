package org.deadrelu.jobs.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deadrelu.jobs.findings.ClaimRows.Trial;
import org.deadrelu.jobs.stats.Equivalence;
import org.deadrelu.jobs.stats.Verdict;
import org.deadrelu.jobs.sweep.Claim;

/** An estimate claim: in each cell, the metric's mean over finished trials against target +- margin. */
final class EstimateClaim {
  private EstimateClaim() {}

  static ClaimResult evaluate(Claim claim, Map<List<String>, List<Trial>> cells) {
    Claim.Estimate e = claim.estimate();
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
}
