package org.deadrelu.model.probe;

import java.util.Arrays;

/**
 * Per-neuron reductions over the rows of one network's block of a layer (rows x width, row-major, at
 * offset 0): how many entries are positive, the maximum, the sum of the absolute values (or of the
 * positive parts), how many absolute values lie below a bound. Float blocks take loops that JDK 17's
 * compiler turns into vector instructions, which a plain row-by-row loop is not.
 *
 * <p>Two things keep that compiler from vectorizing a reduction over rows, and the float loops avoid
 * both. Arrays indexed with different run-time offsets (a row at {@code r * width + i}, its neuron's
 * accumulator at {@code i}) are left scalar: here a group of rows is first copied to offset 0 of a
 * buffer, and accumulators as long as the group take it element for element. A conditional
 * increment is left scalar too: a count here adds {@code min(max(v * 2^149, 0), 1)}, which is 1 for
 * every positive float and 0 for every other, in float ops alone. The group accumulators are then
 * folded pairwise, always in the same order.
 *
 * <p>Counts and maxima are exact, NaN rules included: a NaN is never counted positive or below the
 * bound and makes its column's maximum NaN (a column whose arithmetic count is NaN is counted again
 * row by row). Sums of absolute values add a group's share of the rows (rows / group rows) in
 * float, and the fold adds those pairwise in float: within rows x 2^-24 of the sum in double,
 * relatively (a column whose float sum overflows is summed again in double). Double blocks
 * take plain row-by-row loops in double. One instance per thread (it keeps its buffers).
 */
public final class ColumnReductions {
  /** Entries of a row group: long enough that the vector loop's set-up is paid off, short enough for L1. */
  static final int GROUP_ENTRIES = 1024;
  /** 2^149 as two float factors (2^126 x 2^23): takes the least positive float, 2^-149, to 1. */
  private static final float TO_ONE_A = 0x1p126f;
  private static final float TO_ONE_B = 0x1p23f;

  private float[] group = new float[0];
  private float[] first = new float[0];
  private float[] second = new float[0];
  private float[] third = new float[0];

  /** Rows per group for a layer of this width and this many rows. */
  static int groupRows(int rows, int width) {
    return Math.max(1, Math.min(rows, GROUP_ENTRIES / Math.max(1, width)));
  }

  /**
   * Per column: how many entries are positive ({@code v > 0}), and the maximum (NaN if the column
   * holds one), into {@code count} and {@code max}.
   */
  public void positiveCountAndMax(float[] block, int rows, int width, double[] count, double[] max) {
    int g = groupRows(rows, width);
    float[] c = accumulators(g * width, 0f, 1);
    float[] m = accumulators(g * width, Float.NEGATIVE_INFINITY, 2);
    forEachGroup(block, rows, width, (buf, n) -> {
      for (int i = 0; i < n; i++) {
        float v = buf[i];
        // v * 2^149 is at least 1 for every positive float and at most 0 for every other (NaN for a NaN,
        // whose column is counted again); the factors keep the operands out of the subnormal range,
        // whose arithmetic is many times slower
        c[i] += Math.min(Math.max(v * TO_ONE_A * TO_ONE_B, 0f), 1f);
        m[i] = Math.max(m[i], v);
      }
    });
    fold(c, g, width, count, false);
    fold(m, g, width, max, true);
    for (int i = 0; i < width; i++) {
      if (Double.isNaN(count[i])) {
        count[i] = positiveCount(block, rows, width, i);
      }
    }
  }

  /** Column i's positive entries, counted row by row (for a column whose arithmetic count is NaN). */
  private static int positiveCount(float[] block, int rows, int width, int i) {
    int k = 0;
    for (int r = 0; r < rows; r++) {
      k += block[r * width + i] > 0 ? 1 : 0;
    }
    return k;
  }

  /**
   * Column i's sum of |v| (or of max(v, 0)) in double: finite where only the float sum overflowed (a
   * diverging network's values), infinite where a value is.
   */
  private static double absoluteSumInDouble(float[] block, int rows, int width, boolean positivePart, int i) {
    double total = 0;
    for (int r = 0; r < rows; r++) {
      float v = block[r * width + i];
      total += positivePart ? Math.max(v, 0f) : Math.abs(v);
    }
    return total;
  }

