package org.deadrelu.model.net;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.deadrelu.model.config.InitKind;

/**
 * Draws a layer's incoming weights and biases. Weight variances: He 2/fan_in (Kaiming, for ReLU),
 * Xavier 2/(fan_in + fan_out) (Glorot), LeCun 1/fan_in; uniform variants have the same variance.
 * RAI (Lu et al. 2019) is He normal with, for each neuron, one entry of its incoming weights and
 * bias chosen at random and drawn from Beta(2, 1) instead: positive, so fewer neurons are born dead.
 */
public final class Initializer {
  private Initializer() {}

  /**
   * @param weights row-major [fanIn][fanOut]: column i holds neuron i's incoming weights
   * @param biases [fanOut]
   */
  public record Layer(double[] weights, double[] biases) {}

  public static Layer draw(InitKind kind, int fanIn, int fanOut, double initBias, RandomGenerator rng) {
    return draw(kind, fanIn, fanOut, fanOut, initBias, rng);
  }

  /** Fresh incoming weights and bias for one neuron of a layer with the given fan-out (for ReDo). */
  public static Layer drawNeuron(InitKind kind, int fanIn, int layerFanOut, double initBias, RandomGenerator rng) {
    return draw(kind, fanIn, 1, layerFanOut, initBias, rng);
  }

  private static Layer draw(InitKind kind, int fanIn, int fanOut, int layerFanOut, double initBias,
      RandomGenerator rng) {
    double variance = switch (kind) {
      case HE_NORMAL, HE_UNIFORM, RAI -> 2.0 / fanIn;
      case XAVIER_NORMAL, XAVIER_UNIFORM -> 2.0 / (fanIn + layerFanOut);
      case LECUN_NORMAL -> 1.0 / fanIn;
    };
    boolean uniform = kind == InitKind.HE_UNIFORM || kind == InitKind.XAVIER_UNIFORM;
    double limit = Math.sqrt(3.0 * variance); // U(-l, l) has variance l^2 / 3
    double std = Math.sqrt(variance);
    double[] w = new double[fanIn * fanOut];
    for (int i = 0; i < w.length; i++) {
      w[i] = uniform ? rng.nextDouble(-limit, limit) : std * rng.nextGaussian();
    }
    double[] b = new double[fanOut];
    Arrays.fill(b, initBias);
    if (kind == InitKind.RAI) {
      for (int neuron = 0; neuron < fanOut; neuron++) {
        int entry = rng.nextInt(fanIn + 1); // fanIn means the bias
        double positive = Math.sqrt(rng.nextDouble()); // Beta(2, 1): density 2x on [0, 1]
        if (entry == fanIn) {
          b[neuron] = positive;
        } else {
          w[entry * fanOut + neuron] = positive;
        }
      }
    }
    return new Layer(w, b);
  }
}
