package org.deadrelu.model.net;

/** What a parameter array holds, which decides how weight decay treats it. */
public enum ParameterKind {
  /** A layer's weights with its bias as the last row: decayed row by row (bias row only if asked). */
  WEIGHTS_AND_BIAS,
  /** Learned PReLU slopes: decayed together with the biases, as both are per-neuron offsets of shape. */
  SLOPE
}
