package org.deadrelu.model.population;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;

/**
 * C[p] = alpha op(A[p]) op(B[p]) + beta C[p] for every slice p of rank-3 arrays: the population's
 * matrix products. For whole, row-major float or double arrays it calls the BLAS that ND4J itself
 * runs on (OpenBLAS, through the same JavaCPP bindings) once per slice, on the arrays' native
 * buffers; ND4J's batched {@code Mmul} op gives identical results but is slower on the population's
 * small shapes, its fixed cost per slice being the difference (docs/design.md). Products whose
 * result is a vector go to BLAS's gemv at any size (see {@link #vectorProducts}); other slices too
 * small for even a BLAS call to pay are multiplied in plain loops ({@link SmallGemm}). Anything else
 * goes through {@code Mmul}.
 */
public final class BatchedGemm {
  private static final MMulTranspose[][] TRANSPOSES = {
      {MMulTranspose.allFalse(), MMulTranspose.builder().transposeB(true).build()},
      {MMulTranspose.builder().transposeA(true).build(),
          MMulTranspose.builder().transposeA(true).transposeB(true).build()}};

  /** Terms of a sum up to which {@link #affine} adds the product to the bias rows (see there). */
  static final long FUSED_MAX_K = 128;

  private BatchedGemm() {}

  public static void gemm(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c, double alpha, double beta) {
    long slices = c.size(0);
    long m = c.size(1);
    long n = c.size(2);
    long k = transA ? a.size(1) : a.size(2);
    if (a.rank() != 3 || b.rank() != 3 || c.rank() != 3 || a.size(0) != slices || b.size(0) != slices
        || (transA ? a.size(2) : a.size(1)) != m || (transB ? b.size(1) : b.size(2)) != n
        || (transB ? b.size(2) : b.size(1)) != k) {
      throw new IllegalArgumentException("batched gemm of " + java.util.Arrays.toString(a.shape())
          + (transA ? "^T" : "") + " x " + java.util.Arrays.toString(b.shape()) + (transB ? "^T" : "")
          + " into " + java.util.Arrays.toString(c.shape()));
    }
    if (!direct(a, b, c)) {
      Nd4j.exec(new Mmul(a, b, c, alpha, beta, TRANSPOSES[transA ? 1 : 0][transB ? 1 : 0]));
      return;
    }
    if (SmallGemm.suits(m, n, k)) {
      SmallGemm.gemm(a, transA, b, transB, c, alpha, beta);
      return;
    }
    int ta = transA ? openblas.CblasTrans : openblas.CblasNoTrans;
    int tb = transB ? openblas.CblasTrans : openblas.CblasNoTrans;
    // leading dimensions of the row-major slices as stored
    long lda = a.size(2);
    long ldb = b.size(2);
    long ldc = n;
    long strideA = a.size(1) * a.size(2);
    long strideB = b.size(1) * b.size(2);
    long strideC = m * n;
    if (m == 1 || n == 1) {
      vectorProducts(a, transA, b, transB, c, alpha, beta, slices, strideA, strideB, strideC);
    } else if (c.dataType() == DataType.FLOAT) {
      forEachSlice(new FloatPointer(base(a)), strideA, new FloatPointer(base(b)), strideB, new FloatPointer(base(c)),
          strideC, slices, (pa, pb, pc) -> openblas.cblas_sgemm(openblas.CblasRowMajor, ta, tb, (int) m, (int) n,
              (int) k, (float) alpha, pa, (int) lda, pb, (int) ldb, (float) beta, pc, (int) ldc));
    } else {
      forEachSlice(new DoublePointer(base(a)), strideA, new DoublePointer(base(b)), strideB, new DoublePointer(base(c)),
          strideC, slices, (pa, pb, pc) -> openblas.cblas_dgemm(openblas.CblasRowMajor, ta, tb, (int) m, (int) n,
              (int) k, alpha, pa, (int) lda, pb, (int) ldb, beta, pc, (int) ldc));
    }
  }

