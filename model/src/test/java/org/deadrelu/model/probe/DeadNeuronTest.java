package org.deadrelu.model.probe;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.ALPHA;
import static org.deadrelu.model.config.Settings.RELU_GRAD_AT_ZERO;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Death on hand-built weights, where the answer is known without running the probe. */
class DeadNeuronTest {
  // probe set: x in {-2, -1, 0.5, 3} (one feature); targets: two classes
  static final double[] X = {-2, -1, 0.5, 3};
  static final INDArray Y = Nd4j.create(new double[][][] {{{1, 0}, {1, 0}, {0, 1}, {0, 1}}});

  /**
   * Four hidden neurons with z = w x + b:
   * 0: z = x - 10 (negative everywhere: dead);
   * 1: z = x (positive for x = 0.5 and 3: alive);
   * 2: z = -x - 1 (max at x = -2 is exactly 1 > 0: alive on one point);
   * 3: z = x - 3 (max exactly 0 at x = 3: dead, since z <= 0 everywhere).
   */
  private static LayerMeasures hidden(ActivationKind kind) {
    PopulationNetwork net = handBuilt(kind, 0);
    Pass pass = net.pass("probe", X.length);
    pass.input().assign(Nd4j.create(X, new long[] {1, X.length, 1}, DataType.DOUBLE));
    NeuronProbe probe = new NeuronProbe(new double[] {0.1}, Nd4j.create(new double[] {0.01}, new long[] {1, 1, 1}, DataType.DOUBLE));
    return probe.measure(0, net, pass, Y).get(0).layers().get(0);
  }

  /** The network above: 1 input, the four hidden neurons, 2 softmax outputs. */
  static PopulationNetwork handBuilt(ActivationKind kind, int reluGradAtZero) {
    TrialConfig c = TrialConfig.builder().set(ACTIVATION, kind).set(ALPHA, 0.1).set(RELU_GRAD_AT_ZERO, reluGradAtZero).build();
    PopulationNetwork net = PopulationNetwork.initialize(new int[] {1, 4, 2}, List.of(c),
        new SplittableRandom[] {new SplittableRandom(1)}, DataType.DOUBLE);
    net.weights(0).assign(Nd4j.create(new double[][][] {{{1, 1, -1, 1}}}));
    net.bias(0).assign(Nd4j.create(new double[][][] {{{-10, 0, -1, -3}}}));
    net.weights(1).assign(Nd4j.create(new double[][][] {{{1, 0}, {0, 1}, {1, 1}, {0.5, 0.5}}}));
    net.bias(1).assign(0.0);
    return net;
  }

  @Test
  void reluIsDeadExactlyWhenPreactivationIsNonPositiveOnTheWholeProbeSet() {
    LayerMeasures m = hidden(ActivationKind.RELU);
    assertArrayEquals(new boolean[] {true, false, false, true}, m.dead());
    assertArrayEquals(new double[] {-7, 3, 1, 0}, m.maxPreact(), 1e-12);
    assertArrayEquals(new double[] {0, 0.5, 0.25, 0}, m.activeRate(), 1e-12);
    assertEquals(0.5, m.deadFraction());
  }

