package org.deadrelu.model.revival;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.OPTIMIZER;
import static org.deadrelu.model.config.Settings.REVIVAL;
import static org.deadrelu.model.config.Settings.REVIVAL_WASHOUT;
import static org.deadrelu.model.config.Settings.SP_PERTURB;
import static org.deadrelu.model.config.Settings.SP_SHRINK;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.OptimizerKind;
import org.deadrelu.model.config.RevivalKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;
import org.deadrelu.model.population.Parameter;
import org.deadrelu.model.population.ParameterKind;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Shrink and perturb on a hand-built 2-2-1 ReLU network with a linear head, one row x = (1, 1),
 * target 0, plain SGD at lr 0.1. By hand:
 *
 * <pre>
 *   hidden z = (1 + 0.5 + 0.1, -1 + 2 - 0.2) = (1.6, 0.8), both active
 *   output 2 x 1.6 - 0.8 + 0.3 = 2.7; loss (2.7 - 0)^2, dL/dout = 5.4
 *   dW1 = 5.4 h = (8.64, 4.32); db1 = 5.4; dh = 5.4 W1 = (10.8, -5.4) = db0 = each row of dW0
 *   after SGD: W0 = [[-0.08, -0.46], [-0.58, 2.54]], b0 = (-0.98, 0.34), W1 = (1.136, -1.432), b1 = -0.24
 * </pre>
 *
 * then every weight and bias becomes (1 - lambda) p + sigma eps, with eps the next draws of the
 * trial's stream: the weights of each layer in row-major order, then the biases.
 */
class ShrinkPerturbTest {
  private static final double[] AFTER_SGD = {-0.08, -0.46, -0.58, 2.54, 1.136, -1.432, -0.98, 0.34, -0.24};

  private static TrialConfig trial(double shrink, double perturb) {
    return TrialConfig.builder().set(DATA_SOURCE, DataSourceKind.TEACHER).set(ACTIVATION, ActivationKind.RELU)
        .set(OPTIMIZER, OptimizerKind.SGD).set(LR, 0.1).set(REVIVAL, RevivalKind.SHRINK_PERTURB)
        .set(SP_SHRINK, shrink).set(SP_PERTURB, perturb).build();
  }

  private static PopulationNetwork network(TrialConfig c) {
    PopulationNetwork net = PopulationNetwork.initialize(new int[] {2, 2, 1}, List.of(c),
        new SplittableRandom[] {new SplittableRandom(1)}, DataType.DOUBLE);
    net.weights(0).assign(Nd4j.create(new double[][][] {{{1, -1}, {0.5, 2}}}));
    net.bias(0).assign(Nd4j.create(new double[][][] {{{0.1, -0.2}}}));
    net.weights(1).assign(Nd4j.create(new double[][][] {{{2}, {-1}}}));
    net.bias(1).assign(Nd4j.create(new double[][][] {{{0.3}}}));
    return net;
  }

  /** One SGD step on the row, then shrink and perturb; the parameters in the order of AFTER_SGD. */
  private static double[] oneStep(TrialConfig c, long noiseSeed) {
    PopulationNetwork net = network(c);
    Pass pass = net.pass("train", 1);
    pass.input().assign(Nd4j.create(new double[] {1, 1}, new long[] {1, 1, 2}, DataType.DOUBLE));
    net.forward(pass);
    double[] loss = net.loss(pass, Nd4j.zeros(DataType.DOUBLE, 1, 1, 1));
    assertEquals(2.7 * 2.7, loss[0], 1e-12);
    net.backward(pass);
    net.update();
    new ShrinkPerturb(List.of(c), net, new SplittableRandom[] {new SplittableRandom(noiseSeed)})
        .afterUpdate(0, pass, List.of(0), new Double[] {loss[0]});
    return parameters(net);
  }

  private static double[] parameters(PopulationNetwork net) {
    return new double[] {net.weights(0).getDouble(0, 0, 0), net.weights(0).getDouble(0, 0, 1),
        net.weights(0).getDouble(0, 1, 0), net.weights(0).getDouble(0, 1, 1), net.weights(1).getDouble(0, 0, 0),
        net.weights(1).getDouble(0, 1, 0), net.bias(0).getDouble(0, 0, 0), net.bias(0).getDouble(0, 0, 1),
        net.bias(1).getDouble(0, 0, 0)};
  }

