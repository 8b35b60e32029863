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

  /** What model.alpha is for an activation. */
  public enum AlphaRole {
    /** The activation takes no alpha. */
    NONE,
    /** The slope of the negative side (leaky_relu; prelu's initial, learned slope). */
    SLOPE,
    /** The scale of the negative side (elu). */
    SCALE
  }

  /** What the alpha setting is for this activation; the one place that says which activations take it. */
  public AlphaRole alphaRole() {
    return switch (this) {
      case LEAKY_RELU, PRELU -> AlphaRole.SLOPE;
      case ELU -> AlphaRole.SCALE;
      default -> AlphaRole.NONE;
    };
  }

  /** Whether the alpha setting means something for this activation (slope or scale of the negative side). */
  public boolean hasAlpha() {
    return alphaRole() != AlphaRole.NONE;
  }

  /** Bounded activations whose derivative vanishes at both ends (saturation is measured for them). */
  public boolean saturates() {
    return this == SIGMOID || this == TANH;
  }
}
