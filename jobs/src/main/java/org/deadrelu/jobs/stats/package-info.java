/**
 * Small statistics for sweeps whose unit is the seed: paired comparisons of two settings that share
 * seeds, one-sample checks that a metric is about a value, and per-group summaries whose interval
 * follows what the metric is (a share of trials, a fraction per trial, a plain number, or a positive
 * number spanning orders of magnitude). Each gives an interval at a chosen confidence level, and the
 * claim checks give a {@link org.deadrelu.jobs.stats.Verdict} read from that interval alone.
 */
package org.deadrelu.jobs.stats;
