package org.deadrelu.jobs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Paired comparisons against intervals and detectable effects worked out by hand. The t quantiles are
 * typed from a t table (checked with scipy.stats.t.ppf): t(0.975, 4) = 2.7764451, t(0.80, 4) =
 * 0.9409646, t(0.975, 2) = 4.3026527, t(0.80, 2) = 1.0606602.
 */
class PairedComparisonTest {
  static final double T975_4 = 2.7764451;
  static final double T80_4 = 0.9409646;
  static final double T975_2 = 4.3026527;
  static final double T80_2 = 1.0606602;

  @Test
  void differencesOneToFiveConfirmAnIncrease() {
    // differences 1, 2, 3, 4, 5: mean 3, sd sqrt(2.5), standard error sqrt(2.5 / 5) = sqrt(0.5)
    double[] baseline = {10, 20, 30, 40, 50};
    double[] treated = {11, 22, 33, 44, 55};
    PairedComparison c = PairedComparison.of(baseline, treated, Direction.INCREASE, Scale.LINEAR, 0.95, 0.8);
    double se = Math.sqrt(0.5);
    assertEquals(5, c.n());
    assertEquals(3.0, c.mean(), 1e-12);
    assertEquals(Math.sqrt(2.5), c.sd(), 1e-12);
    assertEquals(3 - T975_4 * se, c.low(), 1e-6);
    assertEquals(3 + T975_4 * se, c.high(), 1e-6);
    assertEquals((T975_4 + T80_4) * se, c.detectableEffect(), 1e-6); // 2.628654
    assertEquals(Verdict.CONFIRMED, c.verdict());
    assertFalse(c.noPairDiffers());
  }

  @Test
  void theSameDataContradictAPredictedDecrease() {
    PairedComparison c = PairedComparison.of(new double[] {0, 0, 0, 0, 0}, new double[] {1, 2, 3, 4, 5},
        Direction.DECREASE, Scale.LINEAR, 0.95, 0.8);
    assertEquals(Verdict.CONTRADICTED, c.verdict());
    // and a decrease the data show confirms it
    PairedComparison d = PairedComparison.of(new double[] {1, 2, 3, 4, 5}, new double[] {0, 0, 0, 0, 0},
        Direction.DECREASE, Scale.LINEAR, 0.95, 0.8);
    assertEquals(-3 + T975_4 * Math.sqrt(0.5), d.high(), 1e-6);
    assertEquals(Verdict.CONFIRMED, d.verdict());
  }

  @Test
  void anIntervalAcrossZeroDetectsNothing() {
    // differences -2, -1, 0, 1, 2.5: mean 0.1, the interval spans 0
    PairedComparison c = PairedComparison.of(new double[] {0, 0, 0, 0, 0}, new double[] {-2, -1, 0, 1, 2.5},
        Direction.INCREASE, Scale.LINEAR, 0.95, 0.8);
    assertTrue(c.low() < 0 && c.high() > 0);
    assertEquals(Verdict.NOT_DETECTED, c.verdict());
  }

  @Test
  void theLogScaleComparesRatios() {
    // ratios 2, 4, 8: log-ratios ln2 x (1, 2, 3), mean 2 ln2 (ratio 4), sd ln2, se ln2 / sqrt(3)
    double[] baseline = {1, 0.5, 3};
    double[] treated = {2, 2, 24};
    PairedComparison c = PairedComparison.of(baseline, treated, Direction.INCREASE, Scale.LOG, 0.95, 0.8);
    double ln2 = Math.log(2);
    double se = ln2 / Math.sqrt(3);
    assertEquals(2 * ln2, c.mean(), 1e-12);
    assertEquals(4.0, c.ratio(), 1e-12);
    assertEquals(ln2, c.sd(), 1e-12);
    // ratio bounds 4 x 2^(-+ t / sqrt(3)): 4 x 2^(-2.484138) = 0.716 and 4 x 2^2.484138 = 22.35
    assertEquals(4 * Math.pow(2, -T975_2 / Math.sqrt(3)), c.ratioLow(), 1e-6);
    assertEquals(4 * Math.pow(2, T975_2 / Math.sqrt(3)), c.ratioHigh(), 1e-5);
    assertEquals((T975_2 + T80_2) * se, c.detectableEffect(), 1e-6);
    assertEquals(Math.pow(2, (T975_2 + T80_2) / Math.sqrt(3)), c.detectableRatio(), 1e-5);
    assertEquals(Verdict.NOT_DETECTED, c.verdict()); // 3 seeds: the lower bound is below ratio 1
  }

