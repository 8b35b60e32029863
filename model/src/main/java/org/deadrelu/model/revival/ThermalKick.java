package org.deadrelu.model.revival;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.deadrelu.model.net.PopulationNetwork;
import org.deadrelu.model.probe.LayerMeasures;
import org.deadrelu.model.probe.ProbeMeasurement;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Thermal kick: to each dead (or dormant) hidden neuron, or to every neuron of a hidden layer that
 * holds one, add Gaussian noise of scale sigma to its incoming weights and bias. Nothing else moves.
 */
public final class ThermalKick {
  private ThermalKick() {}

  /**
   * Kicks network {@code p} after measurement {@code m}; returns one event per neuron kicked.
   *
   * @param target "dead" or "dormant"
   * @param scope "neuron" or "layer"
   */
  public static List<PendingEvent> apply(PopulationNetwork net, int p, ProbeMeasurement m, String target,
      String scope, double sigma, RandomGenerator rng, int step, Double lossBefore) {
    List<PendingEvent> events = new ArrayList<>();
    for (int l = 0; l < net.layers() - 1; l++) {
      LayerMeasures lm = m.layers().get(l);
      boolean[] chosen = "dead".equals(target) ? lm.dead() : lm.dormant();
      boolean any = false;
      for (boolean c : chosen) {
        any |= c;
      }
      if (!any) {
        continue;
      }
      INDArray w = net.weights(l).slice(p); // [in, out]
      INDArray b = net.bias(l).slice(p); // [1, out]
      for (int i = 0; i < chosen.length; i++) {
        if (!chosen[i] && !"layer".equals(scope)) {
          continue;
        }
        int in = (int) w.rows();
        for (int j = 0; j < in; j++) {
          w.putScalar(j, i, w.getDouble(j, i) + sigma * rng.nextGaussian());
        }
        b.putScalar(0, i, b.getDouble(0, i) + sigma * rng.nextGaussian());
        events.add(new PendingEvent(step, l, i, "kick", sigma, lossBefore));
      }
    }
    return events;
  }
}
