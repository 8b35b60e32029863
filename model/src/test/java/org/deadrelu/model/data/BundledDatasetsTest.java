package org.deadrelu.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

// Expected counts come from DATA.md and from counting the label column of the files with cut | uniq.
class BundledDatasetsTest {

  @Test
  void digitsHas1797RowsOf64PixelsValued0To16WithLabels0To9AllPresent() {
    LabeledTable t = BundledDatasets.digits();
    assertEquals(1797, t.rows());
    assertEquals(64, t.columns());
    assertEquals("pixel_0", t.featureNames()[0]);
    assertEquals("pixel_63", t.featureNames()[63]);
    int[] counts = new int[10];
    for (int i = 0; i < t.rows(); i++) {
      assertEquals(64, t.features()[i].length);
      for (double v : t.features()[i]) {
        assertTrue(v >= 0 && v <= 16 && v == Math.rint(v), "pixel " + v);
      }
      counts[(int) t.labels()[i]]++;
    }
    // per-class counts of the UCI test portion, counted independently from the CSV
    assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, counts);
  }

  @Test
  void breastCancerHas569RowsOf30FeaturesWith212MalignantAnd357Benign() {
    LabeledTable t = BundledDatasets.breastCancer();
    assertEquals(569, t.rows());
    assertEquals(30, t.columns());
    assertEquals("mean_radius", t.featureNames()[0]);
    assertEquals("worst_fractal_dimension", t.featureNames()[29]);
    int malignant = 0;
    int benign = 0;
    for (double y : t.labels()) {
      if (y == 0) {
        malignant++;
      } else if (y == 1) {
        benign++;
      }
    }
    assertEquals(212, malignant);
    assertEquals(357, benign);
    // first data row of the file: 17.99,10.38,122.8,1001,... label 0
    assertEquals(17.99, t.features()[0][0]);
    assertEquals(1001.0, t.features()[0][3]);
    assertEquals(0.0, t.labels()[0]);
  }

  @Test
  void tablesAreReadOnceAndShared() {
    assertSame(BundledDatasets.digits(), BundledDatasets.digits());
    assertSame(BundledDatasets.breastCancer(), BundledDatasets.breastCancer());
  }
}
