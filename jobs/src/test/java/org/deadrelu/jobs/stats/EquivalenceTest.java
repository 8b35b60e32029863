package org.deadrelu.jobs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * "About a value" checks against an interval worked out by hand: values 9, 10, 11, 10, 10 have mean
 * 10, sd sqrt(0.5), standard error sqrt(0.5 / 5) = sqrt(0.1); t(0.975, 4) = 2.7764451 (t table,
 * checked with scipy.stats.t.ppf), so the 95% interval is 10 -+ 0.877983: [9.122017, 10.877983].
 */
class EquivalenceTest {
  static final double[] VALUES = {9, 10, 11, 10, 10};
  static final double HALF = 2.7764451 * Math.sqrt(0.1);

  @Test
  void anIntervalInsideTheBandConfirms() {
    Equivalence e = Equivalence.of(VALUES, 10, 1, 0.95);
    assertEquals(5, e.n());
    assertEquals(10.0, e.mean(), 1e-12);
    assertEquals(Math.sqrt(0.5), e.sd(), 1e-12);
    assertEquals(10 - HALF, e.low(), 1e-6);
    assertEquals(10 + HALF, e.high(), 1e-6);
    assertEquals(Verdict.CONFIRMED, e.verdict());
  }

  @Test
  void anIntervalAcrossAnEdgeCannotTell() {
    assertEquals(Verdict.NOT_DETECTED, Equivalence.of(VALUES, 10, 0.5, 0.95).verdict()); // band [9.5, 10.5]
    assertEquals(Verdict.NOT_DETECTED, Equivalence.of(VALUES, 11, 1, 0.95).verdict()); // band [10, 12]
  }

  @Test
  void anIntervalOutsideTheBandContradicts() {
    assertEquals(Verdict.CONTRADICTED, Equivalence.of(VALUES, 20, 1, 0.95).verdict()); // band [19, 21]
    assertEquals(Verdict.CONTRADICTED, Equivalence.of(VALUES, 0.5, 0.5, 0.95).verdict()); // band [0, 1]
  }

  @Test
  void identicalValuesAreAPointJudgedAgainstTheBandEdgesIncluded() {
    Equivalence on = Equivalence.of(new double[] {0.5, 0.5, 0.5}, 0.4, 0.1, 0.95);
    assertEquals(0.5, on.low());
    assertEquals(0.5, on.high());
    assertEquals(Verdict.CONFIRMED, on.verdict());
    assertEquals(Verdict.CONTRADICTED, Equivalence.of(new double[] {0.5, 0.5, 0.5}, 0.2, 0.1, 0.95).verdict());
  }

  @Test
  void oneValueHasNoIntervalAndDetectsNothing() {
    Equivalence e = Equivalence.of(new double[] {10}, 10, 1, 0.95);
    assertTrue(Double.isNaN(e.low()) && Double.isNaN(e.high()));
    assertEquals(Verdict.NOT_DETECTED, e.verdict());
  }

  @Test
  void aNegativeMarginIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Equivalence.of(VALUES, 10, -1, 0.95));
    assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
  }
}
