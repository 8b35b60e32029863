package org.deadrelu.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fully connected layer: z = a W + b. Column i of W holds neuron i's incoming weights.
 *
 * @param weights [fanIn, width]
 * @param bias [1, width]
 * @param slope [1, width] negative-side slopes of the leaky family, null otherwise
 */
public record DenseLayer(INDArray weights, INDArray bias, INDArray slope) {

  public int fanIn() {
    return (int) weights.rows();
  }

  public int width() {
    return (int) weights.columns();
  }
}
