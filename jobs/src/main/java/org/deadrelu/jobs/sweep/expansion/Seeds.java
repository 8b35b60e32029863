package org.deadrelu.jobs.sweep.expansion;

import java.util.List;
import java.util.stream.LongStream;

/**
 * The replicate seeds every configuration runs with: {@code seeds: 5} is 0..4, {@code seeds: [3, 7]}
 * is exactly those. A count is kept as a count, so {@code seeds: 1000000000} costs nothing until the
 * plan-size check rejects it.
 *
 * @param count how many seeds
 * @param explicit the listed seeds, or null for 0..count-1
 */
public record Seeds(int count, List<Long> explicit) {

  public static final Seeds DEFAULT = first(1);

  public static Seeds first(int count) {
    return new Seeds(count, null);
  }

  public static Seeds listed(List<Long> seeds) {
    return new Seeds(seeds.size(), List.copyOf(seeds));
  }

  public long get(int i) {
    return explicit == null ? i : explicit.get(i);
  }

  public List<Long> asList() {
    return explicit != null ? explicit : LongStream.range(0, count).boxed().toList();
  }
}
