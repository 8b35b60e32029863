package org.deadrelu.model.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.config.InitKind;
import org.deadrelu.model.net.activation.Activation;
import org.deadrelu.model.net.activation.Activations;
import org.deadrelu.model.net.head.Head;
import org.deadrelu.model.optim.WeightDecay;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Backpropagation against central finite differences of the objective (mean data loss plus the
 * weight-decay penalty), in double precision, for every activation, head and decay setting.
 */
class GradientCheckTest {
  private static final double H = 1e-6;
  private static final int ROWS = 7;

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (ActivationKind a : ActivationKind.values()) {
      for (HeadKind h : HeadKind.values()) {
        b.add(Arguments.of(a, h, 0.0, false));
      }
    }
    for (ActivationKind a : new ActivationKind[] {ActivationKind.RELU, ActivationKind.PRELU}) {
      b.add(Arguments.of(a, HeadKind.SOFTMAX, 0.3, true));
      b.add(Arguments.of(a, HeadKind.SOFTMAX, 0.3, false));
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} + {1}, l2={2}, decayBias={3}")
  @MethodSource("cases")
  void backpropagationMatchesFiniteDifferences(ActivationKind kind, HeadKind headKind, double l2,
      boolean decayBias) {
    SplittableRandom rng = new SplittableRandom(kind.ordinal() * 31L + headKind.ordinal());
    Activation activation = Activations.of(kind, 0.2, 0);
    Head head = Head.of(headKind);
    int outputs = headKind == HeadKind.LINEAR ? 2 : 3;
    Network net = Network.initialize(new int[] {3, 5, 4, outputs}, activation, head,
        InitKind.XAVIER_NORMAL, 0.1, 0.2, rng, DataType.DOUBLE);
    if (headKind == HeadKind.RELU_NORMALIZE) {
      // keep every output unit positive so the loss is finite and differentiable
      net.layers().get(2).bias().assign(3.0);
    }
    if (kind == ActivationKind.PRELU) {
      net.layers().get(0).slope().assign(Nd4j.create(new double[][] {{0.1, 0.2, 0.3, 0.15, 0.25}}));
    }
    INDArray x = Nd4j.create(gaussian(rng, ROWS * 3), new long[] {ROWS, 3}, DataType.DOUBLE);
    INDArray y = targets(headKind, outputs, rng);
    WeightDecay decay = new WeightDecay(l2, decayBias);

    net.backward(net.forward(x), y);
    decay.addGradient(net.parameters());

    int checked = 0;
    for (Parameter p : net.parameters()) {
      INDArray v = p.value();
      for (long i = 0; i < v.length(); i++) {
        double original = v.getDouble(i);
        v.putScalar(i, original + H);
        double up = objective(net, decay, x, y);
        v.putScalar(i, original - H);
        double down = objective(net, decay, x, y);
        v.putScalar(i, original);
        double numeric = (up - down) / (2 * H);
        double analytic = p.gradient().getDouble(i);
        assertEquals(numeric, analytic, 1e-6 + 1e-5 * Math.abs(numeric),
            () -> p.kind() + " of layer " + p.layer() + " element " + " for " + kind + "+" + headKind);
        checked++;
      }
    }
    assertTrue(checked > 50, "checked every parameter element");
  }

  private static double objective(Network net, WeightDecay decay, INDArray x, INDArray y) {
    return net.loss(net.forward(x), y) + decay.penalty(net.parameters());
  }

  private static INDArray targets(HeadKind head, int outputs, SplittableRandom rng) {
    double[] t = new double[ROWS * outputs];
    for (int r = 0; r < ROWS; r++) {
      if (head == HeadKind.LINEAR) {
        for (int j = 0; j < outputs; j++) {
          t[r * outputs + j] = rng.nextGaussian();
        }
      } else {
        t[r * outputs + rng.nextInt(outputs)] = 1.0;
      }
    }
    return Nd4j.create(t, new long[] {ROWS, outputs}, DataType.DOUBLE);
  }

  private static double[] gaussian(SplittableRandom rng, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextGaussian();
    }
    return v;
  }
}
