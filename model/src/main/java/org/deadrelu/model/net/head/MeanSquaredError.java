package org.deadrelu.model.net.head;

import org.deadrelu.model.config.HeadKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;

/** Identity output, loss = mean over rows and outputs of (z - y)^2. */
public final class MeanSquaredError implements Head {

  @Override
  public HeadKind kind() {
    return HeadKind.LINEAR;
  }

  @Override
  public double[] lossAndGradient(INDArray z, INDArray y, INDArray scratch, INDArray dz, INDArray perSlice) {
    double n = z.size(1) * z.size(2);
    Nd4j.exec(new SubOp(z, y, dz));
    Nd4j.exec(new MulOp(dz, dz, scratch));
    Nd4j.exec(new Sum(scratch, perSlice, new int[] {1, 2}));
    double[] loss = perSlice.toDoubleVector();
    for (int s = 0; s < loss.length; s++) {
      loss[s] /= n;
    }
    dz.muli(2.0 / n);
    return loss;
  }

  @Override
  public INDArray output(INDArray z) {
    return z.dup();
  }
}
