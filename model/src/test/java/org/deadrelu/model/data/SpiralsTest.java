package org.deadrelu.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpiralsTest {

  @Test
  void shapeIsTwoFeaturesAndClassesAreBalanced() {
    LabeledTable t = Spirals.generate(101, 0.1, 1);
    assertEquals(101, t.rows());
    assertEquals(2, t.columns());
    int[] counts = new int[2];
    for (double y : t.labels()) {
      counts[(int) y]++;
    }
    assertArrayEquals(new int[] {51, 50}, counts);
  }

  /**
   * By hand: a point of class 0 at radius r is r (cos a, sin a) with a = 1.75 turns * r = 3.5 pi r;
   * class 1 is rotated by pi, i.e. -r (cos a, sin a). So the point's projection on (cos a, sin a)
   * is +r for class 0 and -r for class 1, and its projection on the normal (-sin a, cos a) is 0.
   */
  @Test
  void withoutNoiseEachClassLiesOnItsArm() {
    LabeledTable t = Spirals.generate(200, 0.0, 5);
    for (int i = 0; i < t.rows(); i++) {
      double x = t.features()[i][0];
      double y = t.features()[i][1];
      double r = Math.hypot(x, y);
      double a = 3.5 * Math.PI * r;
      double along = x * Math.cos(a) + y * Math.sin(a);
      double across = -x * Math.sin(a) + y * Math.cos(a);
      double sign = t.labels()[i] == 0 ? 1 : -1;
      assertEquals(sign * r, along, 1e-12, "row " + i);
      assertEquals(0, across, 1e-12, "row " + i);
    }
  }

  @Test
  void withoutNoiseRadiiAreEvenlySpacedInsideTheUnitDisc() {
    // 5 points per class at t = 0.1, 0.3, 0.5, 0.7, 0.9
    LabeledTable t = Spirals.generate(10, 0.0, 5);
    double[] radii0 = new double[5];
    double[] radii1 = new double[5];
    int n0 = 0;
    int n1 = 0;
    for (int i = 0; i < t.rows(); i++) {
      double r = Math.hypot(t.features()[i][0], t.features()[i][1]);
      if (t.labels()[i] == 0) {
        radii0[n0++] = r;
      } else {
        radii1[n1++] = r;
      }
    }
    Arrays.sort(radii0);
    Arrays.sort(radii1);
    assertArrayEquals(new double[] {0.1, 0.3, 0.5, 0.7, 0.9}, radii0, 1e-12);
    assertArrayEquals(new double[] {0.1, 0.3, 0.5, 0.7, 0.9}, radii1, 1e-12);
  }

  @Test
  void sameSeedGivesSameDataAndAnotherSeedDifferentData() {
    LabeledTable a = Spirals.generate(100, 0.2, 7);
    LabeledTable b = Spirals.generate(100, 0.2, 7);
    LabeledTable c = Spirals.generate(100, 0.2, 8);
    assertTrue(Arrays.deepEquals(a.features(), b.features()));
    assertFalse(Arrays.deepEquals(a.features(), c.features()));
  }
}
