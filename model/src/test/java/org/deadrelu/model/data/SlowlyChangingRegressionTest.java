package org.deadrelu.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The target network and the input process against Dohare et al.'s definition, checked by hand and by statistics. */
class SlowlyChangingRegressionTest {

  /**
   * Three inputs, two hidden units, beta 0.7 (so beta (m + 1) = 2.8):
   * unit 0: w = (1, -1, 1), b = 1: S = (3 - 1 + 1) / 2 = 1.5, tau = 1.3;
   * unit 1: w = (-1, -1, 1), b = 1: S = (3 + 1 + 1) / 2 = 2.5, tau = 0.3;
   * output weights (1, -1), output bias 1.
   */
  private static LtuTargetNetwork small() {
    return new LtuTargetNetwork(new int[][] {{1, -1, 1}, {-1, -1, 1}}, new int[] {1, 1}, new int[] {1, -1}, 1, 0.7);
  }

  @Test
  void thresholdsFollowTheDefinition() {
    assertArrayEquals(new double[] {1.3, 0.3}, small().thresholds(), 1e-12);
  }

  @Test
  void targetsOnHandCheckedInputs() {
    LtuTargetNetwork t = small();
    // (1,0,1): unit 0 gets 1+1+1 = 3 > 1.3, fires; unit 1 gets -1+1+1 = 1 > 0.3, fires: 1 - 1 + 1 = 1
    assertEquals(1.0, t.output(new double[] {1, 0, 1}));
    // (1,0,0): unit 0 gets 1+1 = 2 > 1.3, fires; unit 1 gets -1+1 = 0, not > 0.3: 1 + 1 = 2
    assertEquals(2.0, t.output(new double[] {1, 0, 0}));
    // (0,1,0): unit 0 gets -1+1 = 0; unit 1 gets -1+1 = 0; neither fires: the output bias, 1
    assertEquals(1.0, t.output(new double[] {0, 1, 0}));
    // (0,0,1): unit 0 gets 1+1 = 2 > 1.3; unit 1 gets 1+1 = 2 > 0.3: 1 - 1 + 1 = 1
    assertEquals(1.0, t.output(new double[] {0, 0, 1}));
    // (0,0,0): unit 0 gets 1 (not > 1.3); unit 1 gets 1 > 0.3, fires: -1 + 1 = 0
    assertEquals(0.0, t.output(new double[] {0, 0, 0}));
  }

  @Test
  void weightsOtherThanPlusOrMinusOneAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new LtuTargetNetwork(new int[][] {{1, 0}}, new int[] {1}, new int[] {1}, 1, 0.7));
  }

  @Test
  void thePapersTargetNetworkHasSignWeightsAndItsThresholds() {
    LtuTargetNetwork t = LtuTargetNetwork.random(20, 100, 0.7, new Random(3));
    assertEquals(20, t.inputs());
    assertEquals(100, t.features());
    // tau = 0.7 * 21 - S with S a half-integer or integer in [-0.5, 20.5]
    for (double tau : t.thresholds()) {
      assertTrue(tau >= 14.7 - 20.5 - 1e-9 && tau <= 14.7 + 0.5 + 1e-9, "tau " + tau);
      assertEquals(0.0, (2 * (14.7 - tau)) % 1, 1e-9, "2S is an integer: tau " + tau);
    }
  }

  @Test
  void slowBitsHoldForAPeriodAndAreDrawnAfreshThenFastBitsEveryStep() {
    int period = 50;
    int periods = 2000;
    SlowlyChangingRegression s = SlowlyChangingRegression.paper(period, false, 11);
    double[] x = new double[20];
    double[] previous = null;
    double[] slowSum = new double[15];
    long fastOnes = 0;
    long fastAgree = 0;
    long changedSlowBits = 0;
    for (int k = 0; k < periods; k++) {
      double[] first = null;
      for (int t = 0; t < period; t++) {
        double[] last = x.clone();
        double y = s.next(x);
        assertEquals(s.target().output(x), y);
        if (first == null) {
          first = x.clone();
          if (previous != null) {
            for (int i = 0; i < 15; i++) {
              changedSlowBits += first[i] != previous[i] ? 1 : 0;
            }
          }
        }
        for (int i = 0; i < 15; i++) {
          assertEquals(first[i], x[i], "slow bit " + i + " changed within period " + k);
        }
        for (int j = 15; j < 20; j++) {
          assertTrue(x[j] == 0 || x[j] == 1);
          fastOnes += (long) x[j];
          fastAgree += t > 0 && x[j] == last[j] ? 1 : 0;
        }
      }
      for (int i = 0; i < 15; i++) {
        slowSum[i] += first[i];
      }
      previous = first;
    }
    // each slow bit is a fair coin per period: mean 0.5, standard error sqrt(0.25 / 2000) = 0.011
    for (int i = 0; i < 15; i++) {
      assertEquals(0.5, slowSum[i] / periods, 0.045, "slow bit " + i);
    }
    // drawn afresh, a slow bit changes between periods half the time
    assertEquals(0.5, changedSlowBits / (15.0 * (periods - 1)), 0.02);
    long fastDraws = 5L * period * periods;
    assertEquals(0.5, (double) fastOnes / fastDraws, 0.005);
    // fresh at every step: agrees with the step before half the time
    assertEquals(0.5, (double) fastAgree / (5L * (period - 1) * periods), 0.005);
  }

  @Test
  void theFlipOneVariantFlipsExactlyOneSlowBitPerPeriod() {
    int period = 20;
    SlowlyChangingRegression s = SlowlyChangingRegression.paper(period, true, 5);
    double[] x = new double[20];
    double[] previous = null;
    int[] flips = new int[15];
    for (int k = 0; k < 3000; k++) {
      s.next(x);
      double[] first = x.clone();
      for (int t = 1; t < period; t++) {
        s.next(x);
      }
      if (previous != null) {
        int changed = 0;
        for (int i = 0; i < 15; i++) {
          if (first[i] != previous[i]) {
            changed++;
            flips[i]++;
          }
        }
        assertEquals(1, changed, "period " + k);
      }
      previous = first;
    }
    // the flipped bit is uniform over the 15: about 200 flips each
    for (int f : flips) {
      assertTrue(f > 130 && f < 270, "flips per bit " + java.util.Arrays.toString(flips));
    }
  }

  @Test
  void theSameSeedGivesTheSameStreamAndThePeriodLeavesTheFastBitsAlone() {
    SlowlyChangingRegression a = SlowlyChangingRegression.paper(100, false, 7);
    SlowlyChangingRegression b = SlowlyChangingRegression.paper(100, false, 7);
    SlowlyChangingRegression c = SlowlyChangingRegression.paper(37, false, 7);
    double[] xa = new double[20];
    double[] xb = new double[20];
    double[] xc = new double[20];
    for (int t = 0; t < 1000; t++) {
      assertEquals(a.next(xa), b.next(xb));
      c.next(xc);
      assertArrayEquals(xa, xb);
      assertArrayEquals(java.util.Arrays.copyOfRange(xa, 15, 20), java.util.Arrays.copyOfRange(xc, 15, 20));
    }
    assertArrayEquals(a.target().thresholds(), c.target().thresholds());
  }
}
