package org.deadrelu.model.revival;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.OPTIMIZER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.InitKind;
import org.deadrelu.model.config.OptimizerKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.net.Initializer;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;
import org.deadrelu.model.probe.NeuronProbe;
import org.deadrelu.model.probe.ProbeMeasurement;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Kick and ReDo on hand-built networks, where exactly which neurons must change is known. */
class InterventionTest {
  private static final double[] X = {-2, -1, 0.5, 3};
  private static final INDArray Y = Nd4j.create(new double[][][] {{{1, 0}, {1, 0}, {0, 1}, {0, 1}}});

  /** Hidden neurons 0 and 3 are dead (z <= 0 on every probe row), 1 and 2 alive (see DeadNeuronTest). */
  private static PopulationNetwork network() {
    TrialConfig c = TrialConfig.builder().set(ACTIVATION, ActivationKind.RELU).set(OPTIMIZER, OptimizerKind.ADAM).build();
    PopulationNetwork net = PopulationNetwork.initialize(new int[] {1, 4, 2}, List.of(c),
        new SplittableRandom[] {new SplittableRandom(1)}, DataType.DOUBLE);
    net.weights(0).assign(Nd4j.create(new double[][][] {{{1, 1, -1, 1}}}));
    net.bias(0).assign(Nd4j.create(new double[][][] {{{-10, 0, -1, -3}}}));
    net.weights(1).assign(Nd4j.create(new double[][][] {{{1, 0}, {0, 1}, {1, 1}, {0.5, 0.5}}}));
    net.bias(1).assign(Nd4j.create(new double[][][] {{{0.1, -0.2}}}));
    return net;
  }

  private static Pass probeSet(PopulationNetwork net) {
    Pass pass = net.pass("probe", X.length);
    pass.input().assign(Nd4j.create(X, new long[] {1, X.length, 1}, DataType.DOUBLE));
    return pass;
  }

  private static ProbeMeasurement measure(PopulationNetwork net, Pass pass, double tau) {
    NeuronProbe probe = new NeuronProbe(new double[] {tau}, Nd4j.create(new double[] {0.01}, new long[] {1, 1, 1}, DataType.DOUBLE));
    return probe.measure(5, net, pass, Y).get(0);
  }

  @Test
  void aKickChangesOnlyTheDeadNeuronsIncomingWeightsAndBias() {
    PopulationNetwork net = network();
    ProbeMeasurement m = measure(net, probeSet(net), 0.0);
    double[] w0 = net.weights(0).dup().data().asDouble();
    double[] b0 = net.bias(0).dup().data().asDouble();
    double[] w1 = net.weights(1).dup().data().asDouble();
    double[] b1 = net.bias(1).dup().data().asDouble();

    List<PendingEvent> events = ThermalKick.apply(net, 0, m, "dead", "neuron", 0.5, new SplittableRandom(3), 5, 0.7);

    assertEquals(List.of(0, 3), events.stream().map(e -> e.neuron).toList());
    double[] w0After = net.weights(0).data().asDouble();
    double[] b0After = net.bias(0).data().asDouble();
    for (int i = 0; i < 4; i++) {
      boolean kicked = i == 0 || i == 3;
      if (kicked) {
        assertNotEquals(w0[i], w0After[i], "neuron " + i + " weight");
        assertNotEquals(b0[i], b0After[i], "neuron " + i + " bias");
      } else {
        assertEquals(w0[i], w0After[i], 0.0, "neuron " + i + " weight");
        assertEquals(b0[i], b0After[i], 0.0, "neuron " + i + " bias");
      }
    }
    assertArrayEquals(w1, net.weights(1).data().asDouble(), 0.0, "outgoing weights untouched");
    assertArrayEquals(b1, net.bias(1).data().asDouble(), 0.0, "output biases untouched");
    assertEquals(0.7, events.get(0).lossBefore);
    assertEquals("kick", events.get(0).kind);
  }

  @Test
  void aLayerScopedKickMovesEveryNeuronOfTheLayer() {
    PopulationNetwork net = network();
    ProbeMeasurement m = measure(net, probeSet(net), 0.0);
    double[] w0 = net.weights(0).dup().data().asDouble();
    List<PendingEvent> events = ThermalKick.apply(net, 0, m, "dead", "layer", 0.5, new SplittableRandom(3), 5, null);
    assertEquals(4, events.size());
    double[] after = net.weights(0).data().asDouble();
    for (int i = 0; i < 4; i++) {
      assertNotEquals(w0[i], after[i]);
    }
  }

  @Test
  void redoZeroesTheOutgoingWeightsOfExactlyTheDormantNeuronsAndKeepsTheOutput() {
    PopulationNetwork net = network();
    Pass pass = probeSet(net);
    ProbeMeasurement m = measure(net, pass, 0.0); // tau 0: dormant = exactly zero output = dead here
    net.forward(pass);
    double[] before = pass.output().dup().data().asDouble();
    double[] w1 = net.weights(1).dup().data().asDouble();
    double[] w0 = net.weights(0).dup().data().asDouble();

    List<PendingEvent> events = Reinitialization.apply(net, 0, m, InitKind.HE_NORMAL, 0.0, new SplittableRandom(9), 5, null);

    assertEquals(List.of(0, 3), events.stream().map(e -> e.neuron).toList());
    double[] w1After = net.weights(1).data().asDouble(); // [4 neurons][2 outputs]
    for (int i = 0; i < 4; i++) {
      for (int o = 0; o < 2; o++) {
        double expected = i == 0 || i == 3 ? 0.0 : w1[i * 2 + o];
        assertEquals(expected, w1After[i * 2 + o], 0.0, "outgoing weight of neuron " + i);
      }
    }
    double[] w0After = net.weights(0).data().asDouble();
    assertNotEquals(w0[0], w0After[0], "fresh incoming weight");
    assertEquals(w0[1], w0After[1], 0.0);
    assertEquals(w0[2], w0After[2], 0.0);
    net.forward(pass);
    assertArrayEquals(before, pass.output().data().asDouble(), 0.0, "the output is unchanged at that step");
  }

  @Test
  void raiGivesEachNeuronExactlyOneEntryFromItsPositiveDistribution() {
    int fanIn = 20;
    int fanOut = 50;
    // RAI draws the He normal weights first from the same stream, then one entry per neuron
    Initializer.Layer he = Initializer.draw(InitKind.HE_NORMAL, fanIn, fanOut, -1.0, new SplittableRandom(4));
    Initializer.Layer rai = Initializer.draw(InitKind.RAI, fanIn, fanOut, -1.0, new SplittableRandom(4));
    for (int neuron = 0; neuron < fanOut; neuron++) {
      int changed = 0;
      for (int j = 0; j < fanIn; j++) {
        double r = rai.weights()[j * fanOut + neuron];
        if (r != he.weights()[j * fanOut + neuron]) {
          changed++;
          assertTrue(r > 0 && r <= 1, "Beta(2, 1) lies in (0, 1], got " + r);
        }
      }
      if (rai.biases()[neuron] != -1.0) {
        changed++;
        assertTrue(rai.biases()[neuron] > 0 && rai.biases()[neuron] <= 1);
      }
      assertEquals(1, changed, "neuron " + neuron + " has exactly one asymmetric entry");
    }
  }
}