  /**
   * {@link #positiveCountAndMax} and {@link #absoluteSum} of the positive part in one pass over the
   * block: a ReLU layer's active rate, maximum and mean activation all come from its pre-activations.
   */
  public void positiveCountMaxAndSum(float[] block, int rows, int width, double[] count, double[] max,
      double[] positiveSum) {
    int g = groupRows(rows, width);
    float[] c = accumulators(g * width, 0f, 1);
    float[] m = accumulators(g * width, Float.NEGATIVE_INFINITY, 2);
    float[] s = accumulators(g * width, 0f, 3);
    forEachGroup(block, rows, width, (buf, n) -> {
      for (int i = 0; i < n; i++) {
        float v = buf[i];
        // max(v, 0) as (v + |v|) / 2, cheaper than Math.max in the compiler's vector code and the
        // same float for every v but -inf (NaN here: its column is counted and summed again below)
        // and v >= 2^127 (+inf here: its column is summed again in double); p counts min(p 2^149, 1)
        float positive = (v + Math.abs(v)) * 0.5f;
        c[i] += Math.min(positive * TO_ONE_A * TO_ONE_B, 1f);
        m[i] = Math.max(m[i], v);
        s[i] += positive;
      }
    });
    fold(c, g, width, count, false);
    fold(m, g, width, max, true);
    fold(s, g, width, positiveSum, false);
    for (int i = 0; i < width; i++) {
      if (Double.isNaN(count[i])) {
        count[i] = positiveCount(block, rows, width, i);
      }
      if (Double.isInfinite(positiveSum[i]) || Double.isNaN(positiveSum[i])) {
        positiveSum[i] = absoluteSumInDouble(block, rows, width, true, i);
      }
    }
  }

  /** Per column: the maximum (NaN if the column holds one), into {@code max}. */
  public void max(float[] block, int rows, int width, double[] max) {
    int g = groupRows(rows, width);
    float[] m = accumulators(g * width, Float.NEGATIVE_INFINITY, 1);
    forEachGroup(block, rows, width, (buf, n) -> {
      for (int i = 0; i < n; i++) {
        m[i] = Math.max(m[i], buf[i]);
      }
    });
    fold(m, g, width, max, true);
  }

  /**
   * Per column: the sum of the absolute values, into {@code sum}; with {@code positivePart}, of
   * max(v, 0) instead (a ReLU applied on the way). A sum is 0 exactly when every value is: each
   * partial sum of non-negative floats is at least its largest term.
   */
  public void absoluteSum(float[] block, int rows, int width, boolean positivePart, double[] sum) {
    int g = groupRows(rows, width);
    float[] s = accumulators(g * width, 0f, 1);
    if (positivePart) {
      forEachGroup(block, rows, width, (buf, n) -> {
        for (int i = 0; i < n; i++) {
          s[i] += Math.max(buf[i], 0f);
        }
      });
    } else {
      forEachGroup(block, rows, width, (buf, n) -> {
        for (int i = 0; i < n; i++) {
          s[i] += Math.abs(buf[i]);
        }
      });
    }
    fold(s, g, width, sum, false);
    for (int i = 0; i < width; i++) {
      if (Double.isInfinite(sum[i])) {
        sum[i] = absoluteSumInDouble(block, rows, width, positivePart, i);
      }
    }
  }

  /** Per column: how many entries have an absolute value below {@code bound} ({@code |v| < bound}), into {@code count}. */
  public void countAbsoluteBelow(float[] block, int rows, int width, double bound, double[] count) {
    float e = floatBound(bound);
    int g = groupRows(rows, width);
    float[] c = accumulators(g * width, 0f, 1);
    forEachGroup(block, rows, width, (buf, n) -> {
      for (int i = 0; i < n; i++) {
        // e - |v| is positive exactly when |v| < e (the difference of two floats is never rounded to 0)
        c[i] += Math.min(Math.max((e - Math.abs(buf[i])) * TO_ONE_A * TO_ONE_B, 0f), 1f);
      }
    });
    fold(c, g, width, count, false);
    for (int i = 0; i < width; i++) {
      if (Double.isNaN(count[i])) {
        int k = 0;
        for (int r = 0; r < rows; r++) {
          k += Math.abs(block[r * width + i]) < bound ? 1 : 0;
        }
        count[i] = k;
      }
    }
  }

