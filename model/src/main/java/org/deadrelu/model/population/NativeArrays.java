package org.deadrelu.model.population;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Which ND4J arrays BLAS can be handed directly, by the address of their native buffer. */
public final class NativeArrays {
  private NativeArrays() {}

  /**
   * Whether the array is its whole buffer, row-major and contiguous from the first element: then
   * element i of the array is element i of the buffer, and a slice p starts p x (slice length) in.
   */
  public static boolean wholeRowMajor(INDArray a) {
    return a.ordering() == 'c' && !a.isView() && a.offset() == 0 && a.elementWiseStride() == 1
        && a.length() == a.data().length();
  }
}
