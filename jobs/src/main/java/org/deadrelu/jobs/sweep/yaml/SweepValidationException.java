package org.deadrelu.jobs.sweep.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** A sweep file that cannot be run, with every problem found in it (not just the first). */
public class SweepValidationException extends RuntimeException {

  private final List<SweepProblem> problems;

  public SweepValidationException(List<SweepProblem> problems) {
    super(problems.stream().map(SweepProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** The problems in the order they were found (file order within each checking pass). */
  public List<SweepProblem> problems() {
    return problems;
  }
}
