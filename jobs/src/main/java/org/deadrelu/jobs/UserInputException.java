package org.deadrelu.jobs;

/**
 * Something the user gave cannot be used (a path, an option, a data file). Its message says what,
 * where, and what would be accepted; the command line prints it without a stack trace.
 */
public class UserInputException extends RuntimeException {
  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
