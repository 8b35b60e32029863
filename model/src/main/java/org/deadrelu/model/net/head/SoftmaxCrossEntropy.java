package org.deadrelu.model.net.head;

import org.deadrelu.model.config.HeadKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** p = softmax(z), loss = -log p_y. Finite for finite z: every class keeps a positive probability. */
public final class SoftmaxCrossEntropy implements Head {

  @Override
  public HeadKind kind() {
    return HeadKind.SOFTMAX;
  }

  @Override
  public double loss(INDArray z, INDArray y) {
    // log-sum-exp around the row maximum, so large logits don't overflow
    INDArray shifted = z.subColumnVector(z.max(1).reshape(z.rows(), 1));
    INDArray lse = Transforms.log(Transforms.exp(shifted, true).sum(1), false);
    INDArray zy = shifted.mul(y).sum(1);
    return lse.subi(zy).meanNumber().doubleValue();
  }

  @Override
  public void gradient(INDArray z, INDArray y, INDArray dz) {
    dz.assign(output(z)).subi(y).divi(z.rows());
  }

  @Override
  public INDArray output(INDArray z) {
    return Transforms.softmax(z, true);
  }
}
