package org.deadrelu.model.population;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The exponent-bit test against {@link Float#isFinite} and {@link Double#isFinite}, value by value. */
class FiniteValuesTest {
  private static final float[] FLOATS = {0f, -0f, 1f, -1f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL,
      Float.MAX_VALUE, -Float.MAX_VALUE, Float.NaN, Float.intBitsToFloat(0xffc00001), Float.intBitsToFloat(0x7f800001),
      Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 3e38f};
  private static final double[] DOUBLES = {0, -0.0, 1, -1, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
      Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN, Double.longBitsToDouble(0xfff8000000000001L),
      Double.longBitsToDouble(0x7ff0000000000001L), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e308};

  @Test
  void everySpecialValueAtEveryPositionOfRunsOfEveryLength() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int n = 1; n <= 70; n++) {
      for (int at = 0; at < n; at++) {
        for (int k = 0; k < FLOATS.length; k++) {
          float[] f = new float[n + 4];
          double[] d = new double[n + 4];
          for (int i = 0; i < f.length; i++) {
            f[i] = (float) rng.nextGaussian() * 1e30f;
            d[i] = rng.nextGaussian() * 1e300;
          }
          // outside the run, values that are not finite: the range must not read them
          f[1] = Float.NaN;
          f[n + 2] = Float.POSITIVE_INFINITY;
          d[1] = Double.NaN;
          d[n + 2] = Double.NEGATIVE_INFINITY;
          f[2 + at] = FLOATS[k];
          d[2 + at] = DOUBLES[k];
          assertEquals(Float.isFinite(FLOATS[k]), FiniteValues.all(f, 2, n), "float " + FLOATS[k] + " at " + at + " of " + n);
          assertEquals(Double.isFinite(DOUBLES[k]), FiniteValues.all(d, 2, n), "double " + DOUBLES[k] + " at " + at + " of " + n);
        }
      }
    }
  }

  @Test
  void anEmptyRunIsFinite() {
    assertEquals(true, FiniteValues.all(new float[] {Float.NaN}, 0, 0));
    assertEquals(true, FiniteValues.all(new double[] {Double.NaN}, 1, 0));
  }
}
