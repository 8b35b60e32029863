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
 *
 * <p>The arrays are read and written in chunks of whole rows ({@link #CHUNK} elements or one row, if
 * longer): the buffers stay in the core's cache however large the population and its rows (a probe
 * set's [64, 256, 32] took as long again when its copies streamed through memory), and so the loop
 * takes any size.
 */
public final class SlopeSelect {
  /** +infinity's bits: z > 0 exactly when z's bits, as an int, lie in [1, this] (NaN and -0 excluded). */
  private static final int POSITIVE_INFINITY_BITS = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);

  /** Elements per chunk: four int and three float buffers of this size (112 KiB) fit a core's L2 cache. */
  static final int CHUNK = 4096;

  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  private static final class Buffers {
    int[] z = new int[0];
    int[] d = new int[0];
    float[] zf = new float[0];
    float[] df = new float[0];
    float[] h = new float[0];
    float[] slope = new float[0];
    int[] negative = new int[0];
    int[] flip = new int[0];
    int[] negativeRows = new int[0];
    int[] flipRows = new int[0];

    void grow(int chunk, int neurons) {
      if (z.length < chunk) {
        z = new int[chunk];
        d = new int[chunk];
        zf = new float[chunk];
        df = new float[chunk];
        h = new float[chunk];
        negativeRows = new int[chunk];
        flipRows = new int[chunk];
      }
      if (slope.length < neurons) {
        slope = new float[neurons];
        negative = new int[neurons];
        flip = new int[neurons];
      }
    }
  }

  private SlopeSelect() {}

  /** Whether the loop takes these arrays: whole, row-major float z and d of one shape, slopes [P, 1, width]. */
  public static boolean suits(INDArray z, INDArray slope, INDArray d) {
    if (z.rank() != 3 || slope == null || slope.rank() != 3 || z.length() > Integer.MAX_VALUE) {
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
    run(z, slope, d, null);
  }

  /**
   * d = f'(z) as {@link #derivative} gives it, and h = z d, each product of two floats rounded once to
   * float (what ND4J's multiply gives): the leaky family's forward pass in one sweep over z. h must be
   * whole, row-major and float, shaped as z.
   */
  public static void forward(INDArray z, INDArray slope, INDArray d, INDArray h) {
    if (!suits(h, slope, d)) {
      throw new IllegalArgumentException("h must be a whole row-major float array shaped as z");
    }
    run(z, slope, d, h);
  }

  private static void run(INDArray z, INDArray slope, INDArray d, INDArray h) {
    Buffers b = BUFFERS.get();
    int p = (int) z.size(0);
    int rows = (int) z.size(1);
    int width = (int) z.size(2);
    int neurons = p * width;
    int block = rows * width;
    // a chunk: several whole networks where a network's rows are fewer than CHUNK elements, else some
    // rows of one network; either way contiguous in z
    int networksPerChunk = Math.max(1, CHUNK / Math.max(1, block));
    int rowsPerChunk = block <= CHUNK ? rows : Math.max(1, CHUNK / Math.max(1, width));
    int patternRows = Math.min(rowsPerChunk, rows);
    int chunk = Math.max(1, networksPerChunk * patternRows * width);
    b.grow(chunk, neurons);
    new FloatPointer(slope.data().addressPointer()).get(b.slope, 0, neurons);
    for (int j = 0; j < neurons; j++) {
      float a = b.slope[j];
      float oneMinus = 1f - a;
      int negative = Float.floatToRawIntBits(0f * oneMinus + a);
      b.negative[j] = negative;
      b.flip[j] = negative ^ Float.floatToRawIntBits(oneMinus + a); // xor with this turns the negative side's bits into the positive's
    }
    IntPointer zInts = new IntPointer(z.data().addressPointer());
    FloatPointer zFloats = new FloatPointer(z.data().addressPointer());
    IntPointer dInts = new IntPointer(d.data().addressPointer());
    FloatPointer dFloats = new FloatPointer(d.data().addressPointer());
    FloatPointer hFloats = h == null ? null : new FloatPointer(h.data().addressPointer());
    for (int s0 = 0; s0 < p; s0 += networksPerChunk) {
      int networks = Math.min(networksPerChunk, p - s0);
      // each network's two values laid out as its rows of z are, row after row (doubling copies), so
      // the loop below indexes every array alike: with offsets that differ the compiler cannot rule
      // out that the arrays overlap, and leaves the loop scalar (measured 20x slower)
      for (int t = 0; t < networks; t++) {
        int base = t * patternRows * width;
        System.arraycopy(b.negative, (s0 + t) * width, b.negativeRows, base, width);
        System.arraycopy(b.flip, (s0 + t) * width, b.flipRows, base, width);
        RepeatedRows.fill(b.negativeRows, base, width, patternRows * width);
        RepeatedRows.fill(b.flipRows, base, width, patternRows * width);
      }
      for (int r0 = 0; r0 < rows; r0 += rowsPerChunk) {
        int count = networks * Math.min(rowsPerChunk, rows - r0) * width; // several networks only where rowsPerChunk = rows
        long offset = (long) s0 * block + (long) r0 * width;
        select(b, zInts.position(offset), dInts.position(offset), count);
        if (hFloats != null) {
          // z and d read again as floats: a product over the int buffers' bits (intBitsToFloat) ran slower
          zFloats.position(offset).get(b.zf, 0, count);
          dFloats.position(offset).get(b.df, 0, count);
          multiply(b.zf, b.df, b.h, count);
          hFloats.position(offset).put(b.h, 0, count);
        }
      }
    }
  }

  /** One chunk of d from z's bits: the neuron's negative-side bits, or its positive side's where z > 0. */
  private static void select(Buffers b, IntPointer z, IntPointer d, int count) {
    int[] zb = b.z;
    int[] db = b.d;
    int[] neg = b.negativeRows;
    int[] flip = b.flipRows;
    z.get(zb, 0, count);
    for (int i = 0; i < count; i++) {
      // t = bits - 1 lies in [0, +inf's bits) exactly when z > 0: both conditions as sign bits
      int t = zb[i] - 1;
      int positive = ~(t >> 31) & ((t - POSITIVE_INFINITY_BITS) >> 31);
      db[i] = neg[i] ^ (flip[i] & positive);
    }
    d.put(db, 0, count);
  }

  /** h = z d over one chunk. */
  private static void multiply(float[] z, float[] d, float[] h, int count) {
    for (int i = 0; i < count; i++) {
      h[i] = z[i] * d[i];
    }
  }
}
