package org.deadrelu.model.net.head;

import org.deadrelu.model.config.HeadKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The broken head: h = relu(z), p = h / sum(h), loss = -log p_y. A class whose output unit is not
 * positive gets probability exactly 0, so its loss is +infinity (and a row with no positive unit has
 * no distribution at all, also +infinity). The gradient uses relu'(0) = 0.
 */
public final class ReluNormalizeCrossEntropy implements Head {

  @Override
  public HeadKind kind() {
    return HeadKind.RELU_NORMALIZE;
  }

  @Override
  public double loss(INDArray z, INDArray y) {
    INDArray h = relu(z);
    double[] s = h.sum(1).toDoubleVector();
    double[] hy = h.mul(y).sum(1).toDoubleVector();
    double total = 0;
    for (int i = 0; i < s.length; i++) {
      if (!(hy[i] > 0)) {
        return Double.POSITIVE_INFINITY;
      }
      total += Math.log(s[i]) - Math.log(hy[i]);
    }
    return total / s.length;
  }

  @Override
  public void gradient(INDArray z, INDArray y, INDArray dz) {
    // dL/dh_j = (1/S - [j = y] / h_y) / rows, then through relu'
    INDArray h = relu(z);
    INDArray invS = h.sum(1).rdivi(1.0).reshape(z.rows(), 1);
    INDArray invHy = h.mul(y).sum(1).rdivi(1.0).reshape(z.rows(), 1);
    INDArray dh = y.mulColumnVector(invHy).negi().addiColumnVector(invS).divi(z.rows());
    Nd4j.exec(new Step(z, dz, 0.0));
    dz.muli(dh);
  }

  @Override
  public INDArray output(INDArray z) {
    INDArray h = relu(z);
    return h.diviColumnVector(h.sum(1).reshape(z.rows(), 1));
  }

  private static INDArray relu(INDArray z) {
    INDArray h = Nd4j.exec(new Step(z, z.ulike(), 0.0));
    return h.muli(z);
  }
}
