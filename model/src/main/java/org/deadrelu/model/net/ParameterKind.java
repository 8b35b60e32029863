package org.deadrelu.model.net;

/** What a parameter is, which decides whether weight decay touches it. */
public enum ParameterKind {
  WEIGHT,
  BIAS,
  /** A learned PReLU slope: decayed together with the biases, as both are per-neuron offsets of shape. */
  SLOPE
}
