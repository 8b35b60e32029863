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
  public void forward(INDArray z, INDArray alpha, INDArray h, INDArray d, INDArray scratch) {
    // with pos = [z > 0] and E = alpha e^min(z, 0) (no overflow for large z):
    // d = pos + (1 - pos) E ; h = pos z + (1 - pos) (E - alpha), all in the three given buffers
    INDArray pos = Nd4j.exec(new Step(z, scratch, 0.0));
    h.assign(z);
    Transforms.min(h, 0.0, false);
    Transforms.exp(h, false).muli(alpha); // E
    d.assign(pos).rsubi(1.0).muli(h).addi(pos);
    h.subi(alpha).muli(pos.rsubi(1.0)); // (E - alpha)(1 - pos); scratch now holds 1 - pos
    h.addi(scratch.rsubi(1.0).muli(z)); // + pos z
  }
}
