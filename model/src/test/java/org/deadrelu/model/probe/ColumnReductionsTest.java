package org.deadrelu.model.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The float reductions against the same reductions written out row by row in double, on blocks
 * seeded with the values a count by arithmetic could get wrong: signed zeros, the least positive
 * float and its negative, subnormals, infinities, NaNs of both signs, values at and beside the bound.
 */
class ColumnReductionsTest {
  private static final float[] SPECIAL = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL / 3,
      Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE, -Float.MAX_VALUE, 1e-30f};

  @ParameterizedTest
  @CsvSource({"256, 32", "300, 12", "1000, 7", "5, 2000", "1, 3", "37, 1", "2048, 2"})
  void floatReductionsEqualTheRowByRowOnes(int rows, int width) {
    SplittableRandom rng = new SplittableRandom(rows * 31L + width);
    double bound = 0.05; // not a float: the float bound is the float just above it
    float[] block = new float[rows * width];
    for (int k = 0; k < block.length; k++) {
      double u = rng.nextDouble();
      block[k] = u < 0.1 ? SPECIAL[rng.nextInt(SPECIAL.length)]
          : u < 0.2 ? (float) bound * (rng.nextBoolean() ? 1 : -1)
          : u < 0.25 ? Math.nextDown((float) bound) : (float) (rng.nextGaussian() * (rng.nextBoolean() ? 1 : 1e-3));
    }
    if (width > 4) {
      for (int r = 0; r < rows; r++) {
        block[r * width + 1] = r % 2 == 0 ? 0f : -0f; // column 1: signed zeros only, its sums exactly 0
        block[r * width + 2] = r == rows - 1 ? Float.MIN_VALUE : 0f; // column 2: one least positive float
        block[r * width + 3] = (r % 3 - 1) * 3e-21f; // column 3: tiny values of both signs
      }
    }
    if (rows > 3) {
      block[2 * width] = Float.NaN; // column 0
      block[3 * width + width - 1] = Float.intBitsToFloat(0xffc00000); // a negative NaN, in the last column
    }
    ColumnReductions reductions = new ColumnReductions();
    double[] count = new double[width];
    double[] max = new double[width];
    double[] sum = new double[width];
    double[] posSum = new double[width];
    double[] below = new double[width];
    reductions.positiveCountAndMax(block, rows, width, count, max);
    reductions.absoluteSum(block, rows, width, false, sum);
    reductions.absoluteSum(block, rows, width, true, posSum);
    reductions.countAbsoluteBelow(block, rows, width, bound, below);
    double[] fusedCount = new double[width];
    double[] fusedMax = new double[width];
    double[] fusedSum = new double[width];
    reductions.positiveCountMaxAndSum(block, rows, width, fusedCount, fusedMax, fusedSum);
    double[] maxOnly = new double[width];
    reductions.max(block, rows, width, maxOnly);
    // the double block's versions, on the same values widened
    double[] wide = new double[block.length];
    for (int k = 0; k < block.length; k++) {
      wide[k] = block[k];
    }
    double[] countD = new double[width];
    double[] maxD = new double[width];
    double[] maxOnlyD = new double[width];
    double[] sumD = new double[width];
    double[] posSumD = new double[width];
    double[] belowD = new double[width];
    reductions.positiveCountAndMax(wide, rows, width, countD, maxD);
    reductions.max(wide, rows, width, maxOnlyD);
    reductions.absoluteSum(wide, rows, width, false, sumD);
    reductions.absoluteSum(wide, rows, width, true, posSumD);
    reductions.countAbsoluteBelow(wide, rows, width, bound, belowD);
    double[] fusedCountD = new double[width];
    double[] fusedMaxD = new double[width];
    double[] fusedSumD = new double[width];
    reductions.positiveCountMaxAndSum(wide, rows, width, fusedCountD, fusedMaxD, fusedSumD);
    for (int i = 0; i < width; i++) {
      int c = 0;
      int b = 0;
      double m = Double.NEGATIVE_INFINITY;
      double s = 0;
      double ps = 0;
      for (int r = 0; r < rows; r++) {
        double v = block[r * width + i];
        c += v > 0 ? 1 : 0;
        b += Math.abs(v) < bound ? 1 : 0;
        m = Math.max(m, v);
        s += Math.abs(v);
        ps += Math.max(v, 0);
      }
      String at = rows + "x" + width + " column " + i;
      assertEquals(c, count[i], 0.0, at + ": positive count");
      assertEquals(b, below[i], 0.0, at + ": count below the bound");
      assertEquals(m, max[i], 0.0, at + ": maximum");
      assertEquals(m, maxOnly[i], 0.0, at + ": maximum alone");
      assertClose(s, sum[i], rows, at + ": sum |v|");
      assertEquals(c, countD[i], 0.0, at + ": positive count, double");
      assertEquals(b, belowD[i], 0.0, at + ": count below the bound, double");
      assertEquals(m, maxD[i], 0.0, at + ": maximum, double");
      assertEquals(m, maxOnlyD[i], 0.0, at + ": maximum alone, double");
      assertEquals(s, sumD[i], 0.0, at + ": sum |v|, double (the same order as here)");
      assertEquals(ps, posSumD[i], 0.0, at + ": sum max(v, 0), double");
      assertClose(ps, posSum[i], rows, at + ": sum max(v, 0)");
      assertEquals(c, fusedCount[i], 0.0, at + ": positive count, in one pass");
      assertEquals(m, fusedMax[i], 0.0, at + ": maximum, in one pass");
      assertClose(ps, fusedSum[i], rows, at + ": sum max(v, 0), in one pass");
      assertEquals(c, fusedCountD[i], 0.0, at + ": positive count, in one pass, double");
      assertEquals(m, fusedMaxD[i], 0.0, at + ": maximum, in one pass, double");
      assertEquals(ps, fusedSumD[i], 0.0, at + ": sum max(v, 0), in one pass, double");
    }
    if (rows > 3) {
      assertTrue(Double.isNaN(max[0]) && Double.isNaN(max[width - 1]), "a NaN makes its column's maximum NaN");
    }
  }

  /** Equal where infinite, NaN or 0 (a sum of non-negative values is 0 only if each is); else within rows float roundings of the double sum. */
  private static void assertClose(double expected, double actual, int rows, String what) {
    if (!Double.isFinite(expected) || !Double.isFinite(actual) || expected == 0 || actual == 0) {
      assertEquals(expected, actual, 0.0, what);
    } else {
      assertEquals(expected, actual, Math.abs(expected) * rows * 0x1p-24, what);
    }
  }

  @Test
  void theFloatBoundSeparatesFloatsAsTheDoubleBoundDoes() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int k = 0; k < 10_000; k++) {
      double bound = k < 5 ? new double[] {0.05, 0.25, 1e-45, 1e-50, 1e39}[k] : Math.exp(rng.nextDouble(-100, 80));
      float e = ColumnReductions.floatBound(bound);
      float at = (float) bound;
      for (float f : new float[] {at, Math.nextDown(at), Math.nextUp(at), e, Math.nextDown(e), 0f, Float.MIN_VALUE,
          Float.POSITIVE_INFINITY}) {
        assertEquals(f < bound, f < e, "bound " + bound + ", float " + f);
      }
    }
  }
}
