package org.deadrelu.model.population;

/**
 * Whether a run of floats or doubles holds only finite numbers, read off their exponent bits: a
 * value is infinite or NaN exactly when its exponent bits are all ones. An integer maximum over the
 * masked bits is a loop the compiler turns into vector instructions, where a test per value branches.
 */
public final class FiniteValues {
  private static final int FLOAT_EXPONENT = 0x7f800000;
  private static final long DOUBLE_EXPONENT = 0x7ff0000000000000L;

  private FiniteValues() {}

  /** Whether a[from, from + count) are all finite. */
  public static boolean all(float[] a, int from, int count) {
    int max = 0;
    for (int i = from; i < from + count; i++) {
      max = Math.max(max, Float.floatToRawIntBits(a[i]) & FLOAT_EXPONENT);
    }
    return max != FLOAT_EXPONENT;
  }

  /** Whether a[from, from + count) are all finite. */
  public static boolean all(double[] a, int from, int count) {
    long max = 0;
    for (int i = from; i < from + count; i++) {
      max = Math.max(max, Double.doubleToRawLongBits(a[i]) & DOUBLE_EXPONENT);
    }
    return max != DOUBLE_EXPONENT;
  }
}
