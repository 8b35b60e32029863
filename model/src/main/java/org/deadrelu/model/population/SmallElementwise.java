package org.deadrelu.model.population;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element-wise ops on small whole arrays as plain loops over one host copy each: an ND4J op costs
 * microseconds whatever its size (an op context allocated, its native memory accounted), which at
 * batch 1 is most of a population's step. Only ops whose float result is exact either way (a
 * comparison, a maximum with 0, one product of two floats) go here, so which path ran never shows in
 * the numbers.
 */
public final class SmallElementwise {
  /** Elements up to which the loops beat an ND4J op (a population of 90 20-5-1 networks at batch 1 has 450). */
  static final long MAX_ELEMENTS = 16_384;

  private static final ThreadLocal<HostCopy[]> SCRATCH = ThreadLocal.withInitial(
      () -> new HostCopy[] {new HostCopy(), new HostCopy(), new HostCopy()});

  private SmallElementwise() {}

  /** Whether the arrays can take the loops: small, whole, row-major, of one float type and length. */
  public static boolean suits(INDArray... arrays) {
    INDArray first = arrays[0];
    if (first.length() > MAX_ELEMENTS) {
      return false;
    }
    for (INDArray a : arrays) {
      if (a.dataType() != first.dataType() || a.length() != first.length() || !first.dataType().isFPType()
          || !NativeArrays.wholeRowMajor(a) || !(a.dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT
              || a.dataType() == org.nd4j.linalg.api.buffer.DataType.DOUBLE)) {
        return false;
      }
    }
    return true;
  }

  /**
   * h = max(z, 0) and d = f'(z): 1 where z > 0, 0 where z < 0, {@code gradAtZero} where z = 0. A NaN
   * z gives h = NaN and d = gradAtZero, as the engine's ND4J ops give (and so does everything else:
   * the population's size decides which path runs, and a trial's numbers must not depend on it).
   */
  public static void relu(INDArray z, INDArray h, INDArray d, int gradAtZero) {
    HostCopy[] s = SCRATCH.get();
    double[] zv = s[0].read(z);
    double[] hv = s[1].buffer(h);
    double[] dv = s[2].buffer(d);
    int n = (int) z.length();
    for (int i = 0; i < n; i++) {
      double v = zv[i];
      dv[i] = v > 0 ? 1 : v < 0 ? 0 : gradAtZero;
      // with f'(0) = 1 the engine forms h as z f'(z), so -inf gives NaN there as it does in ND4J
      hv[i] = gradAtZero == 0 ? (v <= 0 ? 0 : v) : v * dv[i];
    }
    s[1].write(hv, h);
    s[2].write(dv, d);
  }

  /** out = f'(z) of ReLU alone (the probe's derivative). */
  public static void reluDerivative(INDArray z, INDArray out, int gradAtZero) {
    HostCopy[] s = SCRATCH.get();
    double[] zv = s[0].read(z);
    double[] dv = s[2].buffer(out);
    int n = (int) z.length();
    for (int i = 0; i < n; i++) {
      double v = zv[i];
      dv[i] = v > 0 ? 1 : v < 0 ? 0 : gradAtZero;
    }
    s[2].write(dv, out);
  }

  /** out = a * b, element by element (the product of two floats is exact in double, then rounded once). */
  public static void multiply(INDArray a, INDArray b, INDArray out) {
    HostCopy[] s = SCRATCH.get();
    double[] av = s[0].read(a);
    double[] bv = s[1].read(b);
    double[] ov = s[2].buffer(out);
    int n = (int) a.length();
    for (int i = 0; i < n; i++) {
      ov[i] = av[i] * bv[i];
    }
    s[2].write(ov, out);
  }

  /**
   * g += d * v as the engine's two ND4J ops give it: the product rounded to g's type, then the sum
   * rounded (the product of two floats is exact in double; so is the sum wherever rounding it could
   * matter).
   */
  public static void addProduct(INDArray g, INDArray d, INDArray v) {
    HostCopy[] s = SCRATCH.get();
    double[] gv = s[0].read(g);
    double[] dv = s[1].read(d);
    double[] vv = s[2].read(v);
    int n = (int) g.length();
    boolean single = g.dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT;
    for (int i = 0; i < n; i++) {
      double product = single ? (float) (dv[i] * vv[i]) : dv[i] * vv[i];
      gv[i] = gv[i] + product;
    }
    s[0].write(gv, g);
  }
}
