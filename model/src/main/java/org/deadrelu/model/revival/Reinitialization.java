package org.deadrelu.model.revival;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.deadrelu.model.config.InitKind;
import org.deadrelu.model.net.Initializer;
import org.deadrelu.model.net.PopulationNetwork;
import org.deadrelu.model.probe.LayerMeasures;
import org.deadrelu.model.probe.ProbeMeasurement;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ReDo (Sokar et al. 2023): each dormant hidden neuron (score <= tau) gets fresh incoming weights
 * and bias from the layer's initializer, and its outgoing weights are set to 0 so the new neuron
 * starts without changing what the next layer sees; the optimizer forgets their state.
 */
public final class Reinitialization {
  private Reinitialization() {}

  /** Re-initializes network {@code p}'s dormant neurons in {@code m}; returns one event per neuron. */
  public static List<PendingEvent> apply(PopulationNetwork net, int p, ProbeMeasurement m, InitKind init,
      double initBias, RandomGenerator rng, int step, Double lossBefore) {
    List<PendingEvent> events = new ArrayList<>();
    for (int l = 0; l < net.layers() - 1; l++) {
      LayerMeasures lm = m.layers().get(l);
      for (int i = 0; i < lm.width(); i++) {
        if (lm.dormant()[i]) {
          double norm = neuron(net, p, l, i, init, initBias, rng);
          events.add(new PendingEvent(step, l, i, "redo", norm, lossBefore));
        }
      }
    }
    return events;
  }

  /**
   * Gives hidden neuron {@code i} of layer {@code l} of network {@code p} fresh incoming weights and
   * bias from the initializer, zero outgoing weights and no optimizer state (ReDo and continual
   * backprop alike); returns the norm of the fresh incoming weights.
   */
  static double neuron(PopulationNetwork net, int p, int l, int i, InitKind init, double initBias,
      RandomGenerator rng) {
    INDArray w = net.weights(l).slice(p); // [in, out]
    int in = (int) w.rows();
    Initializer.Layer fresh = Initializer.drawNeuron(init, in, (int) w.columns(), initBias, rng);
    double norm = 0;
    for (int j = 0; j < in; j++) {
      w.putScalar(j, i, fresh.weights()[j]);
      norm += fresh.weights()[j] * fresh.weights()[j];
    }
    net.bias(l).slice(p).putScalar(0, i, fresh.biases()[0]);
    net.weights(l + 1).slice(p).getRow(i).assign(0.0);
    net.forgetOptimizerState(p, l, i);
    return Math.sqrt(norm);
  }
}
