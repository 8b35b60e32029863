package org.deadrelu.model.config;

/** Where a trial's data comes from. */
public enum DataSourceKind {
  /** Gaussian blobs, one per class. */
  BLOBS,
  /** Two interleaved spirals, two classes. */
  SPIRALS,
  /** Regression on the output of a random teacher network. */
  TEACHER,
  /** A 1-D function (such as |x|) on an evenly spaced grid: regression. */
  FUNCTION,
  /** Optical handwritten digits (UCI), bundled. */
  DIGITS,
  /** Breast Cancer Wisconsin (Diagnostic) (UCI), bundled. */
  BREAST_CANCER,
  /** A CSV file with a header and a label column, at any Hadoop path. */
  CSV,
  /** A Parquet file or folder with a label column, at any Hadoop path. */
  PARQUET,
  /**
   * Dohare et al.'s slowly-changing regression: an online stream of bit inputs whose slow bits change
   * every {@code data.period} steps, targets from a fixed random network of linear threshold units.
   */
  SLOWLY_CHANGING;

  public boolean isSynthetic() {
    return this == BLOBS || this == SPIRALS || this == TEACHER || this == FUNCTION;
  }

  public boolean isFile() {
    return this == CSV || this == PARQUET;
  }

  /** A stream of fresh examples, one batch per step, rather than a table split into training and held-out rows. */
  public boolean isStream() {
    return this == SLOWLY_CHANGING;
  }

  /** The task the source poses: regression for teacher, function and slowly_changing; a file defaults to classification. */
  public String naturalTask() {
    return this == TEACHER || this == FUNCTION || this == SLOWLY_CHANGING ? Settings.REGRESSION : Settings.CLASSIFICATION;
  }
}
