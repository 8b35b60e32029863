package org.deadrelu.model.probe;

import java.util.List;

/**
 * Everything the probe saw at one checkpoint.
 *
 * @param outputConstant every output of the network is exactly the same on every probe row
 * @param zeroLayer the first hidden layer whose output is 0 on every probe row; null if none
 */
public record ProbeMeasurement(
    int step, double loss, double accuracy, boolean outputConstant, Integer zeroLayer,
    List<LayerMeasures> layers) {

  /** The same measurement with death as decided on more rows than the probe set's, per layer and neuron. */
  public ProbeMeasurement withDead(boolean[][] deadByLayer) {
    List<LayerMeasures> settled = new java.util.ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      settled.add(layers.get(l).withDead(deadByLayer[l]));
    }
    return new ProbeMeasurement(step, loss, accuracy, outputConstant, zeroLayer, settled);
  }

  /** Hidden neurons dead, over all hidden layers. */
  public double hiddenDeadFraction() {
    return hiddenFraction(true);
  }

  public double hiddenDormantFraction() {
    return hiddenFraction(false);
  }

  private double hiddenFraction(boolean dead) {
    int n = 0;
    int total = 0;
    for (LayerMeasures l : layers) {
      if (l.outputLayer()) {
        continue;
      }
      boolean[] flags = dead ? l.dead() : l.dormant();
      for (boolean f : flags) {
        n += f ? 1 : 0;
      }
      total += flags.length;
    }
    return total == 0 ? 0.0 : (double) n / total;
  }
}
