package org.deadrelu.model.net.activation;

import org.deadrelu.model.config.ActivationKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** f(z) = 1 / (1 + exp(-z)). f'(z) = f(z) (1 - f(z)), at most 1/4 (at z = 0): gradients vanish with depth. */
public final class Sigmoid implements Activation {

  @Override
  public ActivationKind kind() {
    return ActivationKind.SIGMOID;
  }

  @Override
  public void forward(INDArray z, INDArray param, INDArray h, INDArray d, INDArray scratch) {
    h.assign(z);
    Transforms.sigmoid(h, false);
    d.assign(h).rsubi(1.0).muli(h);
  }
}
