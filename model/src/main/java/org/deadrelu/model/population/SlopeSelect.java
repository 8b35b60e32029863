package org.deadrelu.model.population;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The leaky family's derivative over a float population, d = [z > 0] (1 - a) + a with the slopes a
 * [P, 1, width] broadcast over rows, in one loop over the floats' bits instead of ND4J's five ops (two
 * of them broadcasts, which ND4J runs slowly on these shapes). Each neuron has two possible values,
 * formed once per call exactly as those ops form them in float ((1 - a) + a where z > 0, 0 (1 - a) + a
 * elsewhere), and every element picks one by a mask built from z's bits with integer shifts, which the
 * compiler turns into vector instructions where a per-element branch on the sign would not be.
 */
public final class SlopeSelect {
  /** +infinity's bits: z > 0 exactly when z's bits, as an int, lie in [1, this] (NaN and -0 excluded). */
  private static final int POSITIVE_INFINITY_BITS = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);

  /**
   * Elements up to which the loop is used: its four int buffers per thread (16 bytes an element, kept
   * for the next call) stay within 16 MiB, beside a pass that holds many such arrays per layer. Larger
   * arrays take the op chain, whose fixed cost is small against their size.
   */
  static final long MAX_ELEMENTS = 1 << 20;

  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  private static final class Buffers {
    int[] z = new int[0];
    int[] d = new int[0];
    float[] slope = new float[0];
    int[] negative = new int[0];
    int[] flip = new int[0];
    int[] negativeRows = new int[0];
    int[] flipRows = new int[0];
  }

  private SlopeSelect() {}

  /**
   * Whether the loop takes these arrays: whole, row-major float z and d of one shape, slopes [P, 1,
   * width], at most {@link #MAX_ELEMENTS} elements.
   */
  public static boolean suits(INDArray z, INDArray slope, INDArray d) {
    if (z.rank() != 3 || slope == null || slope.rank() != 3 || z.length() > MAX_ELEMENTS) {
      return false;
    }
    for (INDArray a : new INDArray[] {z, slope, d}) {
      if (a.dataType() != DataType.FLOAT || !NativeArrays.wholeRowMajor(a)) {
        return false;
      }
    }
    return java.util.Arrays.equals(z.shape(), d.shape()) && slope.size(0) == z.size(0) && slope.size(1) == 1
        && slope.size(2) == z.size(2);
  }

  /** d = f'(z) of leaky ReLU with slopes a, bit for bit what the op chain gives (see the class comment). */
  public static void derivative(INDArray z, INDArray slope, INDArray d) {
    Buffers b = BUFFERS.get();
    int p = (int) z.size(0);
    int rows = (int) z.size(1);
    int width = (int) z.size(2);
    int n = p * rows * width;
    int neurons = p * width;
    if (b.z.length < n) {
      b.z = new int[n];
      b.d = new int[n];
      b.negativeRows = new int[n];
      b.flipRows = new int[n];
    }
    if (b.slope.length < neurons) {
      b.slope = new float[neurons];
      b.negative = new int[neurons];
      b.flip = new int[neurons];
    }
    new FloatPointer(slope.data().addressPointer()).get(b.slope, 0, neurons);
    for (int j = 0; j < neurons; j++) {
      float a = b.slope[j];
      float oneMinus = 1f - a;
      int negative = Float.floatToRawIntBits(0f * oneMinus + a);
      b.negative[j] = negative;
      b.flip[j] = negative ^ Float.floatToRawIntBits(oneMinus + a); // xor with this turns the negative side's bits into the positive's
    }
    // each neuron's two values laid out as z is, row after row (doubling copies), so the loop below
    // indexes every array alike: with offsets that differ the compiler cannot rule out that the arrays
    // overlap, and leaves the loop scalar (measured 20x slower)
    int block = rows * width;
    int[] neg = b.negativeRows;
    int[] flip = b.flipRows;
    for (int s = 0; s < p; s++) {
      int base = s * block;
      System.arraycopy(b.negative, s * width, neg, base, width);
      System.arraycopy(b.flip, s * width, flip, base, width);
      RepeatedRows.fill(neg, base, width, block);
      RepeatedRows.fill(flip, base, width, block);
    }
    int[] zb = b.z;
    int[] db = b.d;
    new IntPointer(z.data().addressPointer()).get(zb, 0, n);
    for (int i = 0; i < n; i++) {
      // t = bits - 1 lies in [0, +inf's bits) exactly when z > 0: both conditions as sign bits
      int t = zb[i] - 1;
      int positive = ~(t >> 31) & ((t - POSITIVE_INFINITY_BITS) >> 31);
      db[i] = neg[i] ^ (flip[i] & positive);
    }
    new IntPointer(d.data().addressPointer()).put(db, 0, n);
  }
}
