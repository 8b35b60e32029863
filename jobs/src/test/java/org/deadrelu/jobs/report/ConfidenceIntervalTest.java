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
}
