package org.deadrelu.model.population;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fills every row of each slice of Z [P, rows, n] with that slice's bias row b [P, 1, n]: the bias
 * read in one native copy, each slice's first row written from it, and the rest of the slice filled
 * from that row in native memory by doubling copies (the row, then two, four, ... rows at once), so
 * that Z, megabytes for a probe or a scan, is written once and never passes through the Java heap.
 */
final class BiasRows {
  private static final ThreadLocal<HostCopy> COPY = ThreadLocal.withInitial(HostCopy::new);

  private BiasRows() {}

  static void fill(INDArray bias, INDArray z) {
    int slices = (int) z.size(0);
    int rows = (int) z.size(1);
    int n = (int) z.size(2);
    int block = rows * n;
    HostCopy copy = COPY.get();
    Pointer to;
    Pointer from;
    if (z.dataType() == DataType.FLOAT) {
      float[] b = copy.readFloats(bias.dataType() == DataType.FLOAT ? bias : bias.castTo(DataType.FLOAT));
      FloatPointer target = new FloatPointer(z.data().addressPointer());
      for (int p = 0; p < slices; p++) {
        target.position((long) p * block).put(b, p * n, n);
      }
      to = target;
      from = new FloatPointer(z.data().addressPointer());
    } else {
      double[] b = copy.read(bias);
      DoublePointer target = new DoublePointer(z.data().addressPointer());
      for (int p = 0; p < slices; p++) {
        target.position((long) p * block).put(b, p * n, n);
      }
      to = target;
      from = new DoublePointer(z.data().addressPointer());
    }
    for (int p = 0; p < slices; p++) {
      long base = (long) p * block;
      for (int have = n; have < block; have *= 2) {
        to.position(base + have).put(from.position(base).limit(base + Math.min(have, block - have)));
      }
    }
  }
}
