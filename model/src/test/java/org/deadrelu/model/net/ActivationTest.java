package org.deadrelu.model.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.net.activation.Activation;
import org.deadrelu.model.net.activation.Activations;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ActivationTest {

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

  private static double[] derivative(Activation a, INDArray z, INDArray param) {
    INDArray d = z.ulike();
    a.derivative(z, param, d);
    return d.reshape(d.length()).toDoubleVector();
  }

  /** What the backward pass multiplies an incoming gradient of 1 by: f'(z) as training sees it. */
  private static double[] backward(Activation a, INDArray z, INDArray param) {
    INDArray h = z.ulike();
    INDArray d = z.ulike();
    a.forward(z, param, h, d, z.ulike());
    INDArray dz = z.ulike();
    a.backward(z, d, z.ulike().assign(1.0), dz);
    return dz.reshape(dz.length()).toDoubleVector();
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

  @Test
  void trainingUsesTheSameDerivativeAsTheProbeEverywhereIncludingZero() {
    INDArray z = row(-1.0, -0.0, 0.0, 1e-30, 2.0);
    for (ActivationKind kind : ActivationKind.values()) {
      for (int atZero = 0; atZero <= 1; atZero++) {
        Activation a = Activations.of(kind, atZero);
        INDArray param = param(kind, 0.1, 5);
        double[] expected = derivative(a, z, param);
        double[] trained = backward(a, z, param);
        for (int i = 0; i < expected.length; i++) {
          assertEquals(expected[i], trained[i], 1e-12, kind + " at " + z.getDouble(i) + " (grad at zero " + atZero + ")");
        }
      }
    }
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
      a.forward(z, param(kind, 0.1, zs.length), h, z.ulike(), z.ulike());
      for (int i = 0; i < zs.length; i++) {
        double x = zs[i];
        double expected = switch (kind) {
          case RELU -> Math.max(x, 0);
          case LEAKY_RELU, PRELU -> x > 0 ? x : 0.1 * x;
          case ELU -> x > 0 ? x : 0.1 * (Math.exp(x) - 1);
          case SIGMOID -> 1 / (1 + Math.exp(-x));
          case TANH -> Math.tanh(x);
          case SOFTPLUS -> Math.log1p(Math.exp(x));
          case IDENTITY -> x;
        };
        assertEquals(expected, h.getDouble(i), 1e-6, kind + "(" + x + ")");
      }
    }
  }
}
