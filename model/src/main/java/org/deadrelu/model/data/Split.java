package org.deadrelu.model.data;

import java.util.SplittableRandom;
import org.deadrelu.model.DataException;

/**
 * A train/test split of a table: the rows are shuffled with the data seed and the first
 * round(rows * testFraction) go to test. Rows are copied, so the (possibly shared) table is never
 * aliased by a trial's data.
 *
 * @param trainX training features, at least one row
 * @param trainY training labels
 * @param testX held-out features, possibly zero rows
 * @param testY held-out labels
 */
public record Split(double[][] trainX, double[] trainY, double[][] testX, double[] testY) {

  /**
   * Mixed into the seed so the shuffle does not replay the random stream a generator drew from
   * the same data seed.
   */
  private static final long SALT = 0x5DEECE66DL;

  public static Split of(LabeledTable table, double testFraction, long seed) {
    int n = table.rows();
    int test = testRows(n, testFraction);
    int[] order = shuffledRows(n, seed);
    double[][] testX = new double[test][];
    double[] testY = new double[test];
    double[][] trainX = new double[n - test][];
    double[] trainY = new double[n - test];
    for (int i = 0; i < n; i++) {
      int r = order[i];
      if (i < test) {
        testX[i] = table.features()[r].clone();
        testY[i] = table.labels()[r];
      } else {
        trainX[i - test] = table.features()[r].clone();
        trainY[i - test] = table.labels()[r];
      }
    }
    return new Split(trainX, trainY, testX, testY);
  }

  /** round(rows * testFraction), capped so that training keeps at least one row. */
  public static int testRows(int rows, double testFraction) {
    if (!(testFraction >= 0 && testFraction < 1)) {
      throw new DataException("data.test_fraction must be in [0, 1), got " + testFraction);
    }
    return (int) Math.min(Math.round(rows * testFraction), rows - 1L);
  }

  /** A permutation of 0..rows-1: Fisher–Yates driven by a SplittableRandom seeded from seed. */
  static int[] shuffledRows(int rows, long seed) {
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed ^ SALT);
    for (int i = rows - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
