package org.deadrelu.model.config;

/** Output heads, each with its loss. */
public enum HeadKind {
  /** softmax + cross-entropy. */
  SOFTMAX,
  /** ReLU, then normalization to sum 1, + cross-entropy: a class can get probability 0 (infinite loss). */
  RELU_NORMALIZE,
  /** identity output + mean squared error (regression). */
  LINEAR;

  public boolean classifies() {
    return this != LINEAR;
  }
}
