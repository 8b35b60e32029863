package org.deadrelu.jobs.sweep.expansion;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.deadrelu.jobs.sweep.rules.SweepKey;

/**
 * How many trials a sweep expands to before duplicates are removed, counted without building a
 * single trial. Without conditional axes the count is the product of the level sizes. With them,
 * only the levels that {@code when} conditions read are walked; in the rare plan where even those
 * are too many to walk, the walk stops just past the limit and the count is a lower bound.
 *
 * @param trials the count, or a lower bound when not exact
 * @param exact whether {@code trials} is the count rather than a lower bound past the limit
 */
public record ExpansionSize(BigInteger trials, boolean exact) {

  /** Combinations a walk may visit to get an exact count: a fraction of a second. */
  private static final BigInteger WALK_LIMIT = BigInteger.valueOf(1_000_000);

  public static ExpansionSize of(List<ExpansionLevel> levels, ExpansionWalker walker, int seeds, long limit) {
    BigInteger unconditional = BigInteger.valueOf(seeds);
    BigInteger walked = BigInteger.ONE;
    boolean anyConditional = false;
    Set<SweepKey> read = walker.conditionInputs();
    for (ExpansionLevel level : levels) {
      if (level instanceof AxisSpec axis && axis.conditional()) {
        anyConditional = true;
      } else {
        unconditional = unconditional.multiply(BigInteger.valueOf(level.size()));
      }
      if (level.settings().stream().anyMatch(read::contains)) {
        walked = walked.multiply(BigInteger.valueOf(level.size()));
      }
    }
    if (!anyConditional) {
      return new ExpansionSize(unconditional, true);
    }
    BigInteger max = BigInteger.valueOf(limit);
    if (walked.compareTo(WALK_LIMIT) <= 0) {
      return new ExpansionSize(count(walker, seeds, null), true);
    }
    if (unconditional.compareTo(max) > 0) {
      return new ExpansionSize(unconditional, false);
    }
    // every combination the walk visits stands for at least one trial, so it stops within the limit
    BigInteger sum = count(walker, seeds, max);
    return new ExpansionSize(sum, sum.compareTo(max) <= 0);
  }

  public boolean exceeds(long limit) {
    return trials.compareTo(BigInteger.valueOf(limit)) > 0;
  }

  /** Walks the combinations conditions depend on, stopping once past {@code stopAbove} (null: never). */
  private static BigInteger count(ExpansionWalker walker, int seeds, BigInteger stopAbove) {
    BigInteger[] sum = {BigInteger.ZERO};
    walker.walk(Set.of(), (given, repeats) -> {
      sum[0] = sum[0].add(repeats.multiply(BigInteger.valueOf(seeds)));
      return stopAbove == null || sum[0].compareTo(stopAbove) <= 0;
    });
    return sum[0];
  }
}
