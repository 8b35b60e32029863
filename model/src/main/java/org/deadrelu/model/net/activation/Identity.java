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
  public void forward(INDArray z, INDArray param, INDArray h, INDArray d, INDArray scratch) {
    h.assign(z);
    d.assign(1.0);
  }
}
