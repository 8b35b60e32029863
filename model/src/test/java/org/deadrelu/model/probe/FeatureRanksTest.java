package org.deadrelu.model.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The rank measures on singular values worked out by hand, and the singular values the probe takes
 * from the Gram matrix's eigenvalues against matrices built with known ones (U diag(sigma) V^T with U
 * and V products of Householder reflections) and against commons-math3's SVD of the matrix itself.
 */
class FeatureRanksTest {

  @Test
  void equalSingularValuesGiveTheirCountForEveryMeasure() {
    FeatureRanks three = FeatureRanks.fromSingularValues(new double[] {2, 2, 2});
    assertEquals(3, three.effectiveRank(), 1e-12);
    assertEquals(3, three.stableRank(), 1e-12);
    assertEquals(3, three.srank());
    assertEquals(3, three.approximateRank());
    FeatureRanks one = FeatureRanks.fromSingularValues(new double[] {0, 4, 0});
    assertEquals(1, one.effectiveRank(), 1e-12);
    assertEquals(1, one.stableRank(), 1e-12);
    assertEquals(1, one.srank());
    assertEquals(1, one.approximateRank());
  }

  @Test
  void unequalSingularValuesByHand() {
    // sum 11.05: 10 holds 90.5%, 10 + 1 holds 99.5% of it; squares 100, 1, 0.0025: 100 holds 99.007%
    FeatureRanks r = FeatureRanks.fromSingularValues(new double[] {0.05, 10, 1});
    double p1 = 10 / 11.05;
    double p2 = 1 / 11.05;
    double p3 = 0.05 / 11.05;
    assertEquals(Math.exp(-(p1 * Math.log(p1) + p2 * Math.log(p2) + p3 * Math.log(p3))), r.effectiveRank(), 1e-12);
    assertEquals(1.3940293451314156, r.effectiveRank(), 1e-12);
    assertEquals(101.0025 / 100, r.stableRank(), 1e-12);
    assertEquals(2, r.srank());
    assertEquals(1, r.approximateRank());
  }

  @Test
  void aZeroMatrixHasEveryMeasureZeroNotNaN() {
    assertEquals(new FeatureRanks(0, 0, 0, 0), FeatureRanks.fromSingularValues(new double[] {0, 0, 0, 0}));
    assertEquals(new FeatureRanks(0, 0, 0, 0), FeatureRanks.fromSingularValues(new double[0]));
  }

  @Test
  void fullRankMatrixWithKnownSingularValues() {
    double[] sigma = {5, 3, 2, 0.5};
    double[] got = spectrumOf(built(7, sigma, 11), 7, 4);
    assertArrayEquals(sigma, got, 1e-12);
  }

  @Test
  void rankDeficientMatrixGivesExactZerosAndItsRank() {
    double[] sigma = {5, 2, 0, 0};
    double[] got = spectrumOf(built(9, sigma, 12), 9, 4);
    assertArrayEquals(new double[] {5, 2}, Arrays.copyOf(got, 2), 1e-12);
    // rounding leaves eigenvalues near 1e-15 times the largest where 0 belongs: below the floor, so 0
    assertEquals(0.0, got[2]);
    assertEquals(0.0, got[3]);
    FeatureRanks r = FeatureRanks.fromSingularValues(got);
    double p = 5.0 / 7;
    assertEquals(Math.exp(-(p * Math.log(p) + (1 - p) * Math.log(1 - p))), r.effectiveRank(), 1e-12);
    assertEquals(29.0 / 25, r.stableRank(), 1e-12);
    assertEquals(2, r.srank());
    assertEquals(2, r.approximateRank());
  }

  @Test
  void widerThanTallGoesThroughTheRowGram() {
    // 3 rows, 8 columns: three singular values, from X X^T
    double[] x = transpose(built(8, new double[] {4, 1, 0.25}, 13), 8, 3);
    assertArrayEquals(new double[] {4, 1, 0.25}, spectrumOf(x, 3, 8), 1e-12);
  }

  @Test
  void allZeroFeaturesHaveSingularValuesZero() {
    assertArrayEquals(new double[] {0, 0, 0}, spectrumOf(new double[15], 5, 3));
    assertEquals(new FeatureRanks(0, 0, 0, 0), FeatureRanks.fromSingularValues(spectrumOf(new double[15], 5, 3)));
  }

