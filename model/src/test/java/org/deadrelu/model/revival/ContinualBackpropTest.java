package org.deadrelu.model.revival;

import static org.deadrelu.model.config.Settings.CBP_MATURITY;
import static org.deadrelu.model.config.Settings.CBP_REPLACEMENT_RATE;
import static org.deadrelu.model.config.Settings.CBP_UTILITY_DECAY;
import static org.deadrelu.model.config.Settings.INIT;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.MOMENTUM;
import static org.deadrelu.model.config.Settings.OPTIMIZER;
import static org.deadrelu.model.config.Settings.REVIVAL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deadrelu.model.config.InitKind;
import org.deadrelu.model.config.OptimizerKind;
import org.deadrelu.model.config.RevivalKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.net.Initializer;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Continual backprop on a hand-built 1-4-2 ReLU network fed fixed rows, where each neuron's
 * contribution c = mean |h| x sum |outgoing weights| is known by hand:
 *
 * <pre>
 *   neuron            0        1          2        3
 *   incoming w, b     1, 0     -1, -0.5   0.5, 0   2, -1
 *   outgoing          1, -1    3, 3       .5, .5   -.25, .25    (sum |w|: 2, 6, 1, 0.5)
 *   h on x = 1, 2     1, 2     0, 0       .5, 1    1, 3         c: 3, 0, 0.75, 1
 *   h on x = -1, 3    0, 3     .5, 0      0, 1.5   0, 5         c: 3, 1.5, 0.75, 1.25
 * </pre>
 */
class ContinualBackpropTest {
  private static final double[] ROWS_A = {1, 2};
  private static final double[] ROWS_B = {-1, 3};

  private static TrialConfig cbp(double rate, int maturity, double decay) {
    return TrialConfig.builder().set(REVIVAL, RevivalKind.CBP).set(CBP_REPLACEMENT_RATE, rate).set(CBP_MATURITY, maturity)
        .set(CBP_UTILITY_DECAY, decay).set(INIT, InitKind.HE_NORMAL).set(OPTIMIZER, OptimizerKind.MOMENTUM)
        .set(MOMENTUM, 0.9).set(LR, 0.1).build();
  }

  private static PopulationNetwork network(TrialConfig c) {
    PopulationNetwork net = PopulationNetwork.initialize(new int[] {1, 4, 2}, List.of(c),
        new SplittableRandom[] {new SplittableRandom(1)}, DataType.DOUBLE);
    net.weights(0).assign(Nd4j.create(new double[][][] {{{1, -1, 0.5, 2}}}));
    net.bias(0).assign(Nd4j.create(new double[][][] {{{0, -0.5, 0, -1}}}));
    net.weights(1).assign(Nd4j.create(new double[][][] {{{1, -1}, {3, 3}, {0.5, 0.5}, {-0.25, 0.25}}}));
    net.bias(1).assign(Nd4j.create(new double[][][] {{{0.1, -0.2}}}));
    return net;
  }

  private static Pass forward(PopulationNetwork net, double[] x) {
    Pass pass = net.pass("train", x.length);
    pass.input().assign(Nd4j.create(x, new long[] {1, x.length, 1}, DataType.DOUBLE));
    net.forward(pass);
    return pass;
  }

  private static List<PendingEvent> step(ContinualBackprop cure, PopulationNetwork net, double[] x, int step) {
    Map<Integer, List<PendingEvent>> events = cure.afterUpdate(step, forward(net, x), List.of(0), new Double[] {0.5});
    return events.getOrDefault(0, List.of());
  }

  private static double[] utilities(ContinualBackprop cure) {
    double[] u = new double[4];
    for (int i = 0; i < 4; i++) {
      u[i] = cure.utility(0, 0, i);
    }
    return u;
  }

