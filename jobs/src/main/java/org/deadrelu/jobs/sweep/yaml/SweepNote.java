package org.deadrelu.jobs.sweep.yaml;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Something worth knowing about a valid sweep file, located like a {@link SweepProblem}: the file
 * runs as written, but perhaps not as meant (an axis whose values give fewer distinct trials than
 * it lists).
 *
 * @param file the file's display name, as given to the loader
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param field the axis concerned, such as {@code grid.alpha}
 * @param message what the file does
 */
public record SweepNote(String file, int line, int column, String field, String message) {

  /** A note about the part of the file at {@code at}. */
  public static SweepNote at(String file, Node at, String field, String message) {
    int line = at.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    int column = at.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    return new SweepNote(file, line, column, field, message);
  }

  /** {@code quickstart.yaml:22:3: grid.alpha: lists 2 values, ...}, as problems print. */
  @Override
  public String toString() {
    return SweepProblem.located(file, line, column, field, message);
  }
}
