package org.deadrelu.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The buffers of one forward and backward pass over a fixed number of rows, allocated once and
 * reused every step, so a training step allocates no native memory.
 *
 * <p>Layer l reads {@code a[l]} [P, rows, in + 1], whose last column is a constant 1: the bias is
 * the last row of the weight array, so one batched gemm computes z = a W + b, and the bias
 * gradient comes out of the weight gradient's gemm. A hidden layer writes its output into the
 * first columns of the next layer's input.
 */
public final class Pass {
  final int rows;
  final INDArray[] a;
  final INDArray[] z;
  final INDArray[] d;
  final INDArray[] h;
  final INDArray[] dz;
  final INDArray[] da;
  /** The first {@code in} columns of da: the gradient reaching the layer below's outputs. */
  final INDArray[] dh;
  final INDArray headScratch;
  final INDArray perSlice;

  Pass(int population, int[] sizes, int rows, DataType dtype) {
    this.rows = rows;
    int layers = sizes.length - 1;
    a = new INDArray[layers];
    z = new INDArray[layers];
    d = new INDArray[layers];
    h = new INDArray[layers];
    dz = new INDArray[layers];
    da = new INDArray[layers];
    dh = new INDArray[layers];
    for (int l = 0; l < layers; l++) {
      a[l] = Nd4j.create(dtype, population, rows, sizes[l] + 1);
      a[l].get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(sizes[l])).assign(1.0);
      z[l] = Nd4j.create(dtype, population, rows, sizes[l + 1]);
      dz[l] = Nd4j.create(dtype, population, rows, sizes[l + 1]);
      if (l > 0) {
        da[l] = Nd4j.create(dtype, population, rows, sizes[l] + 1);
        dh[l] = da[l].get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, sizes[l]));
      }
    }
    for (int l = 0; l + 1 < layers; l++) {
      d[l] = Nd4j.create(dtype, population, rows, sizes[l + 1]);
      h[l] = a[l + 1].get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, sizes[l + 1]));
    }
    headScratch = Nd4j.create(dtype, population, rows, sizes[layers]);
    perSlice = Nd4j.create(dtype, population);
  }

  public int rows() {
    return rows;
  }

  /** The network input [P, rows, in + 1]; fill the first {@code in} columns, keep the last at 1. */
  public INDArray input() {
    return a[0];
  }

  /** Pre-activations of layer l, [P, rows, width]. */
  public INDArray z(int l) {
    return z[l];
  }

  /** Outputs of hidden layer l (a view), [P, rows, width]. */
  public INDArray h(int l) {
    return h[l];
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
