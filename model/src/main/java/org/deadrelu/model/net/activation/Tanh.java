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
  public void forward(INDArray z, INDArray param, INDArray h, INDArray d, INDArray scratch) {
    d.assign(z);
    Transforms.tanh(d, false);
    h.assign(d);
    d.muli(d).rsubi(1.0);
  }
}
