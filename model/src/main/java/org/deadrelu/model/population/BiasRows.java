package org.deadrelu.model.population;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Fills every row of each slice of Z [P, rows, n] with that slice's bias row b [P, 1, n]: one native copy each way. */
final class BiasRows {
  private static final ThreadLocal<HostCopy[]> COPIES = ThreadLocal.withInitial(
      () -> new HostCopy[] {new HostCopy(), new HostCopy()});

  private BiasRows() {}

  static void fill(INDArray bias, INDArray z) {
    HostCopy[] c = COPIES.get();
    if (bias.dataType() == DataType.FLOAT && z.dataType() == DataType.FLOAT) {
      fillFloats(c, bias, z);
      return;
    }
    double[] b = c[0].read(bias);
    double[] out = c[1].buffer(z);
    int slices = (int) z.size(0);
    int rows = (int) z.size(1);
    int n = (int) z.size(2);
    for (int p = 0; p < slices; p++) {
      for (int r = 0; r < rows; r++) {
        System.arraycopy(b, p * n, out, (p * rows + r) * n, n);
      }
    }
    c[1].write(out, z);
  }

  /** Floats stay floats (no conversion either way); each slice's rows by doubling copies, few calls however many rows. */
  private static void fillFloats(HostCopy[] c, INDArray bias, INDArray z) {
    float[] b = c[0].readFloats(bias);
    float[] out = c[1].floatBuffer(z);
    int slices = (int) z.size(0);
    int rows = (int) z.size(1);
    int n = (int) z.size(2);
    int block = rows * n;
    for (int p = 0; p < slices; p++) {
      int base = p * block;
      System.arraycopy(b, p * n, out, base, n);
      RepeatedRows.fill(out, base, n, block);
    }
    c[1].writeFloats(out, z);
  }
}
