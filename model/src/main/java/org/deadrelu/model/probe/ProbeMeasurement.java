package org.deadrelu.model.probe;

import java.util.List;

/**
 * Everything the probe saw at one checkpoint.
 *
 * @param outputConstant the output layer's pre-activation is the same for every probe row
 */
public record ProbeMeasurement(
    int step, double loss, double accuracy, boolean outputConstant, List<LayerMeasures> layers) {

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
