package org.deadrelu.model.revival;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WarmingScheduleTest {

  @Test
  void linearHoldsThenFallsEvenlyToExactlyZero() {
    WarmingSchedule w = new WarmingSchedule(0.8, 10, 4, "linear");
    assertEquals(0.8, w.offsetAt(0));
    assertEquals(0.8, w.offsetAt(9));
    assertEquals(0.8, w.offsetAt(10)); // u = 0
    assertEquals(0.6, w.offsetAt(11), 1e-15);
    assertEquals(0.4, w.offsetAt(12), 1e-15);
    assertEquals(0.2, w.offsetAt(13), 1e-15);
    assertEquals(0.0, w.offsetAt(14));
    assertEquals(0.0, w.offsetAt(1000));
  }

  @Test
  void cosineFollowsHalfACosineWave() {
    WarmingSchedule w = new WarmingSchedule(1.0, 0, 4, "cosine");
    assertEquals(1.0, w.offsetAt(0), 1e-15);
    assertEquals((1 + Math.sqrt(0.5)) / 2, w.offsetAt(1), 1e-15);
    assertEquals(0.5, w.offsetAt(2), 1e-15);
    assertEquals((1 - Math.sqrt(0.5)) / 2, w.offsetAt(3), 1e-15);
    assertEquals(0.0, w.offsetAt(4));
  }

  @Test
  void exponentialStartsAtGammaAndEndsAtExactlyZero() {
    WarmingSchedule w = new WarmingSchedule(2.0, 5, 10, "exponential");
    assertEquals(2.0, w.offsetAt(5), 1e-15);
    double expected = 2.0 * (Math.exp(-2.5) - Math.exp(-5)) / (1 - Math.exp(-5)); // u = 0.5
    assertEquals(expected, w.offsetAt(10), 1e-15);
    assertEquals(0.0, w.offsetAt(15));
  }

  @Test
  void noAnnealDropsToZeroAfterTheHold() {
    WarmingSchedule w = new WarmingSchedule(0.3, 3, 0, "linear");
    assertEquals(0.3, w.offsetAt(2));
    assertEquals(0.0, w.offsetAt(3));
  }
}
