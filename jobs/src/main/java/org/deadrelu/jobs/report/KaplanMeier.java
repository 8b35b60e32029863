package org.deadrelu.jobs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The Kaplan-Meier product-limit estimate of a survival function, with Greenwood's variance.
 * Input: (time, deaths, censored) counts; a subject censored at time t is still at risk at t (the
 * usual convention: deaths at t happen before censoring at t).
 */
public final class KaplanMeier {
  private KaplanMeier() {}

  /** One step of the estimate: just after {@code time}, the survival is {@code survival}. */
  public record Point(long time, long atRisk, long deaths, long censored, double survival,
      double stdError, double low, double high) {}

  /** Subjects observed at one time: how many died there and how many were censored there. */
  public record Count(long time, long deaths, long censored) {}

  /** The estimate at every distinct time in the counts (times with deaths or censoring), in order. */
  public static List<Point> estimate(List<Count> counts, double level) {
    TreeMap<Long, long[]> byTime = new TreeMap<>();
    long n = 0;
    for (Count c : counts) {
      long[] dc = byTime.computeIfAbsent(c.time(), t -> new long[2]);
      dc[0] += c.deaths();
      dc[1] += c.censored();
      n += c.deaths() + c.censored();
    }
    double z = new org.apache.commons.math3.distribution.NormalDistribution()
        .inverseCumulativeProbability(1 - (1 - level) / 2);
    List<Point> out = new ArrayList<>();
    double s = 1;
    double greenwood = 0;
    long atRisk = n;
    for (var e : byTime.entrySet()) {
      long d = e.getValue()[0];
      long c = e.getValue()[1];
      if (d > 0) {
        s *= 1 - (double) d / atRisk;
        greenwood = atRisk > d ? greenwood + (double) d / ((double) atRisk * (atRisk - d)) : Double.POSITIVE_INFINITY;
      }
      double se = s == 0 ? 0 : s * Math.sqrt(greenwood);
      out.add(new Point(e.getKey(), atRisk, d, c, s, se,
          Math.max(0, s - z * se), Math.min(1, s + z * se)));
      atRisk -= d + c;
    }
    return out;
  }

  /** Convenience: one subject per (time, event) pair; event false means censored at that time. */
  public static List<Point> fromSubjects(long[] times, boolean[] events, double level) {
    List<Count> counts = new ArrayList<>();
    for (int i = 0; i < times.length; i++) {
      counts.add(new Count(times[i], events[i] ? 1 : 0, events[i] ? 0 : 1));
    }
    return estimate(counts, level);
  }
}
