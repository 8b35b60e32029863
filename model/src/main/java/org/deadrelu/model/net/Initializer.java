package org.deadrelu.model.net;

import java.util.random.RandomGenerator;
import org.deadrelu.model.config.InitKind;

/**
 * Draws a layer's incoming weights. Variances: He 2/fan_in (Kaiming, for ReLU), Xavier
 * 2/(fan_in + fan_out) (Glorot), LeCun 1/fan_in; uniform variants have the same variance.
 */
public final class Initializer {
  private Initializer() {}

  /** Row-major [fanIn][fanOut] weights drawn from {@code rng}. */
  public static double[] draw(InitKind kind, int fanIn, int fanOut, RandomGenerator rng) {
    double variance = switch (kind) {
      case HE_NORMAL, HE_UNIFORM -> 2.0 / fanIn;
      case XAVIER_NORMAL, XAVIER_UNIFORM -> 2.0 / (fanIn + fanOut);
      case LECUN_NORMAL -> 1.0 / fanIn;
    };
    boolean uniform = kind == InitKind.HE_UNIFORM || kind == InitKind.XAVIER_UNIFORM;
    double limit = Math.sqrt(3.0 * variance); // U(-l, l) has variance l^2 / 3
    double std = Math.sqrt(variance);
    double[] w = new double[fanIn * fanOut];
    for (int i = 0; i < w.length; i++) {
      w[i] = uniform ? rng.nextDouble(-limit, limit) : std * rng.nextGaussian();
    }
    return w;
  }
}
