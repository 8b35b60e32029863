package org.deadrelu.jobs.findings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.deadrelu.jobs.UserInputException;
import org.deadrelu.jobs.findings.ClaimRows.Trial;
import org.deadrelu.jobs.stats.MetricKind;
import org.deadrelu.jobs.stats.PairedComparison;
import org.deadrelu.jobs.stats.Scale;
import org.deadrelu.jobs.stats.Summary;
import org.deadrelu.jobs.stats.Verdict;
import org.deadrelu.jobs.sweep.Claim;

/**
 * A comparison claim: in each cell, every compared level against the baseline, trial by trial on
 * shared seeds (the paired difference and its interval), among the trials that finished; with
 * {@code diverged_as}, also with a diverged trial counted at that value, so divergence is an outcome
 * beside the rest and never a dropped row.
 */
final class PairedClaim {
  static final double LEVEL = 0.95;
  static final double POWER = 0.8;

  private PairedClaim() {}

  static ClaimResult evaluate(Claim claim, Map<List<String>, List<Trial>> cells) {
    Claim.Compare c = claim.compare();
    Scale scale = claim.kind() == MetricKind.LOG ? Scale.LOG : Scale.LINEAR;
    List<String> header = new ArrayList<>(claim.by());
    header.addAll(List.of(c.axis(), "pairs", c.axis() + " = " + c.baseline(), "compared",
        scale == Scale.LOG ? "ratio [95% CI]" : "difference [95% CI]", "detectable at 80% power", "verdict",
        "diverged (baseline, compared)"));
    if (claim.divergedAs() != null) {
      header.addAll(List.of("difference, diverged as " + ClaimResult.format(claim.divergedAs()) + " [95% CI]", "verdict"));
    }
    List<List<String>> rows = new ArrayList<>();
    List<Verdict> verdicts = new ArrayList<>();
    for (Map.Entry<List<String>, List<Trial>> cell : cells.entrySet()) {
      Map<Long, Trial> baseline = bySeed(claim, cell.getValue(), c.baseline());
      for (String level : levels(c, cell.getValue())) {
        Map<Long, Trial> compared = bySeed(claim, cell.getValue(), level);
        List<Trial[]> pairs = new ArrayList<>();
        compared.forEach((seed, t) -> {
          if (baseline.containsKey(seed)) {
            pairs.add(new Trial[] {baseline.get(seed), t});
          }
        });
        List<String> row = new ArrayList<>(cell.getKey());
        row.add(level);
        PairedComparison finished = compare(claim, pairs, null, scale);
        row.add(String.valueOf(finished.n()));
        row.add(side(claim, pairs, 0));
        row.add(side(claim, pairs, 1));
        row.add(difference(finished, scale));
        row.add(finished.noPairDiffers() ? "no pair differs" : ClaimResult.format(detectable(finished, scale)));
        row.add(finished.verdict().label());
        row.add(diverged(pairs, 0) + ", " + diverged(pairs, 1) + " of " + pairs.size());
        Verdict verdict = finished.verdict();
        if (claim.divergedAs() != null) {
          PairedComparison all = compare(claim, pairs, claim.divergedAs(), scale);
          row.add(all.n() + " pairs: " + difference(all, scale));
          row.add(all.verdict().label());
        }
        rows.add(row);
        verdicts.add(verdict);
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add("Pairs share a seed (the same initial weights, minibatches and probe set); the interval is"
        + " Student's t on the " + pairs(scale) + " of finished pairs (both trials ok). " + verdictRule(c));
    notes.add("\"Detectable at 80% power\" is the smallest true " + (scale == Scale.LOG ? "ratio" : "difference")
        + " this many pairs would detect at 80% power (two-sided 5%), from the observed spread of the"
        + " differences: (t(0.975) + t(0.8)) sd / sqrt(n).");
    if (claim.divergedAs() != null) {
      notes.add("Diverged trials are outcomes: the last columns count each at " + ClaimResult.format(claim.divergedAs())
          + " (e.g. every neuron lost) instead of leaving the pair out.");
    }
    return new ClaimResult(header, rows, verdicts, notes);
  }

  private static String pairs(Scale scale) {
    return scale == Scale.LOG ? "differences of logs (a ratio)" : "differences";
  }

  private static String verdictRule(Claim.Compare c) {
    return "Confirmed: the interval lies entirely on the claimed side (" + c.expect().name().toLowerCase(java.util.Locale.ROOT)
        + "); contradicted: entirely on the other side; not detected: it contains no change.";
  }

  /** The compared levels: as listed, or every level present except the baseline, in sorted order. */
  private static List<String> levels(Claim.Compare c, List<Trial> trials) {
    if (!c.levels().isEmpty()) {
      return c.levels();
    }
    Set<String> found = new LinkedHashSet<>();
    trials.stream().map(Trial::level).filter(l -> !ClaimRows.sameLevel(l, c.baseline())).sorted(PairedClaim::byValue)
        .forEach(found::add);
    return List.copyOf(found);
  }

  private static int byValue(String a, String b) {
    try {
      return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
    } catch (NumberFormatException | NullPointerException e) {
      return String.valueOf(a).compareTo(String.valueOf(b));
    }
  }

  /** The level's trials by seed; two trials of one seed mean an axis varies that the claim neither compares nor splits by. */
  private static Map<Long, Trial> bySeed(Claim claim, List<Trial> trials, String level) {
    Map<Long, Trial> out = new TreeMap<>();
    for (Trial t : trials) {
      if (ClaimRows.sameLevel(t.level(), level) && out.put(t.seed(), t) != null) {
        throw new UserInputException("claim " + claim.name() + ": two trials of seed " + t.seed() + " at "
            + claim.compare().axis() + " = " + level + " in cell " + t.cell() + "; another axis varies:"
            + " add it to by: or fix it with where:");
      }
    }
    return out;
  }

  private static PairedComparison compare(Claim claim, List<Trial[]> pairs, Double divergedAs, Scale scale) {
    List<double[]> kept = new ArrayList<>();
    for (Trial[] p : pairs) {
      Double a = value(p[0], divergedAs);
      Double b = value(p[1], divergedAs);
      if (a != null && b != null) {
        kept.add(new double[] {a, b});
      }
    }
    double[] base = kept.stream().mapToDouble(v -> v[0]).toArray();
    double[] other = kept.stream().mapToDouble(v -> v[1]).toArray();
    return PairedComparison.of(base, other, claim.compare().expect(), scale, LEVEL, POWER);
  }

  /** A finished trial's value; a diverged one's is {@code divergedAs} when given; else none. */
  private static Double value(Trial t, Double divergedAs) {
    if (t.finished()) {
      return t.value();
    }
    return divergedAs != null && "diverged".equals(t.status()) ? divergedAs : null;
  }

  private static String side(Claim claim, List<Trial[]> pairs, int which) {
    double[] v = pairs.stream().filter(p -> p[0].finished() && p[1].finished()).mapToDouble(p -> p[which].value()).toArray();
    if (v.length == 0) {
      return "n/a";
    }
    Summary s = claim.kind().summarize(v, LEVEL);
    return ClaimResult.format(s.estimate()) + " " + s.describeInterval();
  }

  private static long diverged(List<Trial[]> pairs, int which) {
    return pairs.stream().filter(p -> "diverged".equals(p[which].status())).count();
  }

  private static String difference(PairedComparison p, Scale scale) {
    if (p.n() == 0) {
      return "no pairs";
    }
    if (scale == Scale.LOG) {
      return ClaimResult.format(Math.exp(p.mean())) + " " + ClaimResult.interval(Math.exp(p.low()), Math.exp(p.high()));
    }
    return ClaimResult.format(p.mean()) + " " + ClaimResult.interval(p.low(), p.high());
  }

  private static double detectable(PairedComparison p, Scale scale) {
    return scale == Scale.LOG ? Math.exp(p.detectableEffect()) : p.detectableEffect();
  }
}