  @Test
  void oneColumnHasItsNormAsItsOneSingularValue() {
    assertArrayEquals(new double[] {5}, spectrumOf(new double[] {3, 0, 4}, 3, 1), 1e-12);
  }

  @Test
  void aNonFiniteEntryGivesNoSpectrum() {
    double[] x = built(6, new double[] {2, 1, 1}, 14);
    x[7] = Double.NaN;
    assertNull(new GramSpectrum().singularValues(x, 0, 6, 3));
    x[7] = Double.POSITIVE_INFINITY;
    assertNull(new GramSpectrum().singularValues(x, 0, 6, 3));
  }

  /**
   * Features as a ReLU layer makes them (non-negative, a dead column, two identical columns) against
   * commons-math3's SVD of the matrix itself, in both shapes and with one spectrum object reused.
   */
  @Test
  void agreesWithTheSvdOfTheMatrixItself() {
    GramSpectrum spectrum = new GramSpectrum();
    SplittableRandom rng = new SplittableRandom(5);
    for (int[] shape : new int[][] {{40, 12}, {256, 32}, {6, 20}, {64, 64}}) {
      int rows = shape[0];
      int cols = shape[1];
      double[] x = new double[rows * cols];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          x[r * cols + c] = Math.max(0, rng.nextGaussian() + 0.3 * c / cols);
        }
        x[r * cols + 2] = 0; // a dead neuron
        x[r * cols + 5] = x[r * cols + 4]; // a clone
      }
      double[] svd = svd(x, rows, cols);
      int offset = 3;
      double[] shifted = new double[offset + x.length];
      System.arraycopy(x, 0, shifted, offset, x.length);
      double[] got = spectrum.singularValues(shifted, offset, rows, cols);
      String where = rows + "x" + cols;
      assertEquals(svd.length, got.length, where);
      for (int i = 0; i < svd.length; i++) {
        assertEquals(svd[i], got[i], 1e-6 * svd[0], where + " sigma " + i);
      }
      FeatureRanks expected = FeatureRanks.fromSingularValues(svd);
      FeatureRanks r = FeatureRanks.fromSingularValues(got);
      assertEquals(expected.effectiveRank(), r.effectiveRank(), 1e-6 * expected.effectiveRank(), where);
      assertEquals(expected.stableRank(), r.stableRank(), 1e-9 * expected.stableRank(), where);
      assertEquals(expected.srank(), r.srank(), where);
      assertEquals(expected.approximateRank(), r.approximateRank(), where);
      int rank = Math.min(rows, cols - 2); // the dead column and the clone take two away
      assertTrue(r.srank() <= rank && r.effectiveRank() <= rank && r.stableRank() <= r.effectiveRank(), where + ": " + r);
    }
  }

  /** rows x sigma.length matrix U diag(sigma) V^T, row-major, with orthonormal U and V from Householder reflections. */
  static double[] built(int rows, double[] sigma, long seed) {
    int n = sigma.length;
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] u = product(householder(rows, rng), householder(rows, rng));
    double[][] v = product(householder(n, rng), householder(n, rng));
    double[] x = new double[rows * n];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += u[r][k] * sigma[k] * v[j][k];
        }
        x[r * n + j] = s;
      }
    }
    return x;
  }

  /** I - 2 w w^T / w^T w: symmetric and orthogonal. */
  private static double[][] householder(int n, SplittableRandom rng) {
    double[] w = new double[n];
    double norm = 0;
    for (int i = 0; i < n; i++) {
      w[i] = rng.nextGaussian();
      norm += w[i] * w[i];
    }
    double[][] h = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h[i][j] = (i == j ? 1 : 0) - 2 * w[i] * w[j] / norm;
      }
    }
    return h;
  }

  private static double[][] product(double[][] a, double[][] b) {
    int n = a.length;
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        for (int j = 0; j < n; j++) {
          c[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return c;
  }

  private static double[] transpose(double[] x, int rows, int cols) {
    double[] t = new double[x.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = x[r * cols + c];
      }
    }
    return t;
  }

  static double[] svd(double[] x, int rows, int cols) {
    double[][] m = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(x, r * cols, m[r], 0, cols);
    }
    return new SingularValueDecomposition(new Array2DRowRealMatrix(m, false)).getSingularValues();
  }

  private static double[] spectrumOf(double[] x, int rows, int cols) {
    double[] got = new GramSpectrum().singularValues(x, 0, rows, cols);
    assertNotNull(got);
    return got;
  }
}
