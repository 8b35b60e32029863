package org.deadrelu.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {
  /**
   * Six subjects: deaths at 3, 5, 7, 10; censored at 5 and 8. By hand (product-limit, censoring at t
   * after deaths at t): S(3) = 5/6; S(5) = 5/6 * 4/5 = 2/3; S(7) = 2/3 * 2/3 = 4/9; S(8) = 4/9;
   * S(10) = 0. Greenwood at 7: (4/9)^2 * (1/(6*5) + 1/(5*4) + 1/(3*2)) = (16/81) * (1/4) = 4/81,
   * so the standard error is 2/9.
   */
  @Test
  void matchesAHandComputedEstimate() {
    List<KaplanMeier.Point> km = KaplanMeier.fromSubjects(new long[] {5, 3, 7, 5, 10, 8},
        new boolean[] {false, true, true, true, true, false}, 0.95);
    assertEquals(5, km.size());
    long[] times = {3, 5, 7, 8, 10};
    long[] atRisk = {6, 5, 3, 2, 1};
    double[] s = {5.0 / 6, 2.0 / 3, 4.0 / 9, 4.0 / 9, 0};
    for (int i = 0; i < 5; i++) {
      assertEquals(times[i], km.get(i).time());
      assertEquals(atRisk[i], km.get(i).atRisk());
      assertEquals(s[i], km.get(i).survival(), 1e-12);
    }
    assertEquals(1, km.get(1).deaths());
    assertEquals(1, km.get(1).censored());
    assertEquals(2.0 / 9, km.get(2).stdError(), 1e-12);
    // S(3): (5/6)^2 * 1/(6*5) -> se = (5/6) * sqrt(1/30)
    assertEquals(5.0 / 6 * Math.sqrt(1.0 / 30), km.get(0).stdError(), 1e-12);
    assertEquals(Math.max(0, 4.0 / 9 - 1.959963984540054 * 2.0 / 9), km.get(2).low(), 1e-9);
    assertEquals(Math.min(1, 4.0 / 9 + 1.959963984540054 * 2.0 / 9), km.get(2).high(), 1e-9);
  }

  @Test
  void noDeathsKeepsSurvivalAtOne() {
    List<KaplanMeier.Point> km = KaplanMeier.estimate(List.of(new KaplanMeier.Count(500, 0, 40)), 0.95);
    assertEquals(1, km.size());
    assertEquals(1.0, km.get(0).survival());
    assertEquals(40, km.get(0).atRisk());
  }

  @Test
  void groupedCountsEqualSubjects() {
    List<KaplanMeier.Point> a = KaplanMeier.estimate(List.of(new KaplanMeier.Count(0, 2, 0),
        new KaplanMeier.Count(100, 1, 0), new KaplanMeier.Count(200, 0, 7)), 0.95);
    // 10 at risk: S(0) = 8/10, S(100) = 8/10 * 7/8 = 7/10
    assertEquals(0.8, a.get(0).survival(), 1e-12);
    assertEquals(0.7, a.get(1).survival(), 1e-12);
    assertEquals(0.7, a.get(2).survival(), 1e-12);
  }
}
