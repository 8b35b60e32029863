package org.deadrelu.model.net.activation;

import org.deadrelu.model.config.ActivationKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** f(z) = log(1 + exp(z)), a smooth ReLU. f'(z) = sigmoid(z), positive everywhere. */
public final class Softplus implements Activation {

  @Override
  public ActivationKind kind() {
    return ActivationKind.SOFTPLUS;
  }

  @Override
  public void forward(INDArray z, INDArray param, INDArray h, INDArray d, INDArray scratch) {
    h.assign(z);
    Transforms.softPlus(h, false);
    d.assign(z);
    Transforms.sigmoid(d, false);
  }
}
