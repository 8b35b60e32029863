package org.deadrelu.model.probe;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

/**
 * The singular values of a small row-major matrix, as the square roots of the eigenvalues of its
 * Gram matrix: X^T X, or X X^T when X has fewer rows than columns, so the eigenproblem is
 * min(rows, columns) wide: BLAS's dsyrk, then LAPACK's dsyev without eigenvectors, through the
 * OpenBLAS bindings the engine already calls, in double precision on native buffers kept between
 * calls. One per user and thread.
 *
 * <p>Forming the Gram matrix squares the singular values, so those below sqrt(n eps) sigma_1 (n the
 * larger dimension, eps double's machine epsilon; about 2.4e-7 sigma_1 for 256 rows) are lost in
 * rounding: they are returned as 0 rather than as noise.
 */
public final class GramSpectrum {
  private static final double EPS = Math.ulp(1.0);
  private DoublePointer matrix = new DoublePointer(0L);
  private DoublePointer gram = new DoublePointer(0L);
  private DoublePointer eigenvalues = new DoublePointer(0L);
  private double[] lambda = new double[0];

  /**
   * The singular values, largest first (min(rows, columns) of them), of the rows x columns matrix
   * stored row-major in {@code values} from {@code offset}; null when an entry is not finite (or its
   * square overflows), or in the unheard-of case that LAPACK does not converge.
   */
  public double[] singularValues(double[] values, int offset, int rows, int columns) {
    int n = Math.min(rows, columns);
    if (n == 0) {
      return new double[0];
    }
    grow(rows * columns, n);
    matrix.put(values, offset, rows * columns);
    // row-major X is column-major X^T (columns x rows, leading dimension columns): "no transpose" gives
    // X^T X, "transpose" gives X X^T; only the upper triangle is written, which is all dsyev reads
    boolean wide = rows < columns;
    openblas.cblas_dsyrk(openblas.CblasColMajor, openblas.CblasUpper,
        wide ? openblas.CblasTrans : openblas.CblasNoTrans, n, wide ? columns : rows, 1.0, matrix, columns, 0.0,
        gram, n);
    for (int i = 0; i < n; i++) {
      // the diagonal holds sums of squares of every entry: non-finite if any entry is
      if (!Double.isFinite(gram.get((long) i * n + i))) {
        return null;
      }
    }
    int info = openblas.LAPACKE_dsyev(openblas.LAPACK_COL_MAJOR, (byte) 'N', (byte) 'U', n, gram, n, eigenvalues);
    if (info != 0) {
      return null;
    }
    eigenvalues.get(lambda, 0, n); // ascending
    double largest = Math.max(lambda[n - 1], 0);
    double floor = Math.max(rows, columns) * EPS * largest;
    double[] sigma = new double[n];
    for (int i = 0; i < n; i++) {
      double l = lambda[n - 1 - i];
      sigma[i] = l > floor ? Math.sqrt(l) : 0;
    }
    return sigma;
  }

  private void grow(long entries, int n) {
    if (matrix.capacity() < entries) {
      matrix.close();
      matrix = new DoublePointer(entries);
    }
    if (gram.capacity() < (long) n * n) {
      gram.close();
      gram = new DoublePointer((long) n * n);
      eigenvalues.close();
      eigenvalues = new DoublePointer(n);
      lambda = new double[n];
    }
  }
}
