package org.deadrelu.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.deadrelu.model.DataException;
import org.junit.jupiter.api.Test;

class BlobsTest {

  @Test
  void shapeIsSamplesByFeatures() {
    LabeledTable t = Blobs.generate(100, 4, 7, 1.0, 1);
    assertEquals(100, t.rows());
    assertEquals(7, t.columns());
    assertEquals(100, t.labels().length);
    for (double[] row : t.features()) {
      assertEquals(7, row.length);
    }
  }

  @Test
  void classesDifferInSizeByAtMostOne() {
    LabeledTable t = Blobs.generate(10, 3, 2, 1.0, 1);
    int[] counts = new int[3];
    for (double y : t.labels()) {
      counts[(int) y]++;
    }
    assertArrayEquals(new int[] {4, 3, 3}, counts);
  }

  @Test
  void withoutNoiseEveryPointOfAClassIsItsCenterInsideTheBox() {
    LabeledTable t = Blobs.generate(30, 3, 5, 0.0, 9);
    double[][] first = new double[3][];
    for (int i = 0; i < t.rows(); i++) {
      int k = (int) t.labels()[i];
      if (first[k] == null) {
        first[k] = t.features()[i];
      }
      assertArrayEquals(first[k], t.features()[i]);
      for (double v : t.features()[i]) {
        assertTrue(v >= -5 && v <= 5);
      }
    }
    assertFalse(Arrays.equals(first[0], first[1]));
  }

  @Test
  void clusterSpreadIsTheNoiseLevel() {
    double noise = 0.5;
    LabeledTable t = Blobs.generate(20000, 2, 1, noise, 3);
    // distance from the class mean, per class, estimates the cluster std
    for (int k = 0; k < 2; k++) {
      double sum = 0;
      double sumSq = 0;
      int n = 0;
      for (int i = 0; i < t.rows(); i++) {
        if (t.labels()[i] == k) {
          double v = t.features()[i][0];
          sum += v;
          sumSq += v * v;
          n++;
        }
      }
      double mean = sum / n;
      double std = Math.sqrt(sumSq / n - mean * mean);
      assertEquals(noise, std, 0.02);
    }
  }

  @Test
  void sameSeedGivesSameDataAndAnotherSeedDifferentData() {
    LabeledTable a = Blobs.generate(50, 3, 2, 1.0, 42);
    LabeledTable b = Blobs.generate(50, 3, 2, 1.0, 42);
    LabeledTable c = Blobs.generate(50, 3, 2, 1.0, 43);
    assertTrue(Arrays.deepEquals(a.features(), b.features()));
    assertArrayEquals(a.labels(), b.labels());
    assertFalse(Arrays.deepEquals(a.features(), c.features()));
  }

  @Test
  void fewerSamplesThanClassesIsRejectedNamingTheSetting() {
    DataException e = assertThrows(DataException.class, () -> Blobs.generate(2, 3, 2, 1.0, 1));
    assertTrue(e.getMessage().contains("data.samples"), e.getMessage());
    assertThrows(DataException.class, () -> Blobs.generate(10, 1, 2, 1.0, 1));
    assertThrows(DataException.class, () -> Blobs.generate(10, 2, 2, Double.NaN, 1));
  }
}
