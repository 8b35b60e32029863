package org.deadrelu.model.net.activation;

import org.deadrelu.model.config.ActivationKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * f(z) = max(z, 0). f'(z) = 1 for z > 0 and 0 for z < 0; at exactly 0 it is {@code gradAtZero}
 * (0 or 1), a setting because frameworks differ and a neuron sitting at 0 lives or dies by it.
 */
public final class Relu implements Activation {
  private final int gradAtZero;

  public Relu(int gradAtZero) {
    if (gradAtZero != 0 && gradAtZero != 1) {
      throw new IllegalArgumentException("relu_grad_at_zero must be 0 or 1, got " + gradAtZero);
    }
    this.gradAtZero = gradAtZero;
  }

  @Override
  public ActivationKind kind() {
    return ActivationKind.RELU;
  }

  @Override
  public void apply(INDArray z, INDArray slope, INDArray h) {
    h.assign(z);
    Nd4j.exec(new Step(z, h, 0.0)); // h = [z > 0]
    h.muli(z);
  }

  @Override
  public void derivative(INDArray z, INDArray h, INDArray slope, INDArray out) {
    if (gradAtZero == 0) {
      Nd4j.exec(new Step(z, out, 0.0)); // [z > 0]
    } else {
      out.assign(z).negi();
      Nd4j.exec(new Step(out, out, 0.0)); // [-z > 0] = [z < 0]
      out.rsubi(1.0); // [z >= 0]
    }
  }
}
