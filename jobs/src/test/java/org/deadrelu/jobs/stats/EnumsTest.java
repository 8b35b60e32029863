package org.deadrelu.jobs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The verdicts' labels and the scales' transforms. */
class EnumsTest {

  @Test
  void verdictsReadAsWords() {
    assertEquals("confirmed", Verdict.CONFIRMED.label());
    assertEquals("contradicted", Verdict.CONTRADICTED.label());
    assertEquals("not detected", Verdict.NOT_DETECTED.label());
  }

  @Test
  void theLogScaleTakesNaturalLogsOfPositiveValuesOnly() {
    assertEquals(-3.5, Scale.LINEAR.apply(-3.5));
    assertEquals(1.0, Scale.LOG.apply(Math.E), 1e-15);
    assertEquals(-2.302585093, Scale.LOG.apply(0.1), 1e-9); // ln 0.1 = -ln 10
    for (double bad : new double[] {0, -2, Double.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scale.LOG.apply(bad));
      assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
    }
  }
}
