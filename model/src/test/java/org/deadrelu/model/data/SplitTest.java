package org.deadrelu.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.deadrelu.model.DataException;
import org.junit.jupiter.api.Test;

class SplitTest {

  /** Row i has feature i and label 100 + i, so every row can be traced through the split. */
  private static LabeledTable numbered(int rows) {
    double[][] x = new double[rows][];
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      x[i] = new double[] {i, -i};
      y[i] = 100 + i;
    }
    return new LabeledTable("numbered", new String[] {"id", "minus_id"}, x, y);
  }

  private static int[] ids(double[][] x) {
    return Arrays.stream(x).mapToInt(row -> (int) row[0]).toArray();
  }

  @Test
  void testGetsRoundedFractionOfRowsAndTrainTheRest() {
    Split s = Split.of(numbered(10), 0.25, 1); // round(2.5) = 3
    assertEquals(3, s.testX().length);
    assertEquals(3, s.testY().length);
    assertEquals(7, s.trainX().length);
    assertEquals(7, s.trainY().length);
    assertEquals(359, Split.of(numbered(1797), 0.2, 1).testX().length); // round(359.4)
  }

  @Test
  void everyRowAppearsExactlyOnceWithItsOwnLabel() {
    Split s = Split.of(numbered(97), 0.3, 5);
    int[] seen = new int[97];
    for (int i = 0; i < s.trainX().length; i++) {
      int id = (int) s.trainX()[i][0];
      seen[id]++;
      assertEquals(100 + id, s.trainY()[i]);
      assertEquals(-id, s.trainX()[i][1]);
    }
    for (int i = 0; i < s.testX().length; i++) {
      int id = (int) s.testX()[i][0];
      seen[id]++;
      assertEquals(100 + id, s.testY()[i]);
    }
    for (int id = 0; id < 97; id++) {
      assertEquals(1, seen[id], "row " + id);
    }
  }

  @Test
  void rowsAreShuffledDeterministicallyBySeed() {
    LabeledTable t = numbered(50);
    Split a = Split.of(t, 0.2, 9);
    Split b = Split.of(t, 0.2, 9);
    Split c = Split.of(t, 0.2, 10);
    assertTrue(Arrays.equals(ids(a.testX()), ids(b.testX())));
    assertTrue(Arrays.equals(ids(a.trainX()), ids(b.trainX())));
    assertFalse(Arrays.equals(ids(a.testX()), ids(c.testX())));
    int[] identity = new int[40];
    Arrays.setAll(identity, i -> i + 10);
    assertFalse(Arrays.equals(identity, ids(a.trainX())), "rows must be shuffled");
  }

  @Test
  void zeroFractionGivesEmptyTestAndKeepsEveryRowForTraining() {
    Split s = Split.of(numbered(10), 0.0, 1);
    assertEquals(0, s.testX().length);
    assertEquals(0, s.testY().length);
    assertEquals(10, s.trainX().length);
  }

  @Test
  void trainingKeepsAtLeastOneRow() {
    Split s = Split.of(numbered(10), 0.99, 1); // round(9.9) = 10, capped at 9
    assertEquals(9, s.testX().length);
    assertEquals(1, s.trainX().length);
  }

  @Test
  void fractionOutsideZeroToOneIsRejected() {
    assertThrows(DataException.class, () -> Split.of(numbered(10), 1.0, 1));
    assertThrows(DataException.class, () -> Split.of(numbered(10), -0.1, 1));
    assertThrows(DataException.class, () -> Split.of(numbered(10), Double.NaN, 1));
  }

  @Test
  void rowsAreCopiedNotShared() {
    LabeledTable t = numbered(4);
    Split s = Split.of(t, 0.0, 1);
    for (double[] row : s.trainX()) {
      assertNotSame(t.features()[(int) row[0]], row);
    }
  }
}