  /** The double block's versions of the reductions above, row by row in double. */
  public void positiveCountAndMax(double[] block, int rows, int width, double[] count, double[] max) {
    Arrays.fill(count, 0, width, 0);
    Arrays.fill(max, 0, width, Double.NEGATIVE_INFINITY);
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < width; i++) {
        double v = block[r * width + i];
        count[i] += v > 0 ? 1 : 0;
        max[i] = Math.max(max[i], v);
      }
    }
  }

  public void positiveCountMaxAndSum(double[] block, int rows, int width, double[] count, double[] max,
      double[] positiveSum) {
    positiveCountAndMax(block, rows, width, count, max);
    absoluteSum(block, rows, width, true, positiveSum);
  }

  public void max(double[] block, int rows, int width, double[] max) {
    Arrays.fill(max, 0, width, Double.NEGATIVE_INFINITY);
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < width; i++) {
        max[i] = Math.max(max[i], block[r * width + i]);
      }
    }
  }

  public void absoluteSum(double[] block, int rows, int width, boolean positivePart, double[] sum) {
    Arrays.fill(sum, 0, width, 0);
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < width; i++) {
        double v = block[r * width + i];
        sum[i] += positivePart ? Math.max(v, 0) : Math.abs(v);
      }
    }
  }

  public void countAbsoluteBelow(double[] block, int rows, int width, double bound, double[] count) {
    Arrays.fill(count, 0, width, 0);
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < width; i++) {
        count[i] += Math.abs(block[r * width + i]) < bound ? 1 : 0;
      }
    }
  }

  /**
   * The float e with {@code f < e} exactly when {@code f < bound}, for every float f: the bound
   * itself where it is a float, else the least float above it.
   */
  static float floatBound(double bound) {
    float e = (float) bound;
    return e < bound ? Math.nextUp(e) : e;
  }

  /** What a reduction does with one row group: its first n entries, at offset 0 of the buffer. */
  @FunctionalInterface
  private interface GroupStep {
    void add(float[] group, int n);
  }

  /** Each row group of the block in turn, copied to offset 0 of the group buffer (see the class comment). */
  private void forEachGroup(float[] block, int rows, int width, GroupStep step) {
    int g = groupRows(rows, width);
    for (int r = 0; r < rows; r += g) {
      int n = Math.min(g, rows - r) * width;
      System.arraycopy(block, r * width, group, 0, n);
      step.add(group, n);
    }
  }

  /**
   * Each column's value over the groups' accumulators: the upper half of the groups folded onto the
   * lower half until one is left, in float (exact for counts and maxima), each half first copied to
   * offset 0 of the group buffer so that the fold is a vector loop too.
   */
  private void fold(float[] acc, int g, int width, double[] out, boolean max) {
    float[] upper = group;
    for (int groups = g; groups > 1; ) {
      int half = groups / 2;
      int keep = groups - half;
      int n = half * width;
      System.arraycopy(acc, keep * width, upper, 0, n);
      if (max) {
        for (int i = 0; i < n; i++) {
          acc[i] = Math.max(acc[i], upper[i]);
        }
      } else {
        for (int i = 0; i < n; i++) {
          acc[i] += upper[i];
        }
      }
      groups = keep;
    }
    for (int i = 0; i < width; i++) {
      out[i] = acc[i];
    }
  }

  /** The group buffer grown to n, and accumulator {@code which} (1 to 3) grown and filled with {@code initial}. */
  private float[] accumulators(int n, float initial, int which) {
    if (group.length < n) {
      group = new float[n];
      first = new float[n];
      second = new float[n];
      third = new float[n];
    }
    float[] a = which == 1 ? first : which == 2 ? second : third;
    Arrays.fill(a, 0, n, initial);
    return a;
  }
}
