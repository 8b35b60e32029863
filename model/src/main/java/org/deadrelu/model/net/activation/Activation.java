package org.deadrelu.model.net.activation;

import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.population.SmallElementwise;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An element-wise hidden-layer activation: {@link #forward} writes h = f(z) and keeps in d what
 * {@link #backward} needs (by default d = f'(z)); {@link #derivative} gives f'(z) itself, for the
 * probe. Arrays are [P, rows, width] for a population of P networks.
 *
 * <p>{@code param} is the per-network, per-neuron parameter the activation needs, broadcast over
 * rows: the negative-side slopes [P, 1, width] of the leaky family, ELU's scale [P, 1, 1]; null for
 * the others. {@code scratch} is a buffer shaped like z that the activation may overwrite, so no
 * step allocates.
 */
public interface Activation {

  ActivationKind kind();

  void forward(INDArray z, INDArray param, INDArray h, INDArray d, INDArray scratch);

  /**
   * h = f(z) alone, for passes no backward pass follows (held-out rows, the death scan): d and
   * scratch may be overwritten or left as they are. h is exactly what {@link #forward} gives.
   */
  default void values(INDArray z, INDArray param, INDArray h, INDArray d, INDArray scratch) {
    forward(z, param, h, d, scratch);
  }

  /** dz = dh * f'(z), from what {@link #forward} left in d. */
  default void backward(INDArray z, INDArray d, INDArray dh, INDArray dz) {
    if (SmallElementwise.suits(dh, d, dz)) {
      SmallElementwise.multiply(dh, d, dz);
    } else {
      Nd4j.exec(new MulOp(dh, d, dz));
    }
  }

  /** out = f'(z). */
  default void derivative(INDArray z, INDArray param, INDArray out) {
    forward(z, param, z.ulike(), out, z.ulike());
  }

  /**
   * Whether a neuron whose pre-activation never exceeds {@code maxPreact} over a set of rows has
   * f'(z) = 0 on every one of them: its incoming weights and bias then get no gradient from those
   * rows. Only ReLU has such a region; every other activation's derivative is non-zero everywhere.
   */
  default boolean zeroGradientBelow(double maxPreact) {
    return false;
  }

  /**
   * Whether h = f(z) is exactly max(z, 0) element for element, NaN included: the probe then takes a
   * layer's activations from its pre-activations, in the pass that reads those.
   */
  default boolean valuesArePositivePart() {
    return false;
  }

  /** Whether the negative-side slope is a trained parameter (PReLU). */
  default boolean learnsSlope() {
    return false;
  }
}