  @Test
  void utilityIsTheBiasCorrectedRunningAverageOfEachNeuronsContribution() {
    double eta = 0.5;
    TrialConfig c = cbp(1e-4, 100, eta);
    PopulationNetwork net = network(c);
    ContinualBackprop cure = new ContinualBackprop(List.of(c), net, new SplittableRandom[] {new SplittableRandom(2)});
    double[] c1 = {3, 0, 0.75, 1};
    double[] c2 = {3, 1.5, 0.75, 1.25};
    // step 3: neuron 2's outgoing weights become 2, -2 (sum 4), so its contribution on rows A is 0.75 x 4
    double[] c3 = {3, 0, 3, 1};

    step(cure, net, ROWS_A, 0);
    assertArrayEquals(c1, utilities(cure), 1e-12, "after one step the corrected average is the contribution itself");
    step(cure, net, ROWS_B, 1);
    double[] u2 = new double[4];
    for (int i = 0; i < 4; i++) {
      u2[i] = (eta * (1 - eta) * c1[i] + (1 - eta) * c2[i]) / (1 - eta * eta);
    }
    assertArrayEquals(new double[] {3, 1, 0.75, 7.0 / 6}, u2, 1e-12, "the hand-worked values");
    assertArrayEquals(u2, utilities(cure), 1e-12, "step 2");
    net.weights(1).slice(0).getRow(2).assign(Nd4j.create(new double[] {2, -2}));
    step(cure, net, ROWS_A, 2);
    double[] u3 = new double[4];
    for (int i = 0; i < 4; i++) {
      double raw = eta * eta * (1 - eta) * c1[i] + eta * (1 - eta) * c2[i] + (1 - eta) * c3[i];
      u3[i] = raw / (1 - eta * eta * eta);
    }
    assertArrayEquals(u3, utilities(cure), 1e-12, "step 3");
    assertEquals(3, cure.age(0, 0, 0));
  }

