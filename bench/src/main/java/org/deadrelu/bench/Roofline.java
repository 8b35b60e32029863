package org.deadrelu.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode;
import org.nd4j.linalg.factory.Nd4j;

/** The arithmetic ceiling: one large float {@code Nd4j.gemm} (n x n by n x n, preallocated output). */
final class Roofline implements Variant {
  private final INDArray a;
  private final INDArray b;
  private final INDArray c;
  private final int n;

  Roofline(int n) {
    this.n = n;
    Nd4j.getRandom().setSeed(1);
    a = Nd4j.rand(DataType.FLOAT, n, n);
    b = Nd4j.rand(DataType.FLOAT, n, n);
    c = Nd4j.create(DataType.FLOAT, n, n);
  }

  @Override
  public int networks() {
    return 1;
  }

  @Override
  public ProfilingMode profilingMode() {
    return ProfilingMode.DISABLED;
  }

  @Override
  public void reset() {}

  @Override
  public void step() {
    Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
  }

  @Override
  public double[] evalLoss() {
    return new double[] {c.getDouble(0, 0)};
  }

  @Override
  public double flopsPerStep() {
    return 2.0 * n * n * n;
  }
}