  @Test
  void aRatioNeedsTheLogScale() {
    PairedComparison c = PairedComparison.of(new double[] {1, 2}, new double[] {2, 3}, Direction.INCREASE,
        Scale.LINEAR, 0.95, 0.8);
    assertThrows(IllegalStateException.class, c::ratio);
  }

  @Test
  void fewerThanTwoPairsHaveNoInterval() {
    for (int n = 0; n < 2; n++) {
      PairedComparison c = PairedComparison.of(new double[n], new double[n], Direction.INCREASE, Scale.LINEAR,
          0.95, 0.8);
      assertEquals(n, c.n());
      assertEquals(Verdict.NOT_DETECTED, c.verdict());
      assertTrue(Double.isNaN(c.low()) && Double.isNaN(c.high()));
      assertTrue(Double.isNaN(c.detectableEffect()));
    }
  }

  @Test
  void aMetricThatNeverMovesIsFlaggedNotDetected() {
    // e.g. a dead fraction that is 0 for both settings on every seed
    PairedComparison c = PairedComparison.of(new double[] {0, 0, 0}, new double[] {0, 0, 0}, Direction.INCREASE,
        Scale.LINEAR, 0.95, 0.8);
    assertTrue(c.noPairDiffers());
    assertEquals(Verdict.NOT_DETECTED, c.verdict());
    assertEquals(0.0, c.low());
    assertEquals(0.0, c.high());
    assertEquals(0.0, c.sd());
    assertEquals(0.0, c.detectableEffect()); // the formula with the observed sd of 0
  }

  @Test
  void theSameNonZeroDifferenceOnEveryPairGivesAPointIntervalJudgedByItsSign() {
    double[] baseline = {1, 2, 3};
    double[] treated = {1.5, 2.5, 3.5};
    PairedComparison up = PairedComparison.of(baseline, treated, Direction.INCREASE, Scale.LINEAR, 0.95, 0.8);
    assertEquals(0.5, up.low());
    assertEquals(0.5, up.high());
    assertEquals(0.5, up.mean());
    assertFalse(up.noPairDiffers());
    assertEquals(Verdict.CONFIRMED, up.verdict());
    PairedComparison down = PairedComparison.of(baseline, treated, Direction.DECREASE, Scale.LINEAR, 0.95, 0.8);
    assertEquals(Verdict.CONTRADICTED, down.verdict());
  }

  @Test
  void badInputIsRefused() {
    IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class, () -> PairedComparison.of(
        new double[] {1, 2, 3}, new double[] {1, 2}, Direction.INCREASE, Scale.LINEAR, 0.95, 0.8));
    assertTrue(lengths.getMessage().contains("3 and 2"), lengths.getMessage());
    IllegalArgumentException log = assertThrows(IllegalArgumentException.class, () -> PairedComparison.of(
        new double[] {1, 2, 3}, new double[] {1, -0.5, 2}, Direction.INCREASE, Scale.LOG, 0.95, 0.8));
    assertTrue(log.getMessage().contains("treated[1]") && log.getMessage().contains("-0.5"), log.getMessage());
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> PairedComparison.of(
        new double[] {1, Double.NaN}, new double[] {1, 2}, Direction.INCREASE, Scale.LINEAR, 0.95, 0.8));
    assertTrue(nan.getMessage().contains("baseline[1] = NaN"), nan.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PairedComparison.of(new double[] {1, 2},
        new double[] {1, 2}, Direction.INCREASE, Scale.LINEAR, 95, 0.8));
    assertThrows(IllegalArgumentException.class, () -> PairedComparison.of(new double[] {1, 2},
        new double[] {1, 2}, Direction.INCREASE, Scale.LINEAR, 0.95, 1));
  }
}
