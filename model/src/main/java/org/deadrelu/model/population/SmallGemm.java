package org.deadrelu.model.population;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The population's matrix products whose slices are too small for a BLAS call to pay for itself
 * (a network of 20-5-1 at batch 4 multiplies a 4 x 20 block by a 20 x 5 matrix; products whose
 * result is a vector go to gemv at any size, {@link BatchedGemm}): one native copy of
 * each whole operand, every slice's product in a plain loop, one copy back. A BLAS call costs a
 * fixed fraction of a microsecond, which at these sizes is most of a training step; the loop costs
 * what the arithmetic costs. Sums run in double, in the order of the definition, so a slice's result
 * depends only on its own operands, never on its neighbours or on the BLAS kernels of the machine.
 */
final class SmallGemm {
  /** Multiply-adds per slice up to which the loop beats a BLAS call (reference (d) and (e) of the benchmark). */
  static final long MAX_MACS = 1024;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private SmallGemm() {}

  /** Small enough, and not a product whose result is a vector: gemv is faster at any size ({@link BatchedGemm}). */
  static boolean suits(long m, long n, long k) {
    return m * n * k <= MAX_MACS && m != 1 && n != 1;
  }

  /** C[p] = alpha op(A[p]) op(B[p]) + beta C[p]; the arrays whole, row-major, of one type (C not read when beta is 0). */
  static void gemm(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c, double alpha, double beta) {
    int slices = (int) c.size(0);
    int m = (int) c.size(1);
    int n = (int) c.size(2);
    int k = (int) (transA ? a.size(1) : a.size(2));
    int lda = (int) a.size(2);
    int ldb = (int) b.size(2);
    int strideA = (int) (a.size(1) * a.size(2));
    int strideB = (int) (b.size(1) * b.size(2));
    Scratch s = SCRATCH.get();
    double[] x = s.a.read(a);
    double[] y = s.b.read(b);
    double[] z = beta == 0 ? s.c.buffer(c) : s.c.read(c);
    double[] acc = s.accumulator(n);
    for (int p = 0; p < slices; p++) {
      int pa = p * strideA;
      int pb = p * strideB;
      int pc = p * m * n;
      for (int i = 0; i < m; i++) {
        // acc[j] = sum over q of op(A)[i][q] op(B)[q][j], q ascending, in each of the four layouts
        if (!transB) {
          for (int j = 0; j < n; j++) {
            acc[j] = 0;
          }
          for (int q = 0; q < k; q++) {
            double av = transA ? x[pa + q * lda + i] : x[pa + i * lda + q];
            int row = pb + q * ldb;
            for (int j = 0; j < n; j++) {
              acc[j] += av * y[row + j];
            }
          }
        } else if (!transA) {
          int row = pa + i * lda;
          for (int j = 0; j < n; j++) {
            int col = pb + j * ldb;
            double sum = 0;
            for (int q = 0; q < k; q++) {
              sum += x[row + q] * y[col + q];
            }
            acc[j] = sum;
          }
        } else {
          for (int j = 0; j < n; j++) {
            int col = pb + j * ldb;
            double sum = 0;
            for (int q = 0; q < k; q++) {
              sum += x[pa + q * lda + i] * y[col + q];
            }
            acc[j] = sum;
          }
        }
        int out = pc + i * n;
        if (beta == 0) {
          for (int j = 0; j < n; j++) {
            z[out + j] = alpha * acc[j];
          }
        } else {
          for (int j = 0; j < n; j++) {
            z[out + j] = alpha * acc[j] + beta * z[out + j];
          }
        }
      }
    }
    s.c.write(z, c);
  }

  /** Per thread: the operands' copies, reused, so that steady-state products allocate nothing. */
  private static final class Scratch {
    final HostCopy a = new HostCopy();
    final HostCopy b = new HostCopy();
    final HostCopy c = new HostCopy();
    private double[] acc = new double[0];

    double[] accumulator(int n) {
      if (acc.length < n) {
        acc = new double[n];
      }
      return acc;
    }
  }
}
