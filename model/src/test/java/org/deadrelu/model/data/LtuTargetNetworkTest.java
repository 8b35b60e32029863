package org.deadrelu.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The target network's two ways to the same output: popcounts over bits and the sums as written. */
class LtuTargetNetworkTest {

  @Test
  void popcountsOverBitsGiveTheSumsAsWritten() {
    LtuTargetNetwork t = LtuTargetNetwork.random(20, 100, LtuTargetNetwork.BETA, new Random(3));
    Random rng = new Random(4);
    double[] x = new double[20];
    int distinct = 0;
    double first = Double.NaN;
    for (int n = 0; n < 20_000; n++) {
      long bits = 0;
      for (int j = 0; j < 20; j++) {
        x[j] = rng.nextBoolean() ? 1 : 0;
        bits |= (long) x[j] << j;
      }
      double want = t.outputByDefinition(x, 0);
      assertEquals(want, t.outputOfBits(bits), "bits " + Long.toBinaryString(bits));
      assertEquals(want, t.output(x));
      distinct += want != first ? 1 : 0;
      first = want;
    }
    // the comparison means something only if the targets vary
    org.junit.jupiter.api.Assertions.assertTrue(distinct > 1000, "targets changed " + distinct + " times");
  }

  @Test
  void anInputThatIsNotBitsIsComputedByTheSums() {
    // one unit, weights (1, -1), bias 1, beta 0.5: tau = 0.5 * 3 - (2 - 0 + 1) / 2 = 0
    LtuTargetNetwork t = new LtuTargetNetwork(new int[][] {{1, -1}}, new int[] {1}, new int[] {1}, -1, 0.5);
    // 0.5 - 0.25 + 1 = 1.25 > 0: fires, 1 - 1 = 0; with -2 in place of 0.5: -2 - 0.25 + 1 < 0: -1
    assertEquals(0.0, t.output(new double[] {0.5, 0.25}));
    assertEquals(-1.0, t.output(new double[] {-2, 0.25}));
  }
}
