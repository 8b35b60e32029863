package org.deadrelu.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Student-t intervals against values worked out by hand with published t quantiles. */
class ConfidenceIntervalTest {

  @Test
  void fiveValuesGiveTheTextbookInterval() {
    // values 1..5: mean 3, sd sqrt(2.5) = 1.5811; t(0.975, 4) = 2.7764; half = 2.7764 * 1.5811 / sqrt(5) = 1.9632
    ConfidenceInterval ci = ConfidenceInterval.of(new double[] {1, 2, 3, 4, 5}, 0.95);
    assertEquals(3.0, ci.mean(), 1e-12);
    assertEquals(Math.sqrt(2.5), ci.sd(), 1e-12);
    assertEquals(3.0 - 1.9632, ci.low(), 1e-4);
    assertEquals(3.0 + 1.9632, ci.high(), 1e-4);
  }

  @Test
  void ninetyPercentWithTenValuesUsesNineDegreesOfFreedom() {
    // t(0.95, 9) = 1.8331; mean 0.5, sd 0.2 -> half = 1.8331 * 0.2 / sqrt(10) = 0.11594
    ConfidenceInterval ci = ConfidenceInterval.of(10, 0.5, 0.2, 0.90);
    assertEquals(0.5 - 0.11594, ci.low(), 1e-5);
    assertEquals(0.5 + 0.11594, ci.high(), 1e-5);
  }

  @Test
  void oneObservationHasNoInterval() {
    ConfidenceInterval ci = ConfidenceInterval.of(new double[] {0.3}, 0.95);
    assertTrue(Double.isNaN(ci.low()) && Double.isNaN(ci.high()));
  }

  @Test
  void identicalValuesGiveAZeroWidthInterval() {
    ConfidenceInterval ci = ConfidenceInterval.of(new double[] {0.0, 0.0, 0.0}, 0.95);
    assertEquals(0.0, ci.low());
    assertEquals(0.0, ci.high());
  }

  @Test
  void aFractionsIntervalIsCutToZeroAndOne() {
    // dead fractions 0, 0, 0.1: mean 0.033333, sd 0.057735; t(0.975, 2) = 4.302653;
    // half = 4.302653 * 0.057735 / sqrt(3) = 0.143422 -> [-0.110088, 0.176755], cut to [0, 0.176755]
    ConfidenceInterval ci = ConfidenceInterval.of(new double[] {0, 0, 0.1}, 0.95).clip(0, 1);
    assertEquals(0.0, ci.low());
    assertEquals(0.176755, ci.high(), 1e-6);
    assertEquals(0.1 / 3, ci.mean(), 1e-12);
    // and at the top: 1, 1, 0.9 -> [0.823245, 1.110088], cut to [0.823245, 1]
    ConfidenceInterval top = ConfidenceInterval.of(new double[] {1, 1, 0.9}, 0.95).clip(0, 1);
    assertEquals(0.823245, top.low(), 1e-6);
    assertEquals(1.0, top.high());
  }

  @Test
  void cuttingLeavesAMissingIntervalMissing() {
    ConfidenceInterval ci = ConfidenceInterval.of(new double[] {0.3}, 0.95).clip(0, 1);
    assertTrue(Double.isNaN(ci.low()) && Double.isNaN(ci.high()));
  }
}
