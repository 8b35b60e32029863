package org.deadrelu.jobs.sweep.expansion;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.deadrelu.jobs.sweep.rules.SettingValue;
import org.deadrelu.jobs.sweep.rules.SweepKey;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The {@code random:} block: {@code samples} points, each drawing every axis once, crossed with the
 * grid. The points depend only on the seed and the axes (in file order), so a file always expands
 * to the same trials. Points are drawn afresh on every pass rather than kept, so a million samples
 * cost no memory.
 */
public final class RandomSpec implements ExpansionLevel {

  private final int samples;
  private final long seed;
  private final List<RandomAxis> axes;
  private final Node node;

  public RandomSpec(int samples, long seed, List<RandomAxis> axes, Node node) {
    this.samples = samples;
    this.seed = seed;
    this.axes = List.copyOf(axes);
    this.node = node;
  }

  public List<RandomAxis> axes() {
    return axes;
  }

  /** The block's value in the file (the mapping under {@code random:}). */
  public Node node() {
    return node;
  }

  @Override
  public Set<SweepKey> settings() {
    return axes.stream().map(RandomAxis::setting).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public int size() {
    return samples;
  }

  /** The points, sample by sample, each axis drawn in file order from one generator seeded by {@code seed}. */
  Iterable<Map<SweepKey, SettingValue>> points() {
    return () -> new Iterator<>() {
      private final SplittableRandom random = new SplittableRandom(seed);
      private int drawn;

      @Override
      public boolean hasNext() {
        return drawn < samples;
      }

      @Override
      public Map<SweepKey, SettingValue> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        drawn++;
        Map<SweepKey, SettingValue> point = new LinkedHashMap<>();
        axes.forEach(axis -> point.put(axis.setting(), axis.draw(random)));
        return point;
      }
    };
  }
}
