package org.deadrelu.jobs.report;

import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * A binomial proportion (e.g. the share of a configuration's seeds that diverged) with its Wilson
 * score interval, which stays within [0, 1] and is not empty at 0 or n successes as the t interval is.
 */
public record Proportion(long successes, long trials, double share, double low, double high) {

  public static Proportion wilson(long successes, long trials, double level) {
    if (trials == 0) {
      return new Proportion(0, 0, Double.NaN, Double.NaN, Double.NaN);
    }
    var ci = new WilsonScoreInterval().createInterval(Math.toIntExact(trials), Math.toIntExact(successes), level);
    // at 0 or n successes the bound is exactly 0 or 1; rounding would leave it a hair off
    double low = successes == 0 ? 0 : Math.max(0, ci.getLowerBound());
    double high = successes == trials ? 1 : Math.min(1, ci.getUpperBound());
    return new Proportion(successes, trials, (double) successes / trials, low, high);
  }
}
