package org.deadrelu.model.net.activation;

import org.deadrelu.model.config.ActivationKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** f(z) = tanh(z). f'(z) = 1 - f(z)^2, at most 1 (at z = 0), vanishing as |z| grows. */
public final class Tanh implements Activation {

  @Override
  public ActivationKind kind() {
    return ActivationKind.TANH;
  }

  @Override
  public void apply(INDArray z, INDArray slope, INDArray h) {
    h.assign(z);
    Transforms.tanh(h, false);
  }

  @Override
  public void derivative(INDArray z, INDArray h, INDArray slope, INDArray out) {
    out.assign(h).muli(h).rsubi(1.0);
  }
}