  /**
   * The gradient-based dormancy score (each neuron's incoming-weight gradient norm over its layer's
   * mean) against gradients by central finite differences of the probe loss, on rows where no
   * pre-activation is 0 (so ReLU's kink never sits between the two evaluations).
   */
  @Test
  void gradientDormancyScoresMatchFiniteDifferences() {
    double[] rows = {-2, -1.5, 0.5, 2.5};
    PopulationNetwork net = handBuilt(ActivationKind.RELU, 0);
    Pass pass = net.pass("probe", rows.length);
    pass.input().assign(Nd4j.create(rows, new long[] {1, rows.length, 1}, DataType.DOUBLE));
    NeuronProbe probe = new NeuronProbe(new double[] {0.1}, Nd4j.create(new double[] {0.01}, new long[] {1, 1, 1}, DataType.DOUBLE));
    double[] score = probe.measure(0, net, pass, Y).get(0).layers().get(0).gradDormancyScore();
    double h = 1e-6;
    double[] g = new double[4];
    double mean = 0;
    for (int i = 0; i < 4; i++) {
      double w = net.weights(0).getDouble(0, 0, i);
      net.weights(0).putScalar(new long[] {0, 0, i}, w + h);
      net.forward(pass);
      double up = net.loss(pass, Y)[0];
      net.weights(0).putScalar(new long[] {0, 0, i}, w - h);
      net.forward(pass);
      double down = net.loss(pass, Y)[0];
      net.weights(0).putScalar(new long[] {0, 0, i}, w);
      g[i] = Math.abs(up - down) / (2 * h); // one input: the norm of a neuron's incoming gradient is |dL/dw|
      mean += g[i] / 4;
    }
    assertEquals(0.0, score[0], 1e-12, "z = x - 10 is negative on every row: no gradient");
    assertEquals(0.0, score[3], 1e-12, "z = x - 3 is negative on every row: no gradient");
    // neuron 2 is active but adds the same to both logits (outgoing weights 1, 1), which softmax ignores
    assertTrue(g[1] > 1e-3 && g[2] < 1e-8, java.util.Arrays.toString(g));
    for (int i = 0; i < 4; i++) {
      assertEquals(g[i] / mean, score[i], 1e-5, "neuron " + i);
    }
    assertTrue(score[1] > 3.9, "the one learning neuron of four carries the layer's gradient: " + score[1]);
  }

  @Test
  void deadReluNeuronsHaveZeroIncomingGradient() {
    LayerMeasures m = hidden(ActivationKind.RELU);
    assertEquals(0.0, m.gradNorm()[0]);
    assertEquals(0.0, m.gradNorm()[3]);
    assertTrue(m.gradNorm()[1] > 0);
  }

  @Test
  void leakyReluPreluAndEluNeverReportADeadNeuron() {
    for (ActivationKind kind : new ActivationKind[] {ActivationKind.LEAKY_RELU, ActivationKind.PRELU,
        ActivationKind.ELU}) {
      LayerMeasures m = hidden(kind);
      for (boolean dead : m.dead()) {
        assertFalse(dead, kind + " reported a dead neuron");
      }
      // that this gradient is the loss's own is NeverDeadTest's to show; here, that the probe reports it
      assertTrue(m.gradNorm()[0] > 0, kind + ": the probe reports no gradient in the negative region");
    }
  }

  @Test
  void dormantScoreIsMeanAbsoluteActivationOverTheLayerMean() {
    LayerMeasures m = hidden(ActivationKind.RELU);
    // |h| means: n0 0, n1 (0.5 + 3)/4, n2 (1 + 0)/4, n3 0
    double[] mean = {0, 3.5 / 4, 1.0 / 4, 0};
    double layer = (mean[1] + mean[2]) / 4;
    assertArrayEquals(mean, m.meanAbsAct(), 1e-12);
    for (int i = 0; i < 4; i++) {
      assertEquals(mean[i] / (layer + 1e-9), m.dormantScore()[i], 1e-9);
    }
    assertArrayEquals(new boolean[] {true, false, false, true}, m.dormant());
  }

  @Test
  void sigmoidSaturationCountsSmallDerivatives() {
    // sigmoid'(z) < 0.01 iff |z| > 4.59: neuron 0 (z from -12 to -7) is saturated everywhere
    LayerMeasures m = hidden(ActivationKind.SIGMOID);
    assertEquals(1.0, m.saturatedRate()[0], 1e-12);
    assertEquals(0.0, m.saturatedRate()[1], 1e-12);
    assertFalse(m.dead()[0], "a saturated sigmoid is not dead");
  }

  @Test
  void biasesAndWeightNormsAreReadOffTheLayer() {
    LayerMeasures m = hidden(ActivationKind.RELU);
    assertArrayEquals(new double[] {-10, 0, -1, -3}, m.bias(), 0.0);
    assertArrayEquals(new double[] {1, 1, 1, 1}, m.weightNorm(), 1e-12);
  }
}
