package org.deadrelu.model.data;

import java.io.Serializable;

/**
 * A trial's data, split and standardized: features fitted on the training split only.
 *
 * <p>For classification a label is a class index 0..numClasses-1 stored as a double; for regression
 * it is the target value. Plain arrays keep it serializable and independent of any engine.
 *
 * @param name a short description of the source (e.g. "spirals(n=2000,noise=0.2)")
 * @param classification true for classification, false for regression
 * @param numClasses number of classes (1 for regression: one output)
 * @param trainX training features, [rows][features]
 * @param trainY training labels
 * @param testX held-out features, possibly zero rows
 * @param testY held-out labels
 * @param stream for an online source, what it is (its rows are then empty: examples are drawn while
 *     training); null for a table
 */
public record Dataset(
    String name,
    boolean classification,
    int numClasses,
    double[][] trainX,
    double[] trainY,
    double[][] testX,
    double[] testY,
    StreamSpec stream)
    implements Serializable {

  /** A table's data set. */
  public Dataset(String name, boolean classification, int numClasses, double[][] trainX, double[] trainY,
      double[][] testX, double[] testY) {
    this(name, classification, numClasses, trainX, trainY, testX, testY, null);
  }

  /** An online source's: one regression target, no rows. */
  public static Dataset of(String name, StreamSpec stream) {
    return new Dataset(name, false, 1, new double[0][], new double[0], new double[0][], new double[0], stream);
  }

  public int features() {
    if (stream != null) {
      return stream.inputs();
    }
    return trainX.length == 0 ? 0 : trainX[0].length;
  }

  /** Number of network outputs: one per class, or one regression target. */
  public int outputs() {
    return classification ? numClasses : 1;
  }
}
