package org.deadrelu.model.population;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * y[p] += alpha[p] x[p] for every slice p: one BLAS axpy per network, on the arrays' native buffers
 * (several times cheaper than ND4J's scale-then-subtract on the population's small shapes).
 * Always slice by slice with the slice's own length, so a network's arithmetic is the same whether
 * its neighbours share its value or not, and wherever it sits in the population.
 */
public final class SliceAxpy {
  private SliceAxpy() {}

  /** Whether {@link #apply} can run on these arrays: whole, row-major, same float or double type and shape. */
  public static boolean supports(INDArray x, INDArray y) {
    DataType t = y.dataType();
    return (t == DataType.FLOAT || t == DataType.DOUBLE) && x.dataType() == t
        && java.util.Arrays.equals(x.shape(), y.shape()) && whole(x) && whole(y)
        && x.length() / x.size(0) <= Integer.MAX_VALUE;
  }

  private static boolean whole(INDArray a) {
    return a.rank() >= 2 && NativeArrays.wholeRowMajor(a);
  }

  public static void apply(INDArray x, double[] alpha, INDArray y) {
    if (!supports(x, y) || alpha.length != y.size(0)) {
      throw new IllegalArgumentException("slice axpy needs whole arrays of one shape and one alpha per slice");
    }
    long n = y.length() / y.size(0);
    if (y.dataType() == DataType.FLOAT) {
      FloatPointer px = new FloatPointer(x.data().addressPointer());
      FloatPointer py = new FloatPointer(y.data().addressPointer());
      long ox = px.position();
      long oy = py.position();
      for (int p = 0; p < alpha.length; p++) {
        openblas.cblas_saxpy((int) n, (float) alpha[p], px.position(ox + p * n), 1, py.position(oy + p * n), 1);
      }
    } else {
      DoublePointer px = new DoublePointer(x.data().addressPointer());
      DoublePointer py = new DoublePointer(y.data().addressPointer());
      long ox = px.position();
      long oy = py.position();
      for (int p = 0; p < alpha.length; p++) {
        openblas.cblas_daxpy((int) n, alpha[p], px.position(ox + p * n), 1, py.position(oy + p * n), 1);
      }
    }
  }
}
