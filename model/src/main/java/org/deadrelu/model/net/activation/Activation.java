package org.deadrelu.model.net.activation;

import org.deadrelu.model.config.ActivationKind;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An element-wise hidden-layer activation h = f(z) with its derivative beside it.
 *
 * <p>{@code slope} is the layer's per-neuron negative-side slope, a [1, width] row used by the
 * leaky family and ignored (may be null) by the others. Outputs are written into the given arrays.
 */
public interface Activation {

  ActivationKind kind();

  /** h = f(z). */
  void apply(INDArray z, INDArray slope, INDArray h);

  /** out = f'(z); {@code h} holds f(z) already, for activations whose derivative is cheaper from it. */
  void derivative(INDArray z, INDArray h, INDArray slope, INDArray out);

  /** Whether the negative-side slope is a trained parameter (PReLU). */
  default boolean learnsSlope() {
    return false;
  }

  /** Whether the layer carries a slope row at all. */
  default boolean usesSlope() {
    return false;
  }
}
