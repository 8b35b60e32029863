package org.deadrelu.model.population;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A reused Java copy of a whole, row-major float or double ND4J array, read and written with one
 * native copy each way. For small arrays a plain loop over such a copy beats a chain of ND4J ops,
 * each of which costs tens of microseconds whatever its size. The copy grows to the largest array
 * it has held and is then reused, so steady-state calls allocate nothing. One per user and thread.
 */
public final class HostCopy {
  private double[] values = new double[0];
  private float[] floats = new float[0];

  /** The array's elements in row-major order, in the first {@code a.length()} entries. */
  public double[] read(INDArray a) {
    return readRange(a, 0, length(a));
  }

  /**
   * Elements [from, from + count) of the array in row-major order, in the first {@code count} entries:
   * one slice at a time keeps a loop over a large array within the caches (a population's probe
   * arrays run to megabytes, which a copy of the whole would stream through memory twice more).
   */
  public double[] readRange(INDArray a, int from, int count) {
    checkRange(length(a), from, count);
    grow(count, a.dataType());
    if (a.dataType() == DataType.FLOAT) {
      new FloatPointer(a.data().addressPointer()).position(from).get(floats, 0, count);
      for (int i = 0; i < count; i++) {
        values[i] = floats[i];
      }
    } else {
      new DoublePointer(a.data().addressPointer()).position(from).get(values, 0, count);
    }
    return values;
  }

  /**
   * A float array's elements in row-major order, in the first {@code a.length()} entries, as floats:
   * one native copy, without the conversion to double {@link #read} makes (which costs more than the copy).
   */
  public float[] readFloats(INDArray a) {
    int n = floatLength(a);
    new FloatPointer(a.data().addressPointer()).get(floats, 0, n);
    return floats;
  }

  /**
   * Elements [from, from + count) of a float array in row-major order, as floats, in the first
   * {@code count} entries: {@link #readRange} without the conversion to double.
   */
  public float[] readFloatsRange(INDArray a, int from, int count) {
    int n = length(a);
    if (a.dataType() != DataType.FLOAT) {
      throw new IllegalArgumentException("a float array is needed, got " + a.dataType());
    }
    checkRange(n, from, count);
    if (floats.length < count) {
      floats = new float[count];
    }
    new FloatPointer(a.data().addressPointer()).position(from).get(floats, 0, count);
    return floats;
  }

  private int floatLength(INDArray a) {
    int n = length(a);
    if (a.dataType() != DataType.FLOAT) {
      throw new IllegalArgumentException("a float array is needed, got " + a.dataType());
    }
    if (floats.length < n) {
      floats = new float[n];
    }
    return n;
  }

  /** A scratch array of at least {@code a.length()} entries, to fill and then {@link #write}. */
  public double[] buffer(INDArray a) {
    grow(length(a), a.dataType());
    return values;
  }

  /** Writes the first {@code a.length()} entries of {@code from} into the array (rounded to float for a float array). */
  public void write(double[] from, INDArray a) {
    int n = length(a);
    if (a.dataType() == DataType.FLOAT) {
      grow(n, DataType.FLOAT);
      for (int i = 0; i < n; i++) {
        floats[i] = (float) from[i];
      }
      new FloatPointer(a.data().addressPointer()).put(floats, 0, n);
    } else {
      new DoublePointer(a.data().addressPointer()).put(from, 0, n);
    }
  }

  private static void checkRange(int n, int from, int count) {
    if (from < 0 || count < 0 || from > n - count) {
      throw new IllegalArgumentException("elements [" + from + ", " + (from + count) + ") of " + n);
    }
  }

  private void grow(int n, DataType type) {
    if (values.length < n) {
      values = new double[n];
    }
    if (type == DataType.FLOAT && floats.length < n) {
      floats = new float[n];
    }
  }

  private static int length(INDArray a) {
    DataType t = a.dataType();
    if ((t != DataType.FLOAT && t != DataType.DOUBLE) || !NativeArrays.wholeRowMajor(a) || a.length() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a whole row-major float or double array is needed, got " + a.shapeInfoToString());
    }
    return (int) a.length();
  }
}
