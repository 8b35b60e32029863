package org.deadrelu.jobs.stats;

import java.util.Locale;

/**
 * What an interval says about a claim. NOT_DETECTED is not evidence of no effect: the interval
 * reaches both sides of the claim's boundary, so the data cannot tell.
 */
public enum Verdict {
  CONFIRMED,
  CONTRADICTED,
  NOT_DETECTED;

  /** The verdict as written in a report: "confirmed", "contradicted", "not detected". */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
