package org.deadrelu.model.probe;

/**
 * Per-neuron measures of one layer at one checkpoint (arrays indexed by neuron), and the layer's
 * own gradient and weight norms. {@code dead} is over the rows death is decided on (the training
 * split); the rest, {@code maxPreact} included, over the probe set. {@code saturatedRate} and
 * {@code slope} are null where they mean nothing.
 *
 * @param allZero every neuron's output is exactly 0 on every probe row
 * @param gradDormancyScore per neuron, its gradNorm over the layer's mean gradNorm (Liu et al.'s
 *     gradient-based dormancy, GraMa, 2025): near 0 for a neuron that has stopped learning, whatever
 *     its activations
 * @param outgoingWeightNorm per neuron, the L2 norm of its weights into the next layer; null for the
 *     output layer
 * @param ranks rank measures of the layer's probe-set post-activations; null for the output layer,
 *     when not asked for (probe.ranks), or when a post-activation is not finite
 */
public record LayerMeasures(
    boolean outputLayer,
    double[] activeRate,
    double[] maxPreact,
    double[] meanAbsAct,
    boolean allZero,
    double[] dormantScore,
    boolean[] dormant,
    boolean[] dead,
    double[] saturatedRate,
    double[] gradNorm,
    double[] gradDormancyScore,
    double[] bias,
    double[] weightNorm,
    double[] outgoingWeightNorm,
    double[] slope,
    double weightGradNorm,
    double biasGradNorm,
    double weightNorm2,
    FeatureRanks ranks) {

  /** The same measures with death as decided on more rows than the probe set's. */
  public LayerMeasures withDead(boolean[] deadOnSplit) {
    return new LayerMeasures(outputLayer, activeRate, maxPreact, meanAbsAct, allZero, dormantScore, dormant,
        deadOnSplit, saturatedRate, gradNorm, gradDormancyScore, bias, weightNorm, outgoingWeightNorm, slope,
        weightGradNorm, biasGradNorm, weightNorm2, ranks);
  }

  public int width() {
    return activeRate.length;
  }

  public double deadFraction() {
    return fraction(dead);
  }

  public double dormantFraction() {
    return fraction(dormant);
  }

  public Double saturatedFraction() {
    return saturatedRate == null ? null : mean(saturatedRate);
  }

  public double meanActiveRate() {
    return mean(activeRate);
  }

  public double meanBias() {
    return mean(bias);
  }

  private static double fraction(boolean[] flags) {
    int n = 0;
    for (boolean f : flags) {
      n += f ? 1 : 0;
    }
    return (double) n / flags.length;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