  /**
   * Z[p] = A[p] W[p] + 1 b[p] for every slice: a layer's pre-activations, the bias row b[p] [1, n]
   * added to every row. Where the product goes to BLAS's gemm, Z is first filled with the bias rows
   * and the product added to it (beta = 1). That gives exactly what the product followed by a bias
   * add gives (each element is the product's sum, accumulated apart from Z, plus the bias, rounded
   * once) without a second pass over Z. Only gemm, and only up to {@link #FUSED_MAX_K} terms, where
   * BLAS sums a product in one block: gemv adds partial sums into its output, and so does gemm over
   * longer sums. Otherwise the product and then the bias add, as {@code ones} (a [P, rows, 1] array
   * of ones) times b.
   */
  public static void affine(INDArray a, INDArray w, INDArray bias, INDArray ones, INDArray z) {
    long m = z.size(1);
    long n = z.size(2);
    long k = a.size(2);
    if (!direct(a, w, z) || !direct(bias, bias, z) || SmallGemm.suits(m, n, k) || m == 1 || n == 1
        || k > FUSED_MAX_K || bias.size(1) != 1
        || bias.size(2) != n || bias.size(0) != z.size(0)) {
      gemm(a, false, w, false, z, 1.0, 0.0);
      gemm(ones, false, bias, false, z, 1.0, 1.0);
      return;
    }
    BiasRows.fill(bias, z);
    gemm(a, false, w, false, z, 1.0, 1.0);
  }

  /**
   * The products whose result is a vector (m = 1: a bias gradient, ones^T dz; n = 1: a one-output
   * layer) as matrix-vector products: gemm runs such shapes at a small fraction of its usual rate,
   * gemv at the speed of reading the matrix. The vector operand is contiguous either way, since one of
   * its dimensions is 1. Even below {@link SmallGemm}'s limit gemv is faster than the plain loops, whose
   * copies of the operands cost more than such a product: a population's bias gradients of a 32-wide
   * layer at batch 32 (64 slices of 1 x 32 x 32) took 8-9 us against 71-99, and a 1 x 20 row times a
   * 20 x 5 matrix 3-8 us against 11-27 (an Intel Xeon, OpenBLAS's SkylakeX kernels).
   */
  private static void vectorProducts(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c,
      double alpha, double beta, long slices, long strideA, long strideB, long strideC) {
    // n = 1: c = op(A) x with x = op(B)'s single column; m = 1: c^T = op(B)^T x with x = op(A)'s single row
    boolean column = c.size(2) == 1;
    INDArray matrix = column ? a : b;
    INDArray vector = column ? b : a;
    long strideM = column ? strideA : strideB;
    long strideV = column ? strideB : strideA;
    // stored (row-major) shape of the matrix operand, and whether BLAS must transpose it
    int rows = (int) matrix.size(1);
    int cols = (int) matrix.size(2);
    int t = (column ? transA : !transB) ? openblas.CblasTrans : openblas.CblasNoTrans;
    if (c.dataType() == DataType.FLOAT) {
      forEachSlice(new FloatPointer(base(matrix)), strideM, new FloatPointer(base(vector)), strideV,
          new FloatPointer(base(c)), strideC, slices, (pm, pv, pc) -> openblas.cblas_sgemv(openblas.CblasRowMajor, t,
              rows, cols, (float) alpha, pm, cols, pv, 1, (float) beta, pc, 1));
    } else {
      forEachSlice(new DoublePointer(base(matrix)), strideM, new DoublePointer(base(vector)), strideV,
          new DoublePointer(base(c)), strideC, slices, (pm, pv, pc) -> openblas.cblas_dgemv(openblas.CblasRowMajor, t,
              rows, cols, alpha, pm, cols, pv, 1, beta, pc, 1));
    }
  }

  /** One BLAS call on three operands' slices. */
  private interface SliceCall<P extends Pointer> {
    void run(P x, P y, P z);
  }

  /** Calls {@code call} once per slice, each pointer moved to that slice (strides in elements). */
  private static <P extends Pointer> void forEachSlice(P x, long strideX, P y, long strideY, P z, long strideZ,
      long slices, SliceCall<P> call) {
    long ox = x.position();
    long oy = y.position();
    long oz = z.position();
    for (long p = 0; p < slices; p++) {
      call.run(x.position(ox + p * strideX), y.position(oy + p * strideY), z.position(oz + p * strideZ));
    }
  }

  /** Whole rank-3 row-major arrays of one floating type, small enough for BLAS's int sizes. */
  private static boolean direct(INDArray a, INDArray b, INDArray c) {
    DataType t = c.dataType();
    if (t != DataType.FLOAT && t != DataType.DOUBLE) {
      return false;
    }
    for (INDArray x : new INDArray[] {a, b, c}) {
      if (x.dataType() != t || x.rank() != 3 || !NativeArrays.wholeRowMajor(x) || x.length() > Integer.MAX_VALUE) {
        return false;
      }
    }
    return true;
  }

  /** The array's first element, as a pointer positioned there. */
  private static Pointer base(INDArray x) {
    return x.data().addressPointer();
  }
}
