package org.deadrelu.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Wilson score intervals against hand arithmetic. At 95%, z = 1.959964 and z^2 = 3.841459; the
 * interval is (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n).
 */
class ProportionTest {

  @Test
  void noneOfFive() {
    // p = 0: the bounds are 0 and (z^2/n) / (1 + z^2/n) = z^2 / (n + z^2) = 3.841459 / 8.841459 = 0.434482
    Proportion p = Proportion.wilson(0, 5, 0.95);
    assertEquals(0.0, p.share());
    assertEquals(0.0, p.low());
    assertEquals(0.434482, p.high(), 1e-6);
  }

  @Test
  void threeOfTen() {
    // p = 0.3, n = 10: denominator 1 + 0.384146 = 1.384146; centre (0.3 + 0.192073) / 1.384146 = 0.355507;
    // radicand 0.3 * 0.7 / 10 + 3.841459 / 400 = 0.021 + 0.009604 = 0.030604, sqrt 0.174939;
    // half-width 1.959964 * 0.174939 / 1.384146 = 0.247715 -> [0.107791, 0.603222] (0.108 to 0.603, as tabulated)
    Proportion p = Proportion.wilson(3, 10, 0.95);
    assertEquals(0.3, p.share(), 1e-12);
    assertEquals(0.107791, p.low(), 1e-6);
    assertEquals(0.603222, p.high(), 1e-6);
  }

  @Test
  void tenOfTen() {
    // p = 1: the bounds are n / (n + z^2) = 10 / 13.841459 = 0.722467, and exactly 1
    Proportion p = Proportion.wilson(10, 10, 0.95);
    assertEquals(0.722467, p.low(), 1e-6);
    assertEquals(1.0, p.high());
  }

  @Test
  void ninetyPercentIsNarrower() {
    // z(0.95) = 1.644854, z^2 = 2.705543; 0 of 5: 2.705543 / 7.705543 = 0.351117
    Proportion p = Proportion.wilson(0, 5, 0.90);
    assertEquals(0.351117, p.high(), 1e-6);
    assertTrue(p.high() < Proportion.wilson(0, 5, 0.95).high());
  }
}
