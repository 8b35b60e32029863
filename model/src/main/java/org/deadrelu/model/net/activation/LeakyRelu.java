package org.deadrelu.model.net.activation;

import org.deadrelu.model.config.ActivationKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * f(z) = z for z > 0, slope * z otherwise (slope = alpha, fixed). f'(z) = 1 for z > 0, slope for
 * z <= 0 (the slope at exactly 0): the gradient is never zero while alpha > 0, so it cannot die.
 */
public class LeakyRelu implements Activation {

  @Override
  public ActivationKind kind() {
    return ActivationKind.LEAKY_RELU;
  }

  @Override
  public boolean usesSlope() {
    return true;
  }

  @Override
  public void apply(INDArray z, INDArray slope, INDArray h) {
    derivative(z, null, slope, h); // f(z) = f'(z) * z for a piecewise-linear f through 0
    h.muli(z);
  }

  @Override
  public void derivative(INDArray z, INDArray h, INDArray slope, INDArray out) {
    Nd4j.exec(new Step(z, out, 0.0)); // [z > 0]
    out.muliRowVector(slope.rsub(1.0)); // [z > 0] * (1 - a)
    out.addiRowVector(slope); // + a
  }
}
