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
  public void apply(INDArray z, INDArray slope, INDArray h) {
    h.assign(z);
    Transforms.softPlus(h, false);
  }

  @Override
  public void derivative(INDArray z, INDArray h, INDArray slope, INDArray out) {
    out.assign(z);
    Transforms.sigmoid(out, false);
  }
}
