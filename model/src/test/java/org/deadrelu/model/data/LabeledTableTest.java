package org.deadrelu.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deadrelu.model.DataException;
import org.junit.jupiter.api.Test;

class LabeledTableTest {

  private static final String[] NAMES = {"a", "b"};

  private static DataException rejected(double[][] x, double[] y, boolean classification) {
    return rejected(NAMES, x, y, classification);
  }

  private static DataException rejected(String[] names, double[][] x, double[] y,
      boolean classification) {
    DataException e = assertThrows(DataException.class,
        () -> LabeledTable.of("bad.csv", names, x, y, classification));
    assertTrue(e.getMessage().startsWith("bad.csv: "), e.getMessage());
    return e;
  }

  private static void mentions(DataException e, String... parts) {
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "'" + p + "' missing from: " + e.getMessage());
    }
  }

  @Test
  void acceptsAValidClassificationTable() {
    LabeledTable t = LabeledTable.of("ok.csv", NAMES, new double[][] {{1, 2}, {3, 4}, {5, 6}},
        new double[] {0, 2, 1}, true);
    assertEquals(3, t.rows());
    assertEquals(2, t.columns());
    assertEquals("ok.csv", t.source());
  }

  @Test
  void raggedRowIsRejectedNamingTheRow() {
    DataException e = rejected(new double[][] {{1, 2}, {3}, {5, 6}}, new double[] {0, 1, 0}, true);
    mentions(e, "row 2", "1 feature values", "2 feature columns");
  }

  @Test
  void nanFeatureIsRejectedNamingRowAndColumn() {
    DataException e =
        rejected(new double[][] {{1, 2}, {3, Double.NaN}}, new double[] {0, 1}, true);
    mentions(e, "row 2", "column 2", "'b'", "NaN", "finite");
  }

  @Test
  void infiniteFeatureIsRejectedNamingRowAndColumn() {
    DataException e = rejected(new double[][] {{Double.NEGATIVE_INFINITY, 2}, {3, 4}},
        new double[] {0, 1}, false);
    mentions(e, "row 1", "column 1", "'a'", "Infinity", "finite");
  }

  @Test
  void nanLabelIsRejectedNamingTheRow() {
    DataException e = rejected(new double[][] {{1, 2}, {3, 4}}, new double[] {0, Double.NaN}, false);
    mentions(e, "row 2", "label", "finite");
  }

  @Test
  void nonIntegerClassLabelIsRejectedSayingWhatIsAccepted() {
    DataException e = rejected(new double[][] {{1, 2}, {3, 4}, {5, 6}},
        new double[] {0, 1, 1.5}, true);
    mentions(e, "row 3", "label", "1.5", "non-negative integer");
    DataException negative = rejected(new double[][] {{1, 2}, {3, 4}}, new double[] {-1, 0}, true);
    mentions(negative, "row 1", "-1.0");
  }

  @Test
  void nonIntegerLabelIsFineForRegression() {
    LabeledTable t = LabeledTable.of("r.csv", NAMES, new double[][] {{1, 2}, {3, 4}},
        new double[] {0.25, -7.5}, false);
    assertEquals(-7.5, t.labels()[1]);
  }

  @Test
  void singleClassIsRejectedNamingTheLabelColumn() {
    DataException e = rejected(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {1, 1, 1}, true);
    mentions(e, "label column", "class 1", "at least 2 classes");
  }

  @Test
  void emptyTableIsRejected() {
    DataException e = rejected(new double[0][], new double[0], true);
    mentions(e, "no data rows", "at least 2 rows");
  }

  @Test
  void tableWithoutFeatureColumnsIsRejected() {
    DataException e = rejected(new String[0], new double[][] {{}, {}}, new double[] {0, 1}, true);
    mentions(e, "no feature columns");
  }

  @Test
  void singleRowIsRejected() {
    DataException e = rejected(new double[][] {{1, 2}}, new double[] {0}, false);
    mentions(e, "1 data row", "at least 2 rows");
  }

  @Test
  void labelCountDifferentFromRowCountIsRejected() {
    DataException e = rejected(new double[][] {{1, 2}, {3, 4}}, new double[] {0, 1, 0}, true);
    mentions(e, "3 labels", "2 data rows");
  }
}
