package org.deadrelu.model.net;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.ALPHA;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.DECAY_BIAS;
import static org.deadrelu.model.config.Settings.HEAD;
import static org.deadrelu.model.config.Settings.INIT;
import static org.deadrelu.model.config.Settings.INIT_BIAS;
import static org.deadrelu.model.config.Settings.L2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.config.InitKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.optim.WeightDecay;
import org.deadrelu.model.population.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Backpropagation against central finite differences of each network's objective (mean data loss
 * plus its weight-decay penalty), in double precision, for every activation, head and decay setting,
 * on a population of two networks with different settings. A perturbation of one network's
 * parameter must leave the other network's objective exactly unchanged.
 */
class GradientCheckTest {
  private static final double H = 1e-6;
  private static final int ROWS = 7;

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (ActivationKind a : ActivationKind.values()) {
      for (HeadKind h : HeadKind.values()) {
        b.add(Arguments.of(a, h, 0.0, 0.0));
      }
    }
    for (ActivationKind a : new ActivationKind[] {ActivationKind.RELU, ActivationKind.PRELU}) {
      b.add(Arguments.of(a, HeadKind.SOFTMAX, 0.3, 0.1));
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} + {1}, l2 = {2} and {3}")
  @MethodSource("cases")
  void backpropagationMatchesFiniteDifferences(ActivationKind kind, HeadKind headKind, double l2a, double l2b) {
    SplittableRandom rng = new SplittableRandom(kind.ordinal() * 31L + headKind.ordinal());
    int outputs = headKind == HeadKind.LINEAR ? 2 : 3;
    // network 0 decays its biases, network 1 does not; they also differ in alpha and initial bias
    // a linear head needs a regression task, so a source that poses one
    DataSourceKind source = headKind.classifies() ? DataSourceKind.BLOBS : DataSourceKind.TEACHER;
    List<TrialConfig> trials = List.of(
        TrialConfig.builder().set(ACTIVATION, kind).set(HEAD, headKind).set(DATA_SOURCE, source).set(INIT, InitKind.XAVIER_NORMAL).set(ALPHA, 0.2)
            .set(INIT_BIAS, 0.1).set(L2, l2a).set(DECAY_BIAS, true).seed(1).build(),
        TrialConfig.builder().set(ACTIVATION, kind).set(HEAD, headKind).set(DATA_SOURCE, source).set(INIT, InitKind.XAVIER_NORMAL).set(ALPHA, 0.3)
            .set(INIT_BIAS, -0.05).set(L2, l2b).set(DECAY_BIAS, false).seed(2).build());
    int[] sizes = {3, 5, 4, outputs};
    PopulationNetwork net = PopulationNetwork.initialize(sizes, trials,
        new SplittableRandom[] {rng.split(), rng.split()}, DataType.DOUBLE);
    if (headKind == HeadKind.RELU_NORMALIZE) {
      net.bias(2).assign(3.0); // every output unit positive: the loss is finite and differentiable
    }
    if (kind == ActivationKind.PRELU) {
      net.slope(0).assign(Nd4j.create(new double[][][] {{{0.1, 0.2, 0.3, 0.15, 0.25}}, {{0.3, 0.05, 0.2, 0.1, 0.4}}}));
    }
    Pass pass = net.pass("check", ROWS);
    pass.input().assign(Nd4j.create(gaussian(rng, 2 * ROWS * 3), new long[] {2, ROWS, 3}, DataType.DOUBLE));
    INDArray y = targets(headKind, outputs, rng);

    net.forward(pass);
    net.loss(pass, y);
    net.backward(pass);
    WeightDecay.addGradient(net.parameters());

    int checked = 0;
    for (Parameter p : net.parameters()) {
      INDArray v = p.value();
      long perNetwork = v.length() / 2;
      for (long i = 0; i < v.length(); i++) {
        int network = (int) (i / perNetwork);
        int other = 1 - network;
        double original = v.getDouble(i);
        v.putScalar(i, original + H);
        double[] up = objective(net, pass, y);
        v.putScalar(i, original - H);
        double[] down = objective(net, pass, y);
        v.putScalar(i, original);
        double numeric = (up[network] - down[network]) / (2 * H);
        double analytic = p.gradient().getDouble(i);
        long element = i;
        assertEquals(numeric, analytic, 1e-6 + 1e-5 * Math.abs(numeric),
            () -> p.kind() + " of layer " + p.layer() + ", element " + element + ", " + kind + " + " + headKind);
        assertEquals(up[other], down[other], 0.0, "a network's parameter moved its neighbour's objective");
        checked++;
      }
    }
    assertTrue(checked > 100, "checked every parameter element");
  }

  private static double[] objective(PopulationNetwork net, Pass pass, INDArray y) {
    net.forward(pass);
    double[] loss = net.loss(pass, y);
    double[] penalty = net.penalty();
    return new double[] {loss[0] + penalty[0], loss[1] + penalty[1]};
  }

  private static INDArray targets(HeadKind head, int outputs, SplittableRandom rng) {
    double[] t = new double[2 * ROWS * outputs];
    for (int r = 0; r < 2 * ROWS; r++) {
      if (head == HeadKind.LINEAR) {
        for (int j = 0; j < outputs; j++) {
          t[r * outputs + j] = rng.nextGaussian();
        }
      } else {
        t[r * outputs + rng.nextInt(outputs)] = 1.0;
      }
    }
    return Nd4j.create(t, new long[] {2, ROWS, outputs}, DataType.DOUBLE);
  }

  private static double[] gaussian(SplittableRandom rng, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextGaussian();
    }
    return v;
  }
}
