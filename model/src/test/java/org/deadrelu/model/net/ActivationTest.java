package org.deadrelu.model.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.net.activation.Activation;
import org.deadrelu.model.net.activation.Activations;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ActivationTest {
  /** Finite differences: the step, and the relative agreement asked of a derivative. */
  private static final double FD_STEP = 1e-6;
  private static final double FD_RELATIVE = 1e-6;
  /** The leaky family's mean slope and ELU's scale: one below 1, one above (at 1 ELU has no kink). */
  private static final double[] ALPHAS = {0.1, 1.7};

  private static INDArray grid() {
    double[] z = new double[2001];
    for (int i = 0; i < z.length; i++) {
      z[i] = -20 + i * 0.02;
    }
    return Nd4j.create(z, new long[] {1, 1, z.length}, DataType.DOUBLE);
  }

  private static INDArray row(double... v) {
    return Nd4j.create(v, new long[] {1, 1, v.length}, DataType.DOUBLE);
  }

  /** The activation's parameter: slopes [1, 1, width] for the leaky family, ELU's scale [1, 1, 1]. */
  private static INDArray param(ActivationKind kind, double alpha, long width) {
    if (kind == ActivationKind.ELU) {
      return row(alpha);
    }
    return Nd4j.zeros(DataType.DOUBLE, 1, 1, width).addi(alpha);
  }

  /** z from -20 to 20, none closer to 0 than 1e-4 (100 finite-difference steps), some that close. */
  private static double[] awayFromZero() {
    List<Double> z = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      z.add(-20 + 0.01 + i * 0.02); // +-0.01 nearest to 0
    }
    for (double v : new double[] {1e-4, 1e-3, 0.003}) {
      z.add(v);
      z.add(-v);
    }
    return z.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] shifted(double[] z, double by) {
    double[] out = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      out[i] = z[i] + by;
    }
    return out;
  }

  /**
   * Like {@link #param}, but the leaky family's slopes differ from neuron to neuron (around alpha,
   * from 0.5 alpha to 1.5 alpha), so a slope applied to the wrong neuron shows.
   */
  private static INDArray unevenParam(ActivationKind kind, double alpha, int width) {
    if (kind == ActivationKind.ELU) {
      return row(alpha);
    }
    double[] slopes = new double[width];
    for (int i = 0; i < width; i++) {
      slopes[i] = alpha * (0.5 + (i % 11) / 10.0);
    }
    return row(slopes);
  }

  /** An incoming gradient that differs from row to row and from 1. */
  private static double[] incomingGradient(int n) {
    SplittableRandom rng = new SplittableRandom(7);
    double[] dh = new double[n];
    for (int i = 0; i < n; i++) {
      dh[i] = rng.nextDouble(-3, 3);
    }
    return dh;
  }

  private static double[] forward(Activation a, INDArray z, INDArray param) {
    INDArray h = z.ulike();
    a.forward(z, param, h, z.ulike(), z.ulike());
    return h.reshape(h.length()).toDoubleVector();
  }

  private static double[] forward(Activation a, double[] z, INDArray param) {
    return forward(a, row(z), param);
  }

  private static double[] derivative(Activation a, INDArray z, INDArray param) {
    INDArray d = z.ulike();
    a.derivative(z, param, d);
    return d.reshape(d.length()).toDoubleVector();
  }

  /** dz = dh f'(z) as training computes it: backward from what forward left in d. */
  private static double[] backward(Activation a, INDArray z, INDArray param, double[] dh) {
    INDArray h = z.ulike();
    INDArray d = z.ulike();
    a.forward(z, param, h, d, z.ulike());
    INDArray dz = z.ulike();
    a.backward(z, d, row(dh), dz);
    return dz.reshape(dz.length()).toDoubleVector();
  }

  @Test
  void reluOnArraysItRanOnBeforeTakesTheirNewValues() {
    // past the small-array loops, so ND4J's op runs, kept from one call to the next on the same arrays
    Activation relu = Activations.of(ActivationKind.RELU, 0);
    int n = 40_000;
    INDArray z = Nd4j.create(DataType.FLOAT, 1, 1, n);
    INDArray h = z.ulike();
    INDArray otherH = z.ulike();
    SplittableRandom rng = new SplittableRandom(5);
    for (int round = 0; round < 3; round++) {
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = rng.nextDouble(-2, 2);
      }
      z.assign(Nd4j.create(values, new long[] {1, 1, n}, DataType.DOUBLE));
      INDArray into = round == 1 ? otherH : h; // a second output for the same z: its own op
      relu.values(z, null, into, z.ulike(), z.ulike());
      double[] got = into.reshape(n).toDoubleVector();
      for (int i = 0; i < n; i++) {
        assertEquals(Math.max((float) values[i], 0f), got[i], 0.0, "round " + round + ", element " + i);
      }
    }
  }

  @Test
  void sigmoidDerivativeNeverExceedsOneQuarter() {
    double[] d = derivative(Activations.of(ActivationKind.SIGMOID, 0), grid(), null);
    double max = 0;
    for (double v : d) {
      assertTrue(v <= 0.25 + 1e-15, "sigmoid'(z) = " + v);
      max = Math.max(max, v);
    }
    assertEquals(0.25, max, 1e-12, "reached at z = 0");
  }

  @Test
  void reluDerivativeAtZeroIsTheSetting() {
    INDArray z = row(-1.0, 0.0, 2.0);
    double[] zeroAtZero = derivative(Activations.of(ActivationKind.RELU, 0), z, null);
    double[] oneAtZero = derivative(Activations.of(ActivationKind.RELU, 1), z, null);
    assertEquals(0.0, zeroAtZero[0]);
    assertEquals(0.0, zeroAtZero[1]);
    assertEquals(1.0, zeroAtZero[2]);
    assertEquals(0.0, oneAtZero[0]);
    assertEquals(1.0, oneAtZero[1]);
    assertEquals(1.0, oneAtZero[2]);
  }

  /**
   * d = f'(z) from the probe's {@link Activation#derivative} and dz = dh f'(z) from training's
   * {@link Activation#backward} (with an uneven incoming gradient dh), both against central finite
   * differences of {@link Activation#forward}, for every kind and both ReLU settings, at points at
   * least 100 steps away from the kink at 0 (so a difference never straddles it). The tolerance is
   * relative, plus what rounding f to a few ulps costs once divided by the step: the saturated
   * tails of tanh and sigmoid have derivatives below that and are checked only to it.
   */
  @Test
  void derivativeAndBackwardMatchFiniteDifferencesOfForwardAwayFromTheKink() {
    double[] zs = awayFromZero();
    INDArray z = row(zs);
    for (ActivationKind kind : ActivationKind.values()) {
      for (int atZero = 0; atZero <= 1; atZero++) {
        for (double alpha : ALPHAS) {
          Activation a = Activations.of(kind, atZero);
          INDArray param = unevenParam(kind, alpha, zs.length);
          double[] up = forward(a, shifted(zs, FD_STEP), param);
          double[] down = forward(a, shifted(zs, -FD_STEP), param);
          double[] derivative = derivative(a, z, param);
          double[] dh = incomingGradient(zs.length);
          double[] dz = backward(a, z, param, dh);
          for (int i = 0; i < zs.length; i++) {
            double step = (zs[i] + FD_STEP) - (zs[i] - FD_STEP); // the step actually taken
            double numeric = (up[i] - down[i]) / step;
            double rounding = 16 * Math.ulp(Math.max(1.0, Math.max(Math.abs(up[i]), Math.abs(down[i])))) / step;
            double tolerance = FD_RELATIVE * Math.abs(numeric) + rounding;
            String where = kind + " (alpha " + alpha + ", grad at zero " + atZero + ") at z = " + zs[i];
            assertEquals(numeric, derivative[i], tolerance, "derivative of " + where);
            assertEquals(dh[i] * numeric, dz[i], Math.abs(dh[i]) * tolerance, "backward of " + where);
          }
        }
      }
    }
  }

  /**
   * At the kink, where central differences straddle it, f'(0) is a convention, checked against the
   * one-sided limits taken from {@link Activation#forward}: ReLU's is the left limit (0) with
   * relu_grad_at_zero 0 and the right limit (1) with 1; the leaky family's and ELU's is the left
   * limit (the slope, alpha); a smooth activation's limits agree. Both signed zeros count as 0, and
   * z = +-1e-30 take the derivative of their own side. The probe's derivative and training's
   * backward must follow the same convention.
   */
  @Test
  void atTheKinkTheDerivativeIsTheConventionalOneSidedLimit() {
    double[] zs = {0.0, -0.0, 1e-30, -1e-30};
    for (ActivationKind kind : ActivationKind.values()) {
      for (int atZero = 0; atZero <= 1; atZero++) {
        for (double alpha : ALPHAS) {
          Activation a = Activations.of(kind, atZero);
          INDArray param = unevenParam(kind, alpha, zs.length);
          double[] at = forward(a, row(zs), param);
          double[] left = forward(a, shifted(zs, -FD_STEP), param);
          double[] right = forward(a, shifted(zs, FD_STEP), param);
          double[] derivative = derivative(a, row(zs), param);
          double[] dh = incomingGradient(zs.length);
          double[] dz = backward(a, row(zs), param, dh);
          for (int i = 0; i < zs.length; i++) {
            double leftLimit = (at[i] - left[i]) / FD_STEP;
            double rightLimit = (right[i] - at[i]) / FD_STEP;
            boolean kink = Math.abs(leftLimit - rightLimit) > 1e-3;
            assertEquals(kind == ActivationKind.RELU || kind == ActivationKind.LEAKY_RELU
                || kind == ActivationKind.PRELU || kind == ActivationKind.ELU, kink,
                kind + " has a kink at 0: left " + leftLimit + ", right " + rightLimit);
            boolean positiveSide = zs[i] > 0;
            boolean negativeSide = zs[i] < 0;
            double expected;
            if (positiveSide) {
              expected = rightLimit;
            } else if (negativeSide) {
              expected = leftLimit;
            } else if (kind == ActivationKind.RELU) {
              expected = atZero == 0 ? leftLimit : rightLimit;
            } else {
              expected = leftLimit;
            }
            String where = kind + " (alpha " + alpha + ", grad at zero " + atZero + ") at z = " + zs[i];
            double tolerance = 1e-5 * Math.max(1.0, Math.abs(expected));
            assertEquals(expected, derivative[i], tolerance, "derivative of " + where);
            assertEquals(dh[i] * expected, dz[i], Math.abs(dh[i]) * tolerance, "backward of " + where);
          }
        }
      }
    }
  }

  @Test
  void reluOneSidedLimitsAtZeroAreZeroAndOne() {
    // the limits the convention above picks from, so that picking the wrong side shows
    Activation a = Activations.of(ActivationKind.RELU, 0);
    double[] f = forward(a, row(-FD_STEP, 0.0, FD_STEP), null);
    assertEquals(0.0, (f[1] - f[0]) / FD_STEP, 1e-9);
    assertEquals(1.0, (f[2] - f[1]) / FD_STEP, 1e-9);
  }

  @Test
  void leakyFamilyNeverHasZeroGradient() {
    INDArray z = grid();
    for (ActivationKind kind : new ActivationKind[] {ActivationKind.LEAKY_RELU, ActivationKind.PRELU,
        ActivationKind.ELU}) {
      double[] d = derivative(Activations.of(kind, 0), z, param(kind, 0.01, z.size(2)));
      for (double v : d) {
        assertTrue(v > 0, kind + " has gradient " + v);
      }
    }
  }

  @Test
  void valuesMatchTheirClosedForms() {
    double[] zs = {-3.0, -0.5, 0.0, 0.7, 4.0};
    INDArray z = row(zs);
    for (ActivationKind kind : ActivationKind.values()) {
      Activation a = Activations.of(kind, 0);
      INDArray h = z.ulike();
      INDArray param = unevenParam(kind, 0.1, zs.length);
      a.forward(z, param, h, z.ulike(), z.ulike());
      for (int i = 0; i < zs.length; i++) {
        double x = zs[i];
        double slope = param.getDouble(kind == ActivationKind.ELU ? 0 : i);
        double expected = switch (kind) {
          case RELU -> Math.max(x, 0);
          case LEAKY_RELU, PRELU -> x > 0 ? x : slope * x;
          case ELU -> x > 0 ? x : slope * (Math.exp(x) - 1);
          case SIGMOID -> 1 / (1 + Math.exp(-x));
          case TANH -> Math.tanh(x);
          case SOFTPLUS -> Math.log1p(Math.exp(x));
          case IDENTITY -> x;
        };
        assertEquals(expected, h.getDouble(i), 1e-6, kind + "(" + x + ")");
      }
    }
  }

  @Test
  void valuesAloneGiveForwardsOutputsOnLargeArraysAndOddValues() {
    // above the loops' size, ReLU's values are one op where forward runs two: the same h, bit for bit
    SplittableRandom rng = new SplittableRandom(9);
    double[] v = new double[3 * 100 * 70];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextDouble(-2, 2);
    }
    v[0] = Double.NaN;
    v[1] = 0.0;
    v[2] = -0.0;
    v[3] = Double.POSITIVE_INFINITY;
    v[4] = Double.NEGATIVE_INFINITY;
    for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
      INDArray z = Nd4j.create(v, new long[] {3, 100, 70}, DataType.DOUBLE).castTo(t);
      for (ActivationKind kind : ActivationKind.values()) {
        for (int gradAtZero : new int[] {0, 1}) {
          Activation a = Activations.of(kind, gradAtZero);
          INDArray param = kind == ActivationKind.ELU ? Nd4j.zeros(t, 3, 1, 1).addi(0.7)
              : Nd4j.zeros(t, 3, 1, 70).addi(0.1);
          INDArray want = z.ulike();
          a.forward(z, param, want, z.ulike(), z.ulike());
          INDArray got = z.ulike();
          a.values(z, param, got, z.ulike(), z.ulike());
          double[] w = want.data().asDouble();
          double[] g = got.data().asDouble();
          for (int i = 0; i < w.length; i++) {
            assertTrue(Double.isNaN(w[i]) ? Double.isNaN(g[i]) : w[i] == g[i], kind + " " + t + " at " + i);
          }
        }
      }
    }
  }
}
