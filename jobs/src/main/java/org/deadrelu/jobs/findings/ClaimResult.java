package org.deadrelu.jobs.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.deadrelu.jobs.stats.Verdict;

/**
 * What a claim's evaluation gives the findings: a table (one row per cell, or per cell and compared
 * level), the verdict of each row, and notes on how to read it.
 */
record ClaimResult(List<String> header, List<List<String>> rows, List<Verdict> verdicts, List<String> notes) {

  ClaimResult {
    if (rows.size() != verdicts.size()) {
      throw new IllegalArgumentException(rows.size() + " rows, " + verdicts.size() + " verdicts");
    }
  }

  /** "confirmed in 3 of 4 rows, not detected in 1", or the single verdict of a one-row claim. */
  String summary() {
    if (verdicts.isEmpty()) {
      return "no trials to judge";
    }
    Map<Verdict, Integer> counts = new TreeMap<>();
    verdicts.forEach(v -> counts.merge(v, 1, Integer::sum));
    if (counts.size() == 1) {
      Verdict v = verdicts.get(0);
      return verdicts.size() == 1 ? v.label() : v.label() + " in all " + verdicts.size() + " rows";
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((v, n) -> parts.add(v.label() + " in " + n));
    return String.join(", ", parts) + " of " + verdicts.size() + " rows";
  }

  static String format(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "")
        : String.format(Locale.ROOT, "%.2e", v);
  }

  static String interval(double low, double high) {
    return "[" + format(low) + ", " + format(high) + "]";
  }
}
