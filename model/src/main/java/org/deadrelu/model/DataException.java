package org.deadrelu.model;

/**
 * Bad data or a data setting that cannot be honoured. Unchecked: a trial that hits it fails with
 * this message recorded in its {@code error} column, so the message names the source, the place
 * (row, column or setting) and what would be accepted.
 */
public class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataException(String message) {
    super(message);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}
