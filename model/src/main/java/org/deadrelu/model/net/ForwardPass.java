package org.deadrelu.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a forward pass leaves for the backward pass and the probe: pre-activations z and outputs h
 * of every layer. The last layer's h is z itself (the head applies its own function).
 */
public record ForwardPass(INDArray input, INDArray[] z, INDArray[] h) {

  public INDArray output() {
    return z[z.length - 1];
  }

  /** The input of layer l. */
  public INDArray inputOf(int l) {
    return l == 0 ? input : h[l - 1];
  }
}