  @Test
  void withoutNoiseEveryWeightAndBiasIsShrunkByOneMinusLambdaAfterTheUpdate() {
    double[] expected = new double[AFTER_SGD.length];
    for (int k = 0; k < expected.length; k++) {
      expected[k] = 0.75 * AFTER_SGD[k];
    }
    assertArrayEquals(expected, oneStep(trial(0.25, 0.0), 3), 1e-12);
  }

  @Test
  void theNoiseIsTheStreamsNextDrawsInParameterOrderScaledBySigma() {
    SplittableRandom same = new SplittableRandom(3);
    double[] expected = new double[AFTER_SGD.length];
    for (int k = 0; k < expected.length; k++) {
      expected[k] = 0.75 * AFTER_SGD[k] + 0.05 * same.nextGaussian();
    }
    assertArrayEquals(expected, oneStep(trial(0.25, 0.05), 3), 1e-12);
    assertNotEquals(expected[0], oneStep(trial(0.25, 0.05), 4)[0], "another stream, another draw");
  }

  /**
   * Noise alone (lambda 0) on a wider network: the change of every weight and bias, over sigma, is
   * standard normal (its mean within 5 standard errors of 0, its variance within 10% of 1 for 3,270
   * draws), PReLU slopes are not touched, and a neighbour in the population whose trial chose no
   * cure is written back bit for bit.
   */
  @Test
  void theNoiseIsStandardNormalTimesSigmaAndTouchesOnlyItsOwnNetworksWeightsAndBiases() {
    double sigma = 0.2;
    TrialConfig noisy = trial(0.0, sigma).toBuilder().set(ACTIVATION, ActivationKind.PRELU).build();
    TrialConfig plain = noisy.toBuilder().set(REVIVAL, RevivalKind.NONE).build();
    List<TrialConfig> trials = List.of(plain, noisy);
    PopulationNetwork net = PopulationNetwork.initialize(new int[] {50, 40, 30}, trials,
        new SplittableRandom[] {new SplittableRandom(1), new SplittableRandom(2)}, DataType.DOUBLE);
    List<INDArray> before = net.parameters().stream().map(p -> p.value().dup()).toList();

    new ShrinkPerturb(trials, net, new SplittableRandom[] {new SplittableRandom(5), new SplittableRandom(6)})
        .afterUpdate(3, null, List.of(0, 1), new Double[] {null, null});

    double sum = 0;
    double squares = 0;
    int n = 0;
    for (int k = 0; k < net.parameters().size(); k++) {
      Parameter p = net.parameters().get(k);
      assertArrayEquals(before.get(k).slice(0).dup().data().asDouble(), p.value().slice(0).dup().data().asDouble(), 0.0,
          p.kind() + " " + p.layer() + " of the network without a cure");
      double[] was = before.get(k).slice(1).dup().data().asDouble();
      double[] is = p.value().slice(1).dup().data().asDouble();
      if (p.kind() == ParameterKind.SLOPE) {
        assertArrayEquals(was, is, 0.0, "slopes are not perturbed");
        continue;
      }
      for (int e = 0; e < was.length; e++) {
        double z = (is[e] - was[e]) / sigma;
        sum += z;
        squares += z * z;
        n++;
      }
    }
    assertEquals(50 * 40 + 40 * 30 + 40 + 30, n);
    double mean = sum / n;
    double variance = squares / n - mean * mean;
    assertTrue(Math.abs(mean) < 5 / Math.sqrt(n), "mean " + mean);
    assertTrue(Math.abs(variance - 1) < 0.1, "variance " + variance);
  }

  @Test
  void itActsNeitherOnAFinishedNetworkNorInTheWashout() {
    TrialConfig c = trial(0.5, 0.1).toBuilder().set(STEPS, 10)
        .set(REVIVAL_WASHOUT, 4).build();
    PopulationNetwork net = network(c);
    double[] start = parameters(net);
    ShrinkPerturb cure = new ShrinkPerturb(List.of(c), net, new SplittableRandom[] {new SplittableRandom(5)});
    assertTrue(cure.afterUpdate(0, null, List.of(), new Double[] {null}).isEmpty());
    assertArrayEquals(start, parameters(net), 0.0, "not running: untouched");
    cure.afterUpdate(6, null, List.of(0), new Double[] {null});
    assertArrayEquals(start, parameters(net), 0.0, "step 6 of 10 with a washout of 4: untouched");
    cure.afterUpdate(5, null, List.of(0), new Double[] {null});
    assertNotEquals(start[0], parameters(net)[0], "step 5 is before the washout");
  }
}
