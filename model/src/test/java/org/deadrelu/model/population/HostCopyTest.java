package org.deadrelu.model.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class HostCopyTest {
  @Test
  void aRangeIsThoseElementsInRowMajorOrder() {
    for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
      double[] k = new double[60];
      for (int i = 0; i < k.length; i++) {
        k[i] = i;
      }
      INDArray a = Nd4j.create(k, new long[] {3, 4, 5}, DataType.DOUBLE).castTo(t); // element i holds i
      HostCopy copy = new HostCopy();
      copy.read(a); // a larger read before must not show through
      double[] got = copy.readRange(a, 20, 20);
      for (int i = 0; i < 20; i++) {
        assertEquals(20 + i, got[i], t + " at " + i);
      }
      got = copy.readRange(a, 59, 1);
      assertEquals(59, got[0], t.toString());
      assertThrows(IllegalArgumentException.class, () -> copy.readRange(a, 50, 11));
      assertThrows(IllegalArgumentException.class, () -> copy.readRange(a, -1, 2));
    }
  }

  @Test
  void floatsAreReadWithoutConversion() {
    float[] v = {1.5f, -0f, Float.MIN_VALUE, Float.NaN, 3e38f, -7f};
    INDArray a = Nd4j.create(v, new long[] {2, 3}, 'c');
    HostCopy copy = new HostCopy();
    float[] got = copy.readFloats(a);
    for (int i = 0; i < v.length; i++) {
      assertEquals(Float.floatToRawIntBits(v[i]), Float.floatToRawIntBits(got[i]), "at " + i);
    }
    assertThrows(IllegalArgumentException.class, () -> copy.readFloats(a.castTo(DataType.DOUBLE)));
  }
}
