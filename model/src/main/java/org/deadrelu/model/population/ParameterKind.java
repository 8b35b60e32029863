package org.deadrelu.model.population;

/** What a parameter array holds, which decides whether weight decay touches it. */
public enum ParameterKind {
  WEIGHT,
  BIAS,
  /** Learned PReLU slopes: decayed together with the biases, as both are per-neuron offsets of shape. */
  SLOPE
}
