package org.deadrelu.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The buffers of one forward and backward pass over a fixed number of rows, allocated once and
 * reused every step, so a training step allocates no native memory. Every buffer is a whole,
 * contiguous array: an element-wise ND4J op on a strided view is far slower than on a contiguous one
 * (docs/design.md).
 *
 * <p>Layer l reads {@code a[l]} [P, rows, in]; a hidden layer's output is the next layer's input.
 * {@code ones} [P, rows, 1] turns bias addition and the bias gradient into batched gemms, which
 * were faster here than a broadcast add and a row reduction.
 */
public final class Pass {
  final int rows;
  final INDArray[] a;
  final INDArray[] z;
  final INDArray[] d;
  /** Per hidden layer, a buffer the activation and the slope gradient may overwrite. */
  final INDArray[] scratch;
  final INDArray[] dz;
  final INDArray[] da;
  final INDArray ones;
  final INDArray headScratch;
  final INDArray perSlice;

  Pass(int population, int[] sizes, int rows, DataType dtype) {
    this.rows = rows;
    int layers = sizes.length - 1;
    a = new INDArray[layers];
    z = new INDArray[layers];
    d = new INDArray[layers];
    scratch = new INDArray[layers];
    dz = new INDArray[layers];
    da = new INDArray[layers];
    for (int l = 0; l < layers; l++) {
      a[l] = Nd4j.create(dtype, population, rows, sizes[l]);
      z[l] = Nd4j.create(dtype, population, rows, sizes[l + 1]);
      dz[l] = Nd4j.create(dtype, population, rows, sizes[l + 1]);
      if (l > 0) {
        da[l] = Nd4j.create(dtype, population, rows, sizes[l]);
        d[l - 1] = Nd4j.create(dtype, population, rows, sizes[l]);
        scratch[l - 1] = Nd4j.create(dtype, population, rows, sizes[l]);
      }
    }
    ones = Nd4j.ones(dtype, population, rows, 1);
    headScratch = Nd4j.create(dtype, population, rows, sizes[layers]);
    perSlice = Nd4j.create(dtype, population);
  }

  public int rows() {
    return rows;
  }

  /** The network input [P, rows, in]. */
  public INDArray input() {
    return a[0];
  }

  /** Pre-activations of layer l, [P, rows, width]. */
  public INDArray z(int l) {
    return z[l];
  }

  /** Outputs of hidden layer l, [P, rows, width]. */
  public INDArray h(int l) {
    return a[l + 1];
  }

  /** f'(z) of hidden layer l, [P, rows, width]. */
  public INDArray derivative(int l) {
    return d[l];
  }

  /** The output layer's pre-activation, read by the head. */
  public INDArray output() {
    return z[z.length - 1];
  }
}
