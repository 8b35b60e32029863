package org.deadrelu.model.net.head;

import org.deadrelu.model.config.HeadKind;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Identity output, loss = mean over rows and outputs of (z - y)^2. */
public final class MeanSquaredError implements Head {

  @Override
  public HeadKind kind() {
    return HeadKind.LINEAR;
  }

  @Override
  public double loss(INDArray z, INDArray y) {
    INDArray d = z.sub(y);
    return d.muli(d).meanNumber().doubleValue();
  }

  @Override
  public void gradient(INDArray z, INDArray y, INDArray dz) {
    dz.assign(z).subi(y).muli(2.0 / z.length());
  }

  @Override
  public INDArray output(INDArray z) {
    return z.dup();
  }
}
