package org.deadrelu.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TeacherTest {

  @Test
  void shapeIsSamplesByFeaturesWithOneTargetPerRow() {
    LabeledTable t = Teacher.generate(300, 6, 0.1, 1);
    assertEquals(300, t.rows());
    assertEquals(6, t.columns());
    assertEquals(300, t.labels().length);
  }

  @Test
  void inputsAreStandardNormal() {
    LabeledTable t = Teacher.generate(20000, 2, 0.0, 2);
    for (int j = 0; j < 2; j++) {
      double sum = 0;
      double sumSq = 0;
      for (double[] row : t.features()) {
        sum += row[j];
        sumSq += row[j] * row[j];
      }
      double mean = sum / t.rows();
      assertEquals(0, mean, 0.03);
      assertEquals(1, Math.sqrt(sumSq / t.rows() - mean * mean), 0.03);
    }
  }

  @Test
  void targetsVaryAndNoiseAddsItsStandardDeviation() {
    LabeledTable clean = Teacher.generate(20000, 4, 0.0, 3);
    LabeledTable noisy = Teacher.generate(20000, 4, 0.3, 3);
    // same inputs and teacher; the difference of targets is the noise alone
    assertTrue(Arrays.deepEquals(clean.features(), noisy.features()));
    double sumSq = 0;
    double spread = 0;
    for (int i = 0; i < clean.rows(); i++) {
      double d = noisy.labels()[i] - clean.labels()[i];
      sumSq += d * d;
      spread += Math.abs(clean.labels()[i] - clean.labels()[0]);
    }
    assertEquals(0.3, Math.sqrt(sumSq / clean.rows()), 0.01);
    assertTrue(spread / clean.rows() > 0.05, "a constant teacher would be a useless target");
  }

  @Test
  void sameSeedGivesSameDataAndAnotherSeedDifferentData() {
    LabeledTable a = Teacher.generate(100, 3, 0.1, 11);
    LabeledTable b = Teacher.generate(100, 3, 0.1, 11);
    LabeledTable c = Teacher.generate(100, 3, 0.1, 12);
    assertTrue(Arrays.deepEquals(a.features(), b.features()));
    assertArrayEquals(a.labels(), b.labels());
    assertFalse(Arrays.equals(a.labels(), c.labels()));
  }
}
