package org.deadrelu.jobs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Each kind's estimate and interval against closed forms worked out by hand. Quantiles typed from
 * tables (checked with scipy.stats): z(0.975) = 1.959964; t(0.975, 4) = 2.7764451, t(0.975, 3) =
 * 3.1824463, t(0.975, 2) = 4.3026527.
 */
class MetricKindTest {
  static final double Z = 1.959964;
  static final double T975_4 = 2.7764451;
  static final double T975_3 = 3.1824463;
  static final double T975_2 = 4.3026527;

  @Test
  void binaryIsAShareWithWilsonsInterval() {
    Summary s = MetricKind.BINARY.summarize(new double[] {1, 0, 0, 0}, 0.95);
    // Wilson, 1 of 4: (p + z^2/2n -+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)
    double n = 4;
    double p = 0.25;
    double centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n);
    double half = Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n);
    assertEquals(4, s.n());
    assertEquals(0.25, s.estimate(), 1e-12);
    assertEquals(centre - half, s.low(), 1e-6);
    assertEquals(centre + half, s.high(), 1e-6);
    assertEquals(0.5, s.sd(), 1e-12); // sqrt((3 x 0.25^2 + 0.75^2) / 3)
    assertEquals("Wilson", s.method());
    assertFalse(s.constant());
  }

  @Test
  void aBinaryMetricThatNeverHappensKeepsWilsonsUpperBound() {
    // 0 of 15: Wilson's interval is [0, z^2 / (n + z^2)] = [0, 0.2039], not the point 0
    Summary s = MetricKind.BINARY.summarize(new double[15], 0.95);
    assertTrue(s.constant());
    assertEquals(0.0, s.estimate());
    assertEquals(0.0, s.low());
    assertEquals(Z * Z / (15 + Z * Z), s.high(), 1e-6);
    assertEquals("[0, 0.2039]", s.describeInterval());
  }

  @Test
  void aProportionGetsTheTIntervalClippedToZeroOne() {
    // 0.1 .. 0.5: mean 0.3, sd sqrt(0.025), se sqrt(0.005); nothing to clip
    Summary s = MetricKind.PROPORTION.summarize(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, 0.95);
    assertEquals(0.3, s.estimate(), 1e-12);
    assertEquals(0.3 - T975_4 * Math.sqrt(0.005), s.low(), 1e-6);
    assertEquals(0.3 + T975_4 * Math.sqrt(0.005), s.high(), 1e-6);
    assertEquals("t, clipped to [0, 1]", s.method());
    // 0, 0, 0, 0.1: mean 0.025, sd 0.05, se 0.025; the lower bound 0.025 - 0.0796 is cut to 0
    Summary low = MetricKind.PROPORTION.summarize(new double[] {0, 0, 0, 0.1}, 0.95);
    assertEquals(0.025, low.estimate(), 1e-12);
    assertEquals(0.05, low.sd(), 1e-12);
    assertEquals(0.0, low.low());
    assertEquals(0.025 + T975_3 * 0.025, low.high(), 1e-6);
  }

  @Test
  void aProportionThatIsZeroOnEveryTrialHasNoVariation() {
    Summary s = MetricKind.PROPORTION.summarize(new double[15], 0.95);
    assertTrue(s.constant());
    assertEquals(15, s.n());
    assertEquals(0.0, s.estimate());
    assertEquals(0.0, s.low());
    assertEquals(0.0, s.high());
    assertEquals(0.0, s.sd());
    assertEquals("no variation (all 15 = 0)", s.describeInterval());
  }

  @Test
  void aContinuousMetricGetsStudentsInterval() {
    // 1 .. 5: mean 3, sd sqrt(2.5), se sqrt(0.5)
    Summary s = MetricKind.CONTINUOUS.summarize(new double[] {1, 2, 3, 4, 5}, 0.95);
    assertEquals(3.0, s.estimate(), 1e-12);
    assertEquals(Math.sqrt(2.5), s.sd(), 1e-12);
    assertEquals(3 - T975_4 * Math.sqrt(0.5), s.low(), 1e-6);
    assertEquals(3 + T975_4 * Math.sqrt(0.5), s.high(), 1e-6);
    assertEquals("t", s.method());
    assertEquals("[1.0368, 4.9632]", s.describeInterval());
    // the t interval is not clipped: it may go below 0
    assertTrue(MetricKind.CONTINUOUS.summarize(new double[] {0, 0, 0, 0.1}, 0.95).low() < 0);
  }

  @Test
  void identicalValuesKeepTheirValueExactly() {
    // summing would give 0.30000000000000004 / 3
    Summary s = MetricKind.CONTINUOUS.summarize(new double[] {0.1, 0.1, 0.1}, 0.95);
    assertTrue(s.constant());
    assertEquals(0.1, s.estimate());
    assertEquals(0.1, s.low());
    assertEquals(0.1, s.high());
    assertEquals("no variation (all 3 = 0.1000)", s.describeInterval());
    Summary log = MetricKind.LOG.summarize(new double[] {0.3, 0.3}, 0.95);
    assertEquals(0.3, log.estimate());
    assertEquals(0.3, log.low());
    assertEquals(0.3, log.high());
  }

  @Test
  void aLogMetricGetsTheGeometricMeanAndTOnLogs() {
    // 1, 10, 100: logs ln10 x (0, 1, 2), mean ln10 (geometric mean 10), sd ln10, se ln10 / sqrt(3);
    // bounds exp(ln10 -+ t ln10 / sqrt(3)) = 10^(1 -+ 2.484138): 0.03280 and 3048.3
    Summary s = MetricKind.LOG.summarize(new double[] {1, 10, 100}, 0.95);
    assertEquals(10.0, s.estimate(), 1e-12);
    assertEquals(Math.log(10), s.sd(), 1e-12);
    assertEquals(Math.pow(10, 1 - T975_2 / Math.sqrt(3)), s.low(), 1e-7);
    assertEquals(Math.pow(10, 1 + T975_2 / Math.sqrt(3)), s.high(), 1e-2);
    assertEquals("t on logs (geometric mean)", s.method());
  }

  @Test
  void oneValueHasNoTInterval() {
    for (MetricKind k : new MetricKind[] {MetricKind.PROPORTION, MetricKind.CONTINUOUS, MetricKind.LOG}) {
      Summary s = k.summarize(new double[] {0.5}, 0.95);
      assertEquals(0.5, s.estimate(), 1e-15, k.name());
      assertTrue(Double.isNaN(s.low()) && Double.isNaN(s.high()), k.name());
      assertFalse(s.constant(), k.name());
      assertEquals("n/a", s.describeInterval(), k.name());
    }
    Summary none = MetricKind.CONTINUOUS.summarize(new double[0], 0.95);
    assertEquals(0, none.n());
    assertTrue(Double.isNaN(none.estimate()));
  }

  @Test
  void aNaNValueMakesTheSummaryUnknown() {
    Summary s = MetricKind.CONTINUOUS.summarize(new double[] {1, Double.NaN, 3}, 0.95);
    assertEquals(3, s.n());
    assertTrue(Double.isNaN(s.estimate()));
    assertEquals("n/a", s.describeInterval());
  }

  @Test
  void valuesAKindCannotTakeAreRefusedByValue() {
    IllegalArgumentException binary = assertThrows(IllegalArgumentException.class,
        () -> MetricKind.BINARY.summarize(new double[] {0, 1, 0.5}, 0.95));
    assertTrue(binary.getMessage().contains("0.5"), binary.getMessage());
    IllegalArgumentException proportion = assertThrows(IllegalArgumentException.class,
        () -> MetricKind.PROPORTION.summarize(new double[] {0.2, 1.5}, 0.95));
    assertTrue(proportion.getMessage().contains("1.5"), proportion.getMessage());
    for (double bad : new double[] {0, -1}) {
      IllegalArgumentException log = assertThrows(IllegalArgumentException.class,
          () -> MetricKind.LOG.summarize(new double[] {2, bad}, 0.95));
      assertTrue(log.getMessage().contains(String.valueOf(bad)), log.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> MetricKind.CONTINUOUS.summarize(new double[] {1, 2}, 0));
  }
}
