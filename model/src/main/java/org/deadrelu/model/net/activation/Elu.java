package org.deadrelu.model.net.activation;

import org.deadrelu.model.config.ActivationKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * f(z) = z for z > 0, alpha * (exp(z) - 1) otherwise. f'(z) = 1 for z > 0, alpha * exp(z) for
 * z <= 0 (the left-hand value at exactly 0): positive everywhere while alpha > 0.
 */
public final class Elu implements Activation {

  @Override
  public ActivationKind kind() {
    return ActivationKind.ELU;
  }

  /** @param alpha [P, 1, 1] scales, one per network */
  @Override
  public void forward(INDArray z, INDArray alpha, INDArray h, INDArray d) {
    INDArray pos = Nd4j.exec(new Step(z, z.ulike(), 0.0)); // [z > 0]
    INDArray negExp = Transforms.exp(Transforms.min(z, 0.0, true), false).muli(alpha); // alpha e^min(z,0)
    // d = pos + (1 - pos) alpha e^z ; h = pos z + (1 - pos) (alpha e^z - alpha)
    d.assign(negExp).muli(pos.rsub(1.0)).addi(pos);
    INDArray negSide = negExp.subi(alpha).muli(pos.rsub(1.0));
    h.assign(pos.muli(z).addi(negSide));
  }
}
