package org.deadrelu.model.config;

/** Hidden-layer activations. Only {@link #RELU} has a region of exactly zero gradient, so only it can die (see Activation.zeroGradientBelow). */
public enum ActivationKind {
  RELU,
  LEAKY_RELU,
  PRELU,
  ELU,
  SIGMOID,
  TANH,
  SOFTPLUS,
  IDENTITY;

  /** Whether the alpha setting means something for this activation (slope or scale of the negative side). */
  public boolean hasAlpha() {
    return this == LEAKY_RELU || this == PRELU || this == ELU;
  }

  /** Bounded activations whose derivative vanishes at both ends (saturation is measured for them). */
  public boolean saturates() {
    return this == SIGMOID || this == TANH;
  }
}
