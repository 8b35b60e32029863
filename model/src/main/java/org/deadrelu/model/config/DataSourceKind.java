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
  PARQUET;

  public boolean isSynthetic() {
    return this == BLOBS || this == SPIRALS || this == TEACHER || this == FUNCTION;
  }

  public boolean isFile() {
    return this == CSV || this == PARQUET;
  }

  /** The task the source poses: regression for teacher and function; a file defaults to classification. */
  public String naturalTask() {
    return this == TEACHER || this == FUNCTION ? Settings.REGRESSION : Settings.CLASSIFICATION;
  }
}
