package org.deadrelu.jobs.cli;

import org.deadrelu.jobs.UserInputException;
import picocli.CommandLine.Option;

/** The confidence level of the intervals that summarize and report print. */
final class ConfidenceLevelOption {
  @Option(names = "--level", defaultValue = "0.95", description = "Confidence level (default ${DEFAULT-VALUE}).")
  double level;

  /** The level, once checked to lie strictly between 0 and 1. */
  double checked() {
    if (!(level > 0 && level < 1)) {
      throw new UserInputException("--level " + level + ": must be between 0 and 1, e.g. 0.95");
    }
    return level;
  }
}
