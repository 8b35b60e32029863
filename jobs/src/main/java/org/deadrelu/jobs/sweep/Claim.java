package org.deadrelu.jobs.sweep;

import java.util.List;
import java.util.Map;
import org.deadrelu.jobs.stats.Direction;
import org.deadrelu.jobs.stats.MetricKind;

/**
 * A claim a sweep tests, from its file's {@code claims:} list: what is measured (a SQL expression
 * over the sweep's trials, or over a query of its tables), and how the verdict is reached: levels of
 * one axis compared with a baseline on shared seeds, a value estimated against a target, or
 * born-dead fractions against their exact bound.
 *
 * @param name short identifier, unique in the file
 * @param statement the claim in one sentence, as the findings state it
 * @param metric SQL expression giving one value per trial
 * @param from "trials", or a SQL query over the sweep's views with one row per trial (its columns
 *     include the trials table's, such as seed and status)
 * @param kind what the metric is: it decides the interval
 * @param where SQL predicate selecting the trials the claim is about; null for all
 * @param allTrials judge every trial with a value (a claim about divergence itself); false: only
 *     the trials that finished (status ok)
 * @param by columns that split the claim into cells, one row of its table each
 * @param compare the compared axis; null unless the claim is a comparison
 * @param estimate the target; null unless the claim is an estimate
 * @param bound the closed form the metric is held against ("born_dead"); null for none
 * @param divergedAs the metric's value for a diverged trial in "... or diverged"; null: not shown
 * @param published values from the literature by cell ("width=2,depth=10"); empty for none
 * @param publishedSource where {@code published} comes from
 */
public record Claim(
    String name,
    String statement,
    String metric,
    String from,
    MetricKind kind,
    String where,
    boolean allTrials,
    List<String> by,
    Compare compare,
    Estimate estimate,
    String bound,
    Double divergedAs,
    Map<String, Double> published,
    String publishedSource) {

  /**
   * Levels of {@code axis} each compared with {@code baseline}, trial by trial on shared seeds.
   *
   * @param baseline the baseline level as written ("0.01", "relu", "true"); numbers match by value
   * @param levels the compared levels, as written; empty for every level but the baseline
   */
  public record Compare(String axis, String baseline, List<String> levels, Direction expect) {}

  /**
   * The metric's mean is claimed to be within {@code margin} of {@code target} (margin set, expect
   * null), or above or below it (expect set, margin null: "late error exceeds early error" is a
   * difference claimed above 0).
   */
  public record Estimate(double target, Double margin, Direction expect) {
    public Estimate {
      if ((margin == null) == (expect == null)) {
        throw new IllegalArgumentException("an estimate has a margin or an expected direction, not both or neither");
      }
    }
  }
}
