package org.deadrelu.jobs.sweep.yaml;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Collects the problems of one file, so a user sees all of them at once. Identical problems are
 * kept once: checking every trial of a grid would otherwise repeat one mistake per trial.
 */
public final class Problems {

  /** A file of 100,000 misspelt keys needs the first few reported, not all of them. */
  public static final int MAX_REPORTED = 100;

  private final String file;
  private final Set<SweepProblem> found = new LinkedHashSet<>();
  private int omitted;

  public Problems(String file) {
    this.file = file;
  }

  /** The file's display name, as given to the loader. */
  public String file() {
    return file;
  }

  /** A problem at a node of the file; {@code at} may be null for settings that came from defaults. */
  public void at(Node at, String field, String message) {
    at(at == null ? Optional.empty() : at.getStartMark(), field, message);
  }

  public void at(Optional<Mark> mark, String field, String message) {
    // snakeyaml counts from 0, editors from 1
    atLine(mark.map(m -> m.getLine() + 1).orElse(0), mark.map(m -> m.getColumn() + 1).orElse(0), field, message);
  }

  /** A problem at a 1-based line and column (0 when unknown). */
  public void atLine(int line, int column, String field, String message) {
    add(new SweepProblem(file, line, column, field, message));
  }

  /** The 1-based line a node starts on, for messages that point at an earlier place ("first on line 3"). */
  public static int lineOf(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  /** A problem with no single place in the file. */
  public void general(String field, String message) {
    add(new SweepProblem(file, 0, 0, field, message));
  }

  private void add(SweepProblem problem) {
    if (found.size() < MAX_REPORTED) {
      found.add(problem);
    } else if (!found.contains(problem)) {
      omitted++;
    }
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  public void throwIfAny() {
    if (found.isEmpty()) {
      return;
    }
    List<SweepProblem> all = new ArrayList<>(found);
    if (omitted > 0) {
      all.add(new SweepProblem(file, 0, 0, "", "and " + omitted + " more problems not shown"));
    }
    throw new SweepValidationException(all);
  }
}
