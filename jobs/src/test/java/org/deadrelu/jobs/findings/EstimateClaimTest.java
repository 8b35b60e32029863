package org.deadrelu.jobs.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deadrelu.jobs.findings.ClaimRows.Trial;
import org.deadrelu.jobs.stats.Direction;
import org.deadrelu.jobs.stats.MetricKind;
import org.deadrelu.jobs.stats.Verdict;
import org.deadrelu.jobs.sweep.Claim;
import org.junit.jupiter.api.Test;

/** One-sided estimates ("the mean is above the target") against t intervals worked by hand. */
class EstimateClaimTest {

  private static Claim claim(MetricKind kind, double target, Direction expect) {
    return new Claim("c", "s", "m", "trials", kind, null, false, List.of("cell"), null,
        new Claim.Estimate(target, null, expect), null, null, Map.of(), null);
  }

  private static Map<List<String>, List<Trial>> cells(double[]... values) {
    Map<List<String>, List<Trial>> out = new LinkedHashMap<>();
    for (int c = 0; c < values.length; c++) {
      List<Trial> trials = new ArrayList<>();
      for (int i = 0; i < values[c].length; i++) {
        trials.add(new Trial(List.of("c" + c), i, null, "ok", values[c][i], false));
      }
      out.put(List.of("c" + c), trials);
    }
    return out;
  }

  @Test
  void theMeanAboveTheTargetIsConfirmedBelowItContradictedAcrossItNotDetected() {
    // {1..5}: mean 3, sd 1.581, t(0.975, 4) = 2.776: [1.037, 4.963], above 0
    // {-1, 0, 1, 2}: mean 0.5, sd 1.291, t(0.975, 3) = 3.182: [-1.55, 2.55], across 0
    // {-5, -4, -3}: mean -4, sd 1, t(0.975, 2) = 4.303: [-6.48, -1.52], below 0
    ClaimResult r = EstimateClaim.evaluate(claim(MetricKind.CONTINUOUS, 0, Direction.INCREASE),
        cells(new double[] {1, 2, 3, 4, 5}, new double[] {-1, 0, 1, 2}, new double[] {-5, -4, -3}));
    assertEquals(List.of(Verdict.CONFIRMED, Verdict.NOT_DETECTED, Verdict.CONTRADICTED), r.verdicts());
    assertEquals("3 [1.037, 4.963]", r.rows().get(0).get(2));
    assertEquals("> 0", r.rows().get(0).get(3));
    // detectable at 80% power: (t(0.975, 4) + t(0.8, 4)) sd / sqrt(5) = (2.776 + 0.941) 1.581 / 2.236 = 2.628
    assertEquals(2.628, Double.parseDouble(r.rows().get(0).get(4)), 0.002);
  }

  @Test
  void belowATargetOtherThanZero() {
    // {0.2, 0.3, 0.4} against 0.5, expected below: mean 0.3, sd 0.1, [0.052, 0.548]: contains 0.5
    // {0.1, 0.12, 0.14}: mean 0.12, sd 0.02, [0.070, 0.170]: below 0.5
    ClaimResult r = EstimateClaim.evaluate(claim(MetricKind.PROPORTION, 0.5, Direction.DECREASE),
        cells(new double[] {0.2, 0.3, 0.4}, new double[] {0.1, 0.12, 0.14}));
    assertEquals(List.of(Verdict.NOT_DETECTED, Verdict.CONFIRMED), r.verdicts());
    assertEquals("< 0.5", r.rows().get(1).get(3));
  }

  @Test
  void onTheLogScaleTheGeometricMeanIsJudgedAgainstTheTarget() {
    // {2, 8, 32} against 1: logs ln2 x {1, 3, 5}, mean 3 ln2 (geometric mean 8), sd 2 ln2 = 1.386,
    // t(0.975, 2) = 4.303: logs [2.079 - 3.444, 2.079 + 3.444] = [-1.365, 5.523] contains 0
    // {6, 8, 10}: all far above 1 with a small spread: confirmed
    ClaimResult r = EstimateClaim.evaluate(claim(MetricKind.LOG, 1, Direction.INCREASE),
        cells(new double[] {2, 8, 32}, new double[] {6, 8, 10}));
    assertEquals(List.of(Verdict.NOT_DETECTED, Verdict.CONFIRMED), r.verdicts());
    assertEquals(8.0, Double.parseDouble(r.rows().get(0).get(2).split(" ")[0]), 1e-3);
  }

  @Test
  void anEstimateHasAMarginOrADirectionNotBoth() {
    assertThrows(IllegalArgumentException.class, () -> new Claim.Estimate(0, 0.1, Direction.INCREASE));
    assertThrows(IllegalArgumentException.class, () -> new Claim.Estimate(0, null, null));
  }
}
