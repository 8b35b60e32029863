package org.deadrelu.jobs.sweep.yaml;

/**
 * One thing wrong with a sweep file, located as precisely as the file allows.
 *
 * @param file the file's display name, as given to the loader
 * @param line 1-based line, 0 when the problem has no single place (an empty file, a plan too large)
 * @param column 1-based column, 0 when unknown
 * @param field dotted path of the setting concerned, such as {@code train.lr} or {@code grid.alpha}; empty
 *     when the problem concerns the file as a whole
 * @param message what is wrong, what was given and what is accepted
 */
public record SweepProblem(String file, int line, int column, String field, String message) {

  public SweepProblem {
    field = field == null ? "" : field;
  }

  /**
   * Compiler style, so editors and terminals can jump to it:
   * {@code quickstart.yaml:12:5: train.lr: must be > 0, got -0.1}.
   */
  @Override
  public String toString() {
    return located(file, line, column, field, message);
  }

  /** The compiler-style line of a problem or a note at this place. */
  static String located(String file, int line, int column, String field, String message) {
    StringBuilder s = new StringBuilder(file);
    if (line > 0) {
      s.append(':').append(line);
      if (column > 0) {
        s.append(':').append(column);
      }
    }
    s.append(": ");
    if (!field.isEmpty()) {
      s.append(field).append(": ");
    }
    return s.append(message).toString();
  }
}
