package org.deadrelu.model.data;

import java.io.Serializable;
import java.util.Random;

/**
 * The fixed network that gives slowly-changing regression its targets (Dohare et al., "Loss of
 * plasticity in deep continual learning", Nature 2024): one hidden layer of linear threshold units
 * (LTUs) with every weight and bias +1 or -1, and a linear output with weights and bias +1 or -1.
 * Hidden unit i fires (outputs 1, else 0) when w_i . x + b_i > tau_i, with tau_i = beta (m + 1) - S_i
 * and S_i = (m - sum_j w_ij + b_i) / 2, as the authors' public code computes it (S_i is the number of
 * -1 input weights, shifted by half the bias): a unit fires on inputs that agree with its weights in
 * about a fraction beta of places.
 */
public final class LtuTargetNetwork implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The fraction of agreement at which a unit fires, as the paper's experiments set it. */
  public static final double BETA = 0.7;

  private final int[][] w;
  private final int[] b;
  private final int[] v;
  private final int c;
  private final double[] tau;
  /** Per hidden unit, the inputs whose weight is +1 and those whose weight is -1, as bit masks (m <= 64). */
  private final long[] plus;
  private final long[] minus;

  /**
   * @param w input weights per hidden unit, each +1 or -1
   * @param b hidden biases, +1 or -1
   * @param v output weights, +1 or -1
   * @param c output bias, +1 or -1
   */
  public LtuTargetNetwork(int[][] w, int[] b, int[] v, int c, double beta) {
    if (w.length == 0 || b.length != w.length || v.length != w.length) {
      throw new IllegalArgumentException("an LTU network needs as many biases and output weights as hidden units");
    }
    int m = w[0].length;
    this.w = new int[w.length][];
    this.tau = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      if (w[i].length != m) {
        throw new IllegalArgumentException("hidden unit " + i + " has " + w[i].length + " input weights, not " + m);
      }
      this.w[i] = w[i].clone();
      int sum = 0;
      for (int wij : w[i]) {
        sign(wij);
        sum += wij;
      }
      sign(b[i]);
      sign(v[i]);
      double s = (m - sum + b[i]) / 2.0;
      tau[i] = beta * (m + 1) - s;
    }
    sign(c);
    this.plus = new long[w.length];
    this.minus = new long[w.length];
    for (int i = 0; i < w.length && m <= Long.SIZE; i++) {
      for (int j = 0; j < m; j++) {
        if (w[i][j] == 1) {
          plus[i] |= 1L << j;
        } else {
          minus[i] |= 1L << j;
        }
      }
    }
    this.b = b.clone();
    this.v = v.clone();
    this.c = c;
  }

  /** Every weight and bias +1 or -1 with equal probability, drawn from {@code rng}. */
  public static LtuTargetNetwork random(int inputs, int features, double beta, Random rng) {
    int[][] w = new int[features][inputs];
    int[] b = new int[features];
    int[] v = new int[features];
    for (int i = 0; i < features; i++) {
      for (int j = 0; j < inputs; j++) {
        w[i][j] = rng.nextBoolean() ? 1 : -1;
      }
      b[i] = rng.nextBoolean() ? 1 : -1;
    }
    for (int i = 0; i < features; i++) {
      v[i] = rng.nextBoolean() ? 1 : -1;
    }
    return new LtuTargetNetwork(w, b, v, rng.nextBoolean() ? 1 : -1, beta);
  }

  public int inputs() {
    return w[0].length;
  }

  public int features() {
    return w.length;
  }

  /** The hidden units' thresholds tau_i. */
  public double[] thresholds() {
    return tau.clone();
  }

  /**
   * The target: sum_i v_i [w_i . x + b_i > tau_i] + c. For an input of bits (every entry 0 or 1, as
   * the stream's are) w_i . x is counted in two popcounts, since online training asks for a target
   * at every step of every network.
   */
  public double output(double[] x) {
    return output(x, 0);
  }

  /** The target of the input in {@code x[at, at + m)}. */
  public double output(double[] x, int at) {
    int m = inputs();
    long bits = 0;
    if (m <= Long.SIZE) {
      for (int j = 0; j < m; j++) {
        if (x[at + j] == 1) {
          bits |= 1L << j;
        } else if (x[at + j] != 0) {
          return outputByDefinition(x, at);
        }
      }
      return outputOfBits(bits);
    }
    return outputByDefinition(x, at);
  }

  /** The target of the input whose bit j is x_j. */
  double outputOfBits(long bits) {
    double out = c;
    for (int i = 0; i < w.length; i++) {
      int pre = b[i] + Long.bitCount(bits & plus[i]) - Long.bitCount(bits & minus[i]);
      out += pre > tau[i] ? v[i] : 0;
    }
    return out;
  }

  /** The target by the sums as written. */
  double outputByDefinition(double[] x, int at) {
    double out = c;
    int m = w[0].length;
    for (int i = 0; i < w.length; i++) {
      double pre = b[i];
      for (int j = 0; j < m; j++) {
        pre += w[i][j] * x[at + j];
      }
      out += pre > tau[i] ? v[i] : 0;
    }
    return out;
  }

  private static void sign(int x) {
    if (x != 1 && x != -1) {
      throw new IllegalArgumentException("an LTU network's weights and biases are +1 or -1, got " + x);
    }
  }
}
