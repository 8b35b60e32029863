package org.deadrelu.model.net.activation;

import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.population.SlopeSelect;
import org.deadrelu.model.population.SmallElementwise;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
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
  public void forward(INDArray z, INDArray slope, INDArray h, INDArray d, INDArray scratch) {
    if (SlopeSelect.suits(z, slope, d) && SlopeSelect.suits(h, slope, d)) {
      SlopeSelect.forward(z, slope, d, h); // the chain and the product below in one sweep, the same bits
      return;
    }
    derivativeByOps(z, slope, d, scratch);
    if (SmallElementwise.suits(z, d, h)) {
      SmallElementwise.multiply(z, d, h);
    } else {
      Nd4j.exec(new MulOp(z, d, h)); // piecewise linear through 0: f(z) = f'(z) z
    }
  }

  private static void derivativeByOps(INDArray z, INDArray slope, INDArray d, INDArray scratch) {
    Nd4j.exec(new Step(z, d, 0.0)); // [z > 0]
    // [z > 0] (1 - a) + a, with (1 - a) broadcast into scratch: no allocation
    scratch.assign(1.0).subi(slope);
    d.muli(scratch).addi(slope);
  }
}
