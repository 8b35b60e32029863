package org.deadrelu.model.net.activation;

import org.deadrelu.model.config.ActivationKind;
import org.nd4j.linalg.api.ndarray.INDArray;

/** f(z) = z, f'(z) = 1: a linear network, the baseline with neither dying nor saturation. */
public final class Identity implements Activation {

  @Override
  public ActivationKind kind() {
    return ActivationKind.IDENTITY;
  }

  @Override
  public void apply(INDArray z, INDArray slope, INDArray h) {
    h.assign(z);
  }

  @Override
  public void derivative(INDArray z, INDArray h, INDArray slope, INDArray out) {
    out.assign(1.0);
  }
}
