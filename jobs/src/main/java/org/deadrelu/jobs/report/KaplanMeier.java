package org.deadrelu.jobs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The Kaplan-Meier product-limit estimate of a survival function, with Greenwood's variance, or
 * with a cluster bootstrap over trials (see {@link #clustered}).
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

  /** Replicates of the cluster bootstrap: percentile bounds at 95% move by about 0.005 between seeds. */
  public static final int REPLICATES = 2000;

  /**
   * The estimate over every trial's neurons, with percentile intervals from a cluster bootstrap:
   * the neurons of one trial share its weights, data and learning rate and often die together, so
   * they are not the independent subjects Greenwood's formula counts. The trial is the unit: draw
   * as many trials as there are, with replacement, pool their neurons, recompute the curve at every
   * time of the estimate; the interval at a time is the central {@code level} of the replicates
   * there (R's type 7 quantiles). {@code stdError} is the replicates' standard deviation. Seeded:
   * the same input gives the same interval. With one trial the interval is unknown (NaN).
   *
   * @param byTrial each trial's counts; iteration order does not matter (trials are sorted by key)
   */
  public static List<Point> clustered(Map<String, List<Count>> byTrial, double level, int replicates, long seed) {
    List<Count> all = new ArrayList<>();
    byTrial.values().forEach(all::addAll);
    List<Point> point = estimate(all, level);
    int times = point.size();
    List<String> ids = new ArrayList<>(new TreeMap<>(byTrial).keySet());
    int n = ids.size();
    if (n < 2) {
      List<Point> out = new ArrayList<>();
      for (Point p : point) {
        out.add(new Point(p.time(), p.atRisk(), p.deaths(), p.censored(), p.survival(), Double.NaN, Double.NaN, Double.NaN));
      }
      return out;
    }
    // each trial's deaths and censored neurons at each time of the estimate
    Map<Long, Integer> index = new HashMap<>();
    for (int i = 0; i < times; i++) {
      index.put(point.get(i).time(), i);
    }
    long[][] deaths = new long[n][times];
    long[][] censored = new long[n][times];
    for (int t = 0; t < n; t++) {
      for (Count c : byTrial.get(ids.get(t))) {
        int i = index.get(c.time());
        deaths[t][i] += c.deaths();
        censored[t][i] += c.censored();
      }
    }
    double[][] replicate = new double[times][replicates];
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] d = new long[times];
    long[] c = new long[times];
    for (int b = 0; b < replicates; b++) {
      Arrays.fill(d, 0);
      Arrays.fill(c, 0);
      long atRisk = 0;
      for (int k = 0; k < n; k++) {
        int t = rnd.nextInt(n);
        for (int i = 0; i < times; i++) {
          d[i] += deaths[t][i];
          c[i] += censored[t][i];
          atRisk += deaths[t][i] + censored[t][i];
        }
      }
      double s = 1;
      for (int i = 0; i < times; i++) {
        if (d[i] > 0) {
          s *= 1 - (double) d[i] / atRisk;
        }
        replicate[i][b] = s;
        atRisk -= d[i] + c[i];
      }
    }
    Percentile q = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    List<Point> out = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      Point p = point.get(i);
      double[] r = replicate[i];
      out.add(new Point(p.time(), p.atRisk(), p.deaths(), p.censored(), p.survival(),
          Math.sqrt(StatUtils.variance(r)), q.evaluate(r, 100 * (1 - level) / 2), q.evaluate(r, 100 * (1 + level) / 2)));
    }
    return out;
  }
}
