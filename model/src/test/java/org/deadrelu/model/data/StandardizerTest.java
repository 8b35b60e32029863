package org.deadrelu.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StandardizerTest {

  @Test
  void trainColumnsGetMeanZeroAndStdOne() {
    Random rng = new Random(1);
    double[][] train = new double[200][3];
    for (double[] row : train) {
      row[0] = 1000 + 50 * rng.nextGaussian();
      row[1] = -3 + 0.001 * rng.nextGaussian();
      row[2] = rng.nextInt(17);
    }
    double[][] z = Standardizer.fit(train).transform(train);
    for (int j = 0; j < 3; j++) {
      double sum = 0;
      for (double[] row : z) {
        sum += row[j];
      }
      double mean = sum / z.length;
      double sq = 0;
      for (double[] row : z) {
        sq += (row[j] - mean) * (row[j] - mean);
      }
      assertEquals(0, mean, 1e-9);
      assertEquals(1, Math.sqrt(sq / z.length), 1e-9); // population std
    }
  }

  @Test
  void testRowsUseTheTrainingStatistics() {
    // train column 1, 2, 3, 4: mean 2.5, population variance 1.25;
    // test value 5 -> (5 - 2.5) / sqrt(1.25) = sqrt(6.25 / 1.25) = sqrt(5)
    double[][] train = {{1}, {2}, {3}, {4}};
    double[][] test = {{5}, {2.5}};
    Standardizer s = Standardizer.fit(train);
    double[][] z = s.transform(test);
    assertEquals(Math.sqrt(5), z[0][0], 1e-12);
    assertEquals(0, z[1][0], 1e-12);
    assertEquals(5, test[0][0], "the input is not modified");
  }

  @Test
  void constantColumnIsCentredWithoutNaN() {
    double[][] train = {{7, 1e6 + 0.1}, {7, 1e6 + 0.1}, {7, 1e6 + 0.1}};
    Standardizer s = Standardizer.fit(train);
    double[][] z = s.transform(train);
    double[][] test = s.transform(new double[][] {{9, 1e6 + 1.1}});
    for (double[] row : z) {
      assertEquals(0, row[0]);
      assertEquals(0, row[1], 1e-6);
    }
    assertEquals(1, s.scale(0));
    assertEquals(1, s.scale(1));
    assertEquals(2, test[0][0]); // centred on 7, scale 1
    assertEquals(1, test[0][1], 1e-6);
    assertFalse(Double.isNaN(test[0][0]));
  }
}
