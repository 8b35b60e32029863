package org.deadrelu.model.data;

import java.util.Random;

/**
 * The slowly-changing regression stream of Dohare et al. (Nature 2024), as their public code defines
 * it: inputs are m bits; the first f ("slow") bits stay fixed for {@code period} steps and are then
 * all drawn afresh, or (the flip-one variant) one of them, chosen at random, is flipped; the other
 * m - f bits are drawn afresh at every step, as independent fair coins. The target of an input is a
 * fixed {@link LtuTargetNetwork}'s output. Learning is online: one fresh example per step.
 *
 * <p>Three independent streams come from the seed, in this order: the target network, the slow bits,
 * the fast bits; so the fast bits do not depend on the period, nor the target on either. A stream can
 * also be made for a given target network ({@link #SlowlyChangingRegression(LtuTargetNetwork, int, long,
 * boolean, long)}), its two streams then from their own seed.
 */
public final class SlowlyChangingRegression {
  /** The paper's sizes: 20 input bits, 15 of them slow, 100 hidden units in the target network. */
  public static final int INPUTS = 20;
  public static final int SLOW_BITS = 15;
  public static final int TARGET_FEATURES = 100;
  public static final int PERIOD = 10_000;

  private final int inputs;
  private final long period;
  private final boolean flipOne;
  private final LtuTargetNetwork target;
  private final Random slowRng;
  private final Random fastRng;
  private final double[] slow;
  private long step;

  public SlowlyChangingRegression(int inputs, int slowBits, int period, boolean flipOne, int targetFeatures,
      double beta, long seed) {
    this(new Random(seed), inputs, slowBits, period, flipOne, targetFeatures, beta); // a fixed algorithm across JDKs
  }

  /** The target network is drawn from {@code root} first, then the two streams' seeds. */
  private SlowlyChangingRegression(Random root, int inputs, int slowBits, long period, boolean flipOne, int targetFeatures,
      double beta) {
    this(LtuTargetNetwork.random(checked(inputs, slowBits, period), targetFeatures, beta, root), slowBits, period, flipOne,
        root);
  }

  /**
   * The stream of inputs of {@code target} (whose input width is m), with the slow and fast bits from
   * {@code streamSeed}: streams of one target network with different seeds share the task, not the inputs.
   *
   * @param period examples between changes of the slow bits
   */
  public SlowlyChangingRegression(LtuTargetNetwork target, int slowBits, long period, boolean flipOne, long streamSeed) {
    this(target, slowBits, period, flipOne, new Random(streamSeed));
  }

  private SlowlyChangingRegression(LtuTargetNetwork target, int slowBits, long period, boolean flipOne, Random root) {
    this.inputs = checked(target.inputs(), slowBits, period);
    this.period = period;
    this.flipOne = flipOne;
    this.target = target;
    this.slowRng = new Random(root.nextLong());
    this.fastRng = new Random(root.nextLong());
    this.slow = new double[slowBits];
  }

  /** The paper's problem: 20 bits, 15 slow, 100 target units, beta 0.7. */
  public static SlowlyChangingRegression paper(int period, boolean flipOne, long seed) {
    return new SlowlyChangingRegression(INPUTS, SLOW_BITS, period, flipOne, TARGET_FEATURES, LtuTargetNetwork.BETA, seed);
  }

  private static int checked(int inputs, int slowBits, long period) {
    if (slowBits < 0 || slowBits > inputs || period < 1) {
      throw new IllegalArgumentException("slowly-changing regression needs 0 <= slow bits <= inputs and a period"
          + " of at least 1 step, got " + slowBits + " of " + inputs + " bits every " + period);
    }
    return inputs;
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
    advance(x, 0);
    return target.output(x);
  }

  /** How many of the m input bits are slow. */
  public int slowBits() {
    return slow.length;
  }

  /** The slow bits in force (those of the last input made), into {@code into[0, slow bits)}. */
  public void slowBits(double[] into) {
    System.arraycopy(slow, 0, into, 0, slow.length);
  }

  /**
   * Writes the next input into {@code x[at, at + m)} without computing its target (for callers that
   * look targets up, a task's 2^(m - f) of them at a time); returns whether its slow bits were set
   * afresh for it (every {@code period}-th input, the first included).
   */
  public boolean advance(double[] x, int at) {
    boolean change = step % period == 0;
    if (change) {
      if (step == 0 || !flipOne) {
        for (int i = 0; i < slow.length; i++) {
          slow[i] = slowRng.nextBoolean() ? 1 : 0;
        }
      } else if (slow.length > 0) {
        int i = slowRng.nextInt(slow.length);
        slow[i] = 1 - slow[i];
      }
    }
    System.arraycopy(slow, 0, x, at, slow.length);
    // the fast bits 31 at a time from one draw's high bits: one call per example instead of one per bit
    for (int j = slow.length; j < inputs; j += 31) {
      int n = Math.min(31, inputs - j);
      int bits = fastRng.nextInt() >>> (32 - n);
      for (int k = 0; k < n; k++) {
        x[at + j + k] = (bits >>> k) & 1;
      }
    }
    step++;
    return change;
  }
}
