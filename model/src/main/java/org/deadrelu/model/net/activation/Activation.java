package org.deadrelu.model.net.activation;

import org.deadrelu.model.config.ActivationKind;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An element-wise hidden-layer activation: one call writes h = f(z) and d = f'(z), the derivative
 * kept for the backward pass. Arrays are [P, rows, width] for a population of P networks.
 *
 * <p>{@code param} is the per-network, per-neuron parameter the activation needs, broadcast over
 * rows: the negative-side slopes [P, 1, width] of the leaky family, ELU's scale [P, 1, 1]; null for
 * the others. {@code h} may be a view into a larger buffer.
 */
public interface Activation {

  ActivationKind kind();

  void forward(INDArray z, INDArray param, INDArray h, INDArray d);

  /** Whether the negative-side slope is a trained parameter (PReLU). */
  default boolean learnsSlope() {
    return false;
  }
}
