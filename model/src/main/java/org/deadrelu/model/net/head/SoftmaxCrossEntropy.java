package org.deadrelu.model.net.head;

import org.deadrelu.model.config.HeadKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** p = softmax(z), loss = -log p_y. Finite for finite z: every class keeps a positive probability. */
public final class SoftmaxCrossEntropy implements Head {

  @Override
  public HeadKind kind() {
    return HeadKind.SOFTMAX;
  }

  @Override
  public double[] lossAndGradient(INDArray z, INDArray y, INDArray scratch, INDArray dz, INDArray perSlice) {
    double rows = z.size(1);
    Nd4j.exec(new LogSoftMax(z, scratch)); // log p, stable for large logits
    Nd4j.exec(new MulOp(scratch, y, dz)); // y log p (dz as a temporary)
    Nd4j.exec(new Sum(dz, perSlice, new int[] {1, 2}));
    double[] loss = perSlice.toDoubleVector();
    for (int s = 0; s < loss.length; s++) {
      loss[s] = -loss[s] / rows;
    }
    Transforms.exp(scratch, false); // p
    dz.assign(scratch).subi(y).muli(1.0 / rows);
    return loss;
  }

  @Override
  public INDArray output(INDArray z) {
    return Nd4j.exec(new SoftMax(z, z.ulike(), -1))[0];
  }
}
