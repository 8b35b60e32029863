package org.deadrelu.model.net.activation;

import org.deadrelu.model.config.ActivationKind;

/**
 * Leaky ReLU whose negative-side slope is learned, one per neuron, starting at alpha (He et al.
 * 2015). df/d(slope) = z for z <= 0, 0 otherwise.
 */
public final class PRelu extends LeakyRelu {

  @Override
  public ActivationKind kind() {
    return ActivationKind.PRELU;
  }

  @Override
  public boolean learnsSlope() {
    return true;
  }
}
