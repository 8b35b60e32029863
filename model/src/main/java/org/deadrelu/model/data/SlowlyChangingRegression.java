package org.deadrelu.model.data;

import java.util.Random;

/**
 * The slowly-changing regression stream of Dohare et al. (Nature 2024), as their public code defines
 * it: inputs are m bits; the first f ("slow") bits stay fixed for {@code period} steps and are then
 * all drawn afresh, or (the flip-one variant) one of them, chosen at random, is flipped; the other
 * m - f bits are drawn afresh at every step. The target of an input is a fixed {@link LtuTargetNetwork}'s
 * output. Learning is online: one fresh example per step.
 *
 * <p>Three independent streams come from the seed, in this order: the target network, the slow bits,
 * the fast bits; so the fast bits do not depend on the period, nor the target on either.
 */
public final class SlowlyChangingRegression {
  /** The paper's sizes: 20 input bits, 15 of them slow, 100 hidden units in the target network. */
  public static final int INPUTS = 20;
  public static final int SLOW_BITS = 15;
  public static final int TARGET_FEATURES = 100;
  public static final int PERIOD = 10_000;

  private final int inputs;
  private final int period;
  private final boolean flipOne;
  private final LtuTargetNetwork target;
  private final Random slowRng;
  private final Random fastRng;
  private final double[] slow;
  private long step;

  public SlowlyChangingRegression(int inputs, int slowBits, int period, boolean flipOne, int targetFeatures,
      double beta, long seed) {
    if (slowBits < 0 || slowBits > inputs || period < 1) {
      throw new IllegalArgumentException("slowly-changing regression needs 0 <= slow bits <= inputs and a period"
          + " of at least 1 step, got " + slowBits + " of " + inputs + " bits every " + period);
    }
    this.inputs = inputs;
    this.period = period;
    this.flipOne = flipOne;
    Random root = new Random(seed); // a fixed algorithm across JDKs, like the other generators
    this.target = LtuTargetNetwork.random(inputs, targetFeatures, beta, root);
    this.slowRng = new Random(root.nextLong());
    this.fastRng = new Random(root.nextLong());
    this.slow = new double[slowBits];
  }

  /** The paper's problem: 20 bits, 15 slow, 100 target units, beta 0.7. */
  public static SlowlyChangingRegression paper(int period, boolean flipOne, long seed) {
    return new SlowlyChangingRegression(INPUTS, SLOW_BITS, period, flipOne, TARGET_FEATURES, LtuTargetNetwork.BETA, seed);
  }

  public LtuTargetNetwork target() {
    return target;
  }

  /** The step the next call to {@link #next} makes the example of (0 first). */
  public long step() {
    return step;
  }

  /** Fills {@code x} (m entries, 0 or 1) with the next step's input; returns its target. */
  public double next(double[] x) {
    if (step % period == 0) {
      if (step == 0 || !flipOne) {
        for (int i = 0; i < slow.length; i++) {
          slow[i] = slowRng.nextBoolean() ? 1 : 0;
        }
      } else if (slow.length > 0) {
        int i = slowRng.nextInt(slow.length);
        slow[i] = 1 - slow[i];
      }
    }
    System.arraycopy(slow, 0, x, 0, slow.length);
    for (int j = slow.length; j < inputs; j++) {
      x[j] = fastRng.nextBoolean() ? 1 : 0;
    }
    step++;
    return target.output(x);
  }
}
