package org.deadrelu.model.data;

import java.io.Serializable;
import org.deadrelu.model.DataException;

/**
 * A raw table as read or generated: not split, not scaled. Rows are {@code features[row]}, one
 * label per row (a class index as a double, or a regression target).
 *
 * <p>Instances may be cached and shared between trials (see {@link BundledDatasets}): nobody may
 * modify the arrays after construction.
 *
 * @param source where the table came from, for messages (a file path, "digits", "blobs(...)")
 * @param featureNames one name per feature column
 * @param features [rows][columns]
 * @param labels one per row
 */
public record LabeledTable(String source, String[] featureNames, double[][] features, double[] labels)
    implements Serializable {

  /** Fewer rows than this cannot be both trained on and split or standardized. */
  static final int MIN_ROWS = 2;

  public int rows() {
    return features.length;
  }

  public int columns() {
    return featureNames.length;
  }

  /**
   * A validated table, for loaders of outside data. Throws {@link DataException} naming the source,
   * the 1-based data row (header not counted) or column, the problem and what is accepted.
   *
   * @param classification whether labels must be class indices 0, 1, 2, ... with at least 2 classes
   */
  public static LabeledTable of(String source, String[] featureNames, double[][] features,
      double[] labels, boolean classification) {
    String src = source == null ? "<unnamed table>" : source;
    if (features == null || features.length == 0) {
      throw new DataException(src + ": the table has no data rows; at least " + MIN_ROWS
          + " rows are needed");
    }
    if (featureNames == null || featureNames.length == 0) {
      throw new DataException(src + ": the table has no feature columns; at least one numeric"
          + " feature column besides the label is needed");
    }
    if (features.length < MIN_ROWS) {
      throw new DataException(src + ": the table has only " + features.length + " data row; at least "
          + MIN_ROWS + " rows are needed (one to train on, one more to split or scale)");
    }
    if (labels == null || labels.length != features.length) {
      throw new DataException(src + ": " + (labels == null ? 0 : labels.length) + " labels for "
          + features.length + " data rows; every row needs exactly one label");
    }
    int columns = featureNames.length;
    for (int r = 0; r < features.length; r++) {
      double[] row = features[r];
      int width = row == null ? 0 : row.length;
      if (width != columns) {
        throw new DataException(src + ": row " + (r + 1) + " has " + width + " feature values but the"
            + " table has " + columns + " feature columns; every row needs one value per column");
      }
      for (int j = 0; j < columns; j++) {
        if (!Double.isFinite(row[j])) {
          throw new DataException(src + ": row " + (r + 1) + ", column " + (j + 1) + " ('"
              + featureNames[j] + "') is " + row[j] + "; features must be finite numbers");
        }
      }
      checkLabel(src, r, labels[r], classification);
    }
    if (classification) {
      double first = labels[0];
      boolean twoClasses = false;
      for (double y : labels) {
        if (y != first) {
          twoClasses = true;
          break;
        }
      }
      if (!twoClasses) {
        throw new DataException(src + ": label column: all " + labels.length + " rows are class "
            + (long) first + "; classification needs at least 2 classes");
      }
    }
    return new LabeledTable(src, featureNames, features, labels);
  }

  private static void checkLabel(String src, int r, double y, boolean classification) {
    if (!Double.isFinite(y)) {
      throw new DataException(src + ": row " + (r + 1) + ", label column is " + y
          + "; labels must be finite numbers");
    }
    // class indices become output positions, so only 0, 1, 2, ... make sense
    if (classification && (y < 0 || y != Math.rint(y) || y > Integer.MAX_VALUE - 1)) {
      throw new DataException(src + ": row " + (r + 1) + ", label column is " + y
          + "; a classification label must be a non-negative integer class index (0, 1, 2, ...)");
    }
  }
}
