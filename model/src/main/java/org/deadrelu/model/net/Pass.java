package org.deadrelu.model.net;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.deadrelu.model.population.NativeArrays;
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
 * {@code ones} [P, rows, 1] turns the bias gradient (and the bias add where {@code BatchedGemm.affine}
 * cannot fold it into the product) into batched gemms, which were faster here than a broadcast add
 * and a row reduction.
 */
public final class Pass {
  final int population;
  final int[] sizes;
  final DataType dtype;
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
    this.population = population;
    this.sizes = sizes.clone();
    this.dtype = dtype;
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
      if (l > 0) {
        da[l] = Nd4j.create(dtype, population, rows, sizes[l]);
        d[l - 1] = Nd4j.create(dtype, population, rows, sizes[l]);
        scratch[l - 1] = Nd4j.create(dtype, population, rows, sizes[l]);
      }
    }
    // a hidden layer's dz is formed from the da above it, element by element, and da is not read
    // again: the two share one buffer, which keeps a probe pass's backward in fewer megabytes
    for (int l = 0; l < layers; l++) {
      dz[l] = l + 1 < layers ? da[l + 1] : Nd4j.create(dtype, population, rows, sizes[l + 1]);
    }
    ones = Nd4j.ones(dtype, population, rows, 1);
    headScratch = Nd4j.create(dtype, population, rows, sizes[layers]);
    perSlice = Nd4j.create(dtype, population);
  }

  /**
   * Every buffer but {@code ones} set to zero, as a new pass has them. All bits 0 is +0.0 in float and
   * double, so each whole buffer is cleared by a memset: a third of the time ND4J's assign took on a
   * population's passes (tens of megabytes, cleared once per population).
   */
  void clear() {
    for (INDArray x : buffers(false)) {
      if (NativeArrays.wholeRowMajor(x)) {
        Pointer.memset(x.data().addressPointer(), 0, x.length() * x.dataType().width());
      } else {
        x.assign(0);
      }
    }
  }

  /** Native bytes held. */
  long bytes() {
    long n = 0;
    for (INDArray x : buffers(true)) {
      n += x.length() * x.dataType().width();
    }
    return n;
  }

  /** Frees the native buffers now, rather than when the garbage collector finds them. */
  void close() {
    for (INDArray x : buffers(true)) {
      if (x.closeable()) {
        x.close();
      }
    }
  }

  private List<INDArray> buffers(boolean withOnes) {
    List<INDArray> all = new ArrayList<>();
    for (INDArray[] group : new INDArray[][] {a, z, d, scratch, dz, da}) {
      for (INDArray x : group) {
        if (x != null && all.stream().noneMatch(y -> y == x)) {
          all.add(x);
        }
      }
    }
    all.add(headScratch);
    all.add(perSlice);
    if (withOnes) {
      all.add(ones);
    }
    return all;
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
