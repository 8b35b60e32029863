package org.deadrelu.model.net.activation;

import org.deadrelu.model.config.ActivationKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * f(z) = z for z > 0, alpha * (exp(z) - 1) otherwise. f'(z) = 1 for z > 0, alpha * exp(z) = f(z) +
 * alpha for z <= 0 (the left-hand value at exactly 0): positive everywhere while alpha > 0.
 */
public final class Elu implements Activation {
  private final double alpha;

  public Elu(double alpha) {
    this.alpha = alpha;
  }

  @Override
  public ActivationKind kind() {
    return ActivationKind.ELU;
  }

  @Override
  public void apply(INDArray z, INDArray slope, INDArray h) {
    INDArray pos = Nd4j.exec(new Step(z, z.ulike(), 0.0)); // [z > 0]
    INDArray neg = Transforms.min(z, 0.0, true); // min(z, 0), so exp never overflows
    Transforms.exp(neg, false).subi(1.0).muli(alpha); // alpha (e^min(z,0) - 1)
    // pos * z + (1 - pos) * neg
    h.assign(z).subi(neg).muli(pos).addi(neg);
  }

  @Override
  public void derivative(INDArray z, INDArray h, INDArray slope, INDArray out) {
    INDArray pos = Nd4j.exec(new Step(z, z.ulike(), 0.0));
    // pos * 1 + (1 - pos) * (h + alpha)
    INDArray negSide = h.add(alpha);
    out.assign(negSide).rsubi(1.0).muli(pos).addi(negSide);
  }
}
