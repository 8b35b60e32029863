package org.deadrelu.model.population;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The batched gemm against the definition, computed by plain loops in double precision. */
class BatchedGemmTest {

  private static INDArray random(DataType t, SplittableRandom rng, long... shape) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    double[] v = new double[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextDouble(-1, 1);
    }
    return Nd4j.create(v, shape, DataType.DOUBLE).castTo(t);
  }

  /** alpha op(A[p]) op(B[p]) + beta C[p], element by element. */
  private static double[][][] expected(INDArray a, boolean ta, INDArray b, boolean tb, INDArray c, double alpha,
      double beta) {
    int slices = (int) c.size(0);
    int m = (int) c.size(1);
    int n = (int) c.size(2);
    int k = (int) (ta ? a.size(1) : a.size(2));
    double[][][] out = new double[slices][m][n];
    for (int p = 0; p < slices; p++) {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int q = 0; q < k; q++) {
            double x = ta ? a.getDouble(p, q, i) : a.getDouble(p, i, q);
            double y = tb ? b.getDouble(p, j, q) : b.getDouble(p, q, j);
            s += x * y;
          }
          out[p][i][j] = alpha * s + beta * c.getDouble(p, i, j);
        }
      }
    }
    return out;
  }

  private static void check(DataType t, boolean ta, boolean tb, boolean viewOutput) {
    check(t, ta, tb, viewOutput, 9, 4, 6);
  }

  private static void check(DataType t, boolean ta, boolean tb, boolean viewOutput, int m, int n, int k) {
    SplittableRandom rng = new SplittableRandom(7 + (ta ? 1 : 0) + (tb ? 2 : 0) + 4L * m + 16L * n);
    int slices = 5;
    INDArray a = ta ? random(t, rng, slices, k, m) : random(t, rng, slices, m, k);
    INDArray b = tb ? random(t, rng, slices, n, k) : random(t, rng, slices, k, n);
    INDArray c;
    if (viewOutput) {
      // a strided view (every other column of a wider array): the path through ND4J's own op
      INDArray wide = random(t, rng, slices, m, 2 * n);
      c = wide.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 2 * n));
    } else {
      c = random(t, rng, slices, m, n);
    }
    double[][][] want = expected(a, ta, b, tb, c, 0.7, -0.3);
    BatchedGemm.gemm(a, ta, b, tb, c, 0.7, -0.3);
    double tolerance = t == DataType.FLOAT ? 1e-5 : 1e-12;
    for (int p = 0; p < slices; p++) {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          assertEquals(want[p][i][j], c.getDouble(p, i, j), tolerance,
              t + " transA=" + ta + " transB=" + tb + " view=" + viewOutput + " m=" + m + " n=" + n + " at " + p
                  + "," + i + "," + j);
        }
      }
    }
  }

  @Test
  void everyTransposeInFloatAndDoubleMatchesTheDefinition() {
    for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
      for (boolean ta : new boolean[] {false, true}) {
        for (boolean tb : new boolean[] {false, true}) {
          check(t, ta, tb, false);
        }
      }
    }
  }

  @Test
  void slicesAboveTheLoopsLimitGoThroughBlasAndMatchTheDefinition() {
    // 9 x 12 x 16 multiply-adds per slice: above SmallGemm's limit, so every layout runs BLAS gemm
    org.junit.jupiter.api.Assertions.assertFalse(SmallGemm.suits(9, 12, 16));
    org.junit.jupiter.api.Assertions.assertTrue(SmallGemm.suits(9, 4, 6));
    // a vector result goes to gemv at any size
    org.junit.jupiter.api.Assertions.assertFalse(SmallGemm.suits(1, 4, 6));
    org.junit.jupiter.api.Assertions.assertFalse(SmallGemm.suits(5, 1, 3));
    for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
      for (boolean ta : new boolean[] {false, true}) {
        for (boolean tb : new boolean[] {false, true}) {
          check(t, ta, tb, false, 9, 12, 16);
          check(t, ta, tb, false, 1, 40, 30);
          check(t, ta, tb, false, 40, 1, 30);
          // vector results below the loops' limit go to gemv too
          check(t, ta, tb, false, 1, 4, 6);
          check(t, ta, tb, false, 5, 1, 3);
        }
      }
    }
  }

  @Test
  void withBetaZeroTheOutputsOldValuesAreNeverRead() {
    // BLAS ignores C when beta is 0; so must the loops, or a NaN left in a buffer would spread
    for (int[] mnk : new int[][] {{2, 3, 4}, {9, 12, 16}}) {
      SplittableRandom rng = new SplittableRandom(11);
      INDArray a = random(DataType.FLOAT, rng, 3, mnk[0], mnk[2]);
      INDArray b = random(DataType.FLOAT, rng, 3, mnk[2], mnk[1]);
      INDArray c = Nd4j.valueArrayOf(new long[] {3, mnk[0], mnk[1]}, Float.NaN, DataType.FLOAT);
      BatchedGemm.gemm(a, false, b, false, c, 1.0, 0.0);
      org.junit.jupiter.api.Assertions.assertFalse(c.isNaN().any(), "NaN from the old output, " + java.util.Arrays.toString(mnk));
    }
  }

  @Test
  void aSlicesResultDoesNotDependOnItsNeighbours() {
    // the same slice alone and amid 63 others gives the same bits (the loops and BLAS alike)
    for (int[] mnk : new int[][] {{1, 5, 20}, {9, 12, 16}}) {
      SplittableRandom rng = new SplittableRandom(5);
      INDArray a = random(DataType.FLOAT, rng, 64, mnk[0], mnk[2]);
      INDArray b = random(DataType.FLOAT, rng, 64, mnk[2], mnk[1]);
      INDArray c = Nd4j.create(DataType.FLOAT, 64, mnk[0], mnk[1]);
      BatchedGemm.gemm(a, false, b, false, c, 1.0, 0.0);
      INDArray a1 = a.get(NDArrayIndex.interval(37, 38), NDArrayIndex.all(), NDArrayIndex.all()).dup();
      INDArray b1 = b.get(NDArrayIndex.interval(37, 38), NDArrayIndex.all(), NDArrayIndex.all()).dup();
      INDArray c1 = Nd4j.create(DataType.FLOAT, 1, mnk[0], mnk[1]);
      BatchedGemm.gemm(a1, false, b1, false, c1, 1.0, 0.0);
      assertEquals(c1, c.get(NDArrayIndex.interval(37, 38), NDArrayIndex.all(), NDArrayIndex.all()));
    }
  }

  @Test
  void vectorResultsMatchTheDefinition() {
    // m = 1 (ones^T dz: a bias gradient), n = 1 (a one-output layer), both; BLAS runs them as gemv
    int[][] shapes = {{1, 7, 9}, {9, 1, 7}, {1, 1, 7}, {8, 1, 1}};
    for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
      for (boolean ta : new boolean[] {false, true}) {
        for (boolean tb : new boolean[] {false, true}) {
          for (int[] mnk : shapes) {
            check(t, ta, tb, false, mnk[0], mnk[1], mnk[2]);
          }
        }
      }
    }
  }

  @Test
  void affineGivesTheBitsOfTheProductFollowedByTheBiasAdd() {
    // z = a W + b: BLAS adds the product to z filled with the bias rows; the two steps it replaces
    // (the product, then ones b added) round the same float sum plus the bias once, so every bit agrees
    int[][] shapes = {{32, 32, 2}, {32, 32, 32}, {256, 32, 32}, {32, 2, 32}, {32, 1, 64}, {1, 64, 64}, {4, 3, 2},
        {64, 10, 64}, {32, 16, 128}, {32, 16, 129}, {32, 10, 784}, {200, 32, 32}, {5, 3, 7}}; // 200, 5: rows no power of 2
    for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
      for (int[] mnk : shapes) {
        SplittableRandom rng = new SplittableRandom(11 + mnk[0] + 7L * mnk[1] + 31L * mnk[2]);
        int slices = 6;
        INDArray a = random(t, rng, slices, mnk[0], mnk[2]);
        INDArray w = random(t, rng, slices, mnk[2], mnk[1]);
        INDArray bias = random(t, rng, slices, 1, mnk[1]);
        INDArray ones = Nd4j.ones(t, slices, mnk[0], 1);
        INDArray twoSteps = Nd4j.create(t, slices, mnk[0], mnk[1]);
        BatchedGemm.gemm(a, false, w, false, twoSteps, 1.0, 0.0);
        BatchedGemm.gemm(ones, false, bias, false, twoSteps, 1.0, 1.0);
        INDArray fused = Nd4j.valueArrayOf(new long[] {slices, mnk[0], mnk[1]}, Double.NaN, t); // old values never read
        BatchedGemm.affine(a, w, bias, ones, fused);
        assertArrayEquals(twoSteps.data().asDouble(), fused.data().asDouble(), t + " " + java.util.Arrays.toString(mnk));
        double[][][] want = expected(a, false, w, false, Nd4j.zeros(t, slices, mnk[0], mnk[1]), 1.0, 0.0);
        for (int p = 0; p < slices; p++) {
          for (int i = 0; i < mnk[0]; i++) {
            for (int j = 0; j < mnk[1]; j++) {
              assertEquals(want[p][i][j] + bias.getDouble(p, 0, j), fused.getDouble(p, i, j), 1e-5 * (1 + mnk[2]));
            }
          }
        }
      }
    }
  }

  @Test
  void aViewIsComputedThroughNd4jWithTheSameResult() {
    check(DataType.FLOAT, true, false, true);
    check(DataType.DOUBLE, false, true, true);
  }

  @Test
  void mismatchedShapesAreRefused() {
    INDArray a = Nd4j.create(DataType.FLOAT, 2, 3, 4);
    INDArray b = Nd4j.create(DataType.FLOAT, 2, 5, 6);
    INDArray c = Nd4j.create(DataType.FLOAT, 2, 3, 6);
    assertThrows(IllegalArgumentException.class, () -> BatchedGemm.gemm(a, false, b, false, c, 1, 0));
    INDArray fewer = Nd4j.create(DataType.FLOAT, 1, 4, 6);
    assertThrows(IllegalArgumentException.class, () -> BatchedGemm.gemm(a, false, fewer, false, c, 1, 0));
  }
}
