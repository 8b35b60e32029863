package org.deadrelu.model.population;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One value per network of a population (a learning rate, a decay strength), as a [P, 1, 1] column
 * that broadcasts over any [P, r, c] array. When every network has the same value a scalar op is
 * used instead: it is several times cheaper than a broadcast on these machines.
 */
public final class PerSlice {
  private final double[] values;
  private final INDArray column;
  private boolean uniform;

  public PerSlice(double[] values, DataType dtype) {
    this.values = values.clone();
    this.column = Nd4j.create(this.values, new long[] {values.length, 1, 1}, DataType.DOUBLE).castTo(dtype);
    refresh();
  }

  public double get(int slice) {
    return values[slice];
  }

  public void set(int slice, double value) {
    values[slice] = value;
    column.putScalar(new long[] {slice, 0, 0}, value);
    refresh();
  }

  public int size() {
    return values.length;
  }

  public boolean allZero() {
    return uniform && values[0] == 0.0;
  }

  /** x *= value, slice by slice. */
  public void multiply(INDArray x) {
    if (uniform) {
      x.muli(values[0]);
    } else {
      x.muli(column);
    }
  }

  /** The [P, 1, 1] column (for arithmetic that needs the array itself). */
  public INDArray column() {
    return column;
  }

  private void refresh() {
    uniform = true;
    for (double v : values) {
      uniform &= Double.compare(v, values[0]) == 0;
    }
  }
}