  /**
   * rho 1/4, maturity 2, four neurons: from step 2 on each mature neuron adds 1/4 to what the layer
   * owes. Owed after each step: 0, 0, 1 (replace; 0), 0.75 (3 mature), 1.5 (replace; 0.5), 1.25
   * (replace; 0.25), 0.75 (2 mature), 1.5 (replace; 0.5). A replaced neuron has zero outgoing weights,
   * hence utility 0, and is replaced again once it is mature, not before.
   */
  @Test
  void replacementsFollowTheFractionalAccumulationAndSpareImmatureNeurons() {
    TrialConfig c = cbp(0.25, 2, 0.5);
    PopulationNetwork net = network(c);
    ContinualBackprop cure = new ContinualBackprop(List.of(c), net, new SplittableRandom[] {new SplittableRandom(2)});
    double[] expectedOwed = {0, 0, 0, 0.75, 0.5, 0.25, 0.75, 0.5};
    List<String> replaced = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      for (PendingEvent e : step(cure, net, ROWS_A, t)) {
        assertEquals(t, e.step);
        assertEquals(0, e.layer);
        assertEquals("cbp", e.kind);
        assertEquals(0.5, e.lossBefore);
        replaced.add("step " + e.step + ": neuron " + e.neuron + " utility " + e.magnitude);
      }
      assertEquals(expectedOwed[t], cure.owed(0, 0), 1e-12, "owed after step " + t);
    }
    // step 2: neuron 1 (dead on these rows, utility 0) although immature until then; step 4: neuron 2
    // (0.75), as neuron 1, utility 0 but aged only 2, is not mature; step 5: neuron 1, mature again
    assertEquals(List.of("step 2: neuron 1 utility 0.0", "step 4: neuron 2 utility 0.75",
        "step 5: neuron 1 utility 0.0", "step 7: neuron 2 utility 0.0"), replaced);
  }

  @Test
  void aReplacedNeuronGetsFreshIncomingWeightsBiasZeroAndZeroOutgoingWeightsSoTheOutputDoesNotMove() {
    TrialConfig c = cbp(0.25, 2, 0.5);
    PopulationNetwork net = network(c);
    ContinualBackprop cure = new ContinualBackprop(List.of(c), net, new SplittableRandom[] {new SplittableRandom(7)});
    step(cure, net, ROWS_A, 0);
    step(cure, net, ROWS_A, 1);
    double[] before = forward(net, ROWS_A).output().dup().data().asDouble();

    List<PendingEvent> events = step(cure, net, ROWS_A, 2);

    assertEquals(1, events.size());
    assertEquals(1, events.get(0).neuron, "the dead neuron has the least utility");
    double fresh = Initializer.drawNeuron(InitKind.HE_NORMAL, 1, 4, 0.0, new SplittableRandom(7)).weights()[0];
    assertArrayEquals(new double[] {1, fresh, 0.5, 2}, net.weights(0).data().asDouble(), 0.0, "only neuron 1's incoming weight");
    assertArrayEquals(new double[] {0, 0, 0, -1}, net.bias(0).data().asDouble(), 0.0, "neuron 1's bias -0.5 becomes 0");
    assertArrayEquals(new double[] {1, -1, 0, 0, 0.5, 0.5, -0.25, 0.25}, net.weights(1).data().asDouble(), 0.0,
        "neuron 1's outgoing weights are 0");
    assertArrayEquals(before, forward(net, ROWS_A).output().data().asDouble(), 0.0, "a dead neuron replaced: same output");
    assertEquals(0, cure.age(0, 0, 1));
    assertEquals(0.0, cure.utility(0, 0, 1));
  }

  /**
   * On rows B every neuron is alive and neuron 2 contributes least (0.75). Replacing it removes
   * exactly its term and adds nothing: the outputs, by hand, are (1.6, 1.3) on x = -1, where neuron 2
   * is silent, and (2.6, -1.2) on x = 3, less 1.5 x (0.5, 0.5) once it is gone.
   */
  @Test
  void replacingALiveNeuronRemovesOnlyItsOwnTermFromTheOutput() {
    TrialConfig c = cbp(0.25, 2, 0.5);
    PopulationNetwork net = network(c);
    ContinualBackprop cure = new ContinualBackprop(List.of(c), net, new SplittableRandom[] {new SplittableRandom(7)});
    step(cure, net, ROWS_B, 0);
    step(cure, net, ROWS_B, 1);
    assertArrayEquals(new double[] {1.6, 1.3, 2.6, -1.2}, forward(net, ROWS_B).output().data().asDouble(), 1e-12);

    List<PendingEvent> events = step(cure, net, ROWS_B, 2);

    assertEquals(List.of(2), events.stream().map(e -> e.neuron).toList());
    assertEquals(0.75, events.get(0).magnitude, 1e-12);
    assertArrayEquals(new double[] {1.6, 1.3, 1.85, -1.95}, forward(net, ROWS_B).output().data().asDouble(), 1e-12);
  }

  /**
   * The optimizer forgets the new neuron: with momentum 0.9, its outgoing weights' next update is
   * lr times their gradient alone, not also 0.9 times the velocity the old neuron had built up.
   */
  @Test
  void theOptimizerForgetsTheReplacedNeuronsVelocity() {
    double lr = 0.1;
    TrialConfig c = cbp(0.25, 2, 0.5);
    PopulationNetwork net = network(c);
    ContinualBackprop cure = new ContinualBackprop(List.of(c), net, new SplittableRandom[] {new SplittableRandom(7)});
    var y = Nd4j.create(new double[][][] {{{1, 0}, {0, 1}}});
    double[] velocity = null;
    int replaced = -1;
    for (int t = 0; t < 3; t++) {
      Pass pass = forward(net, ROWS_B);
      net.loss(pass, y);
      net.backward(pass);
      double[] w = net.weights(1).dup().data().asDouble();
      net.update();
      double[] moved = net.weights(1).dup().data().asDouble();
      velocity = new double[w.length];
      for (int k = 0; k < w.length; k++) {
        velocity[k] = (w[k] - moved[k]) / lr; // p -= lr v
      }
      List<PendingEvent> events = cure.afterUpdate(t, pass, List.of(0), new Double[] {null}).getOrDefault(0, List.of());
      assertEquals(t == 2 ? 1 : 0, events.size(), "a replacement at step 2 only");
      replaced = t == 2 ? events.get(0).neuron : replaced;
    }
    for (int o = 0; o < 2; o++) {
      assertTrue(Math.abs(velocity[replaced * 2 + o]) > 1e-3, "the old neuron had a velocity to forget");
    }
    Pass pass = forward(net, ROWS_B);
    net.loss(pass, y);
    net.backward(pass);
    double[] g = net.weightGradient(1).dup().data().asDouble();
    net.update();
    for (int o = 0; o < 2; o++) {
      assertEquals(-lr * g[replaced * 2 + o], net.weights(1).getDouble(0, replaced, o), 1e-15,
          "outgoing weight " + o + " of the new neuron " + replaced + ": from 0, one plain gradient step");
    }
  }
}
