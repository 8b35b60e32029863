package org.deadrelu.jobs.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deadrelu.jobs.UserInputException;
import org.deadrelu.jobs.findings.ClaimRows.Trial;
import org.deadrelu.jobs.report.Proportion;
import org.deadrelu.jobs.stats.Verdict;
import org.deadrelu.jobs.sweep.Claim;

/**
 * Born-dead fractions held against their exact bounds. With zero biases and a symmetric
 * initializer, a network of H hidden layers of width N is constant on a symmetric 1-D input only if
 * some layer is all-zero at x = +1 and some at x = -1; at one input that has probability exactly
 * b = 1 - (1 - 2^-N)^H. So the fraction lies between 2b - 1 and b: a cell is consistent when its
 * share is within three standard errors of that range.
 */
final class BornDeadBoundClaim {
  private BornDeadBoundClaim() {}

  static double upperBound(int width, int depth) {
    return 1 - Math.pow(1 - Math.pow(2, -width), depth);
  }

  static ClaimResult evaluate(Claim claim, Map<List<String>, List<Trial>> cells) {
    int w = claim.by().indexOf("width");
    int d = claim.by().indexOf("depth");
    if (w < 0 || d < 0) {
      throw new UserInputException("claim " + claim.name() + ": a born_dead bound needs by: [width, depth], got " + claim.by());
    }
    List<String> header = new ArrayList<>(claim.by());
    header.addAll(List.of("networks", "collapsed at init [95% CI]", "exact bound b", "2b - 1",
        claim.publishedSource() == null ? "published" : claim.publishedSource(), "verdict"));
    List<List<String>> rows = new ArrayList<>();
    List<Verdict> verdicts = new ArrayList<>();
    for (Map.Entry<List<String>, List<Trial>> cell : cells.entrySet()) {
      int width = Integer.parseInt(cell.getKey().get(w));
      int depth = Integer.parseInt(cell.getKey().get(d));
      List<Trial> finished = cell.getValue().stream().filter(Trial::finished).toList();
      long n = finished.size();
      long collapsed = finished.stream().filter(t -> t.value() == 1.0).count();
      Proportion p = Proportion.wilson(collapsed, n, PairedClaim.LEVEL);
      double b = upperBound(width, depth);
      double se = Math.sqrt(b * (1 - b) / Math.max(1, n));
      double share = n == 0 ? Double.NaN : (double) collapsed / n;
      boolean within = share <= b + 3 * se && share >= 2 * b - 1 - 3 * se;
      Verdict v = n == 0 ? Verdict.NOT_DETECTED : within ? Verdict.CONFIRMED : Verdict.CONTRADICTED;
      Double published = claim.published().get("width=" + width + ",depth=" + depth);
      List<String> row = new ArrayList<>(cell.getKey());
      row.add(String.valueOf(n));
      row.add(ClaimResult.format(share) + " " + ClaimResult.interval(p.low(), p.high()));
      row.add(ClaimResult.format(b));
      row.add(ClaimResult.format(Math.max(0, 2 * b - 1)));
      row.add(published == null ? "-" : ClaimResult.format(published));
      row.add(v.label());
      rows.add(row);
      verdicts.add(v);
    }
    List<String> notes = List.of("Collapsed: every output exactly the same float on every input of the grid."
        + " Confirmed: the share lies within three standard errors (of b) of [2b - 1, b]; contradicted: outside.");
    return new ClaimResult(header, rows, verdicts, notes);
  }
}
