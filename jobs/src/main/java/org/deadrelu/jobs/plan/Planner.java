package org.deadrelu.jobs.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.DatasetFactory;

/**
 * Groups trials into shards: trials that share a data set and a network shape go together (they
 * share the data set's construction, and same-shaped trials can be trained as one population), and
 * shards are small enough that every core gets several.
 */
public final class Planner {
  /** Shards per core to aim for, so a slow shard does not leave the other cores idle at the end. */
  static final int SHARDS_PER_CORE = 4;

  private final int cores;
  private final int maxShardTrials;

  public Planner(int cores, int maxShardTrials) {
    if (cores < 1 || maxShardTrials < 1) {
      throw new IllegalArgumentException("cores and max shard size must be >= 1");
    }
    this.cores = cores;
    this.maxShardTrials = maxShardTrials;
  }

  public Plan plan(List<TrialConfig> trials) {
    int size = Math.max(1, Math.min(maxShardTrials,
        (int) Math.ceil(trials.size() / (double) (cores * SHARDS_PER_CORE))));
    Map<String, List<TrialConfig>> groups = new LinkedHashMap<>();
    for (TrialConfig t : trials) {
      String key = DatasetFactory.cacheKey(t) + "|" + t.hiddenString() + "|" + t.activation();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
    }
    List<Shard> shards = new ArrayList<>();
    double cost = 0;
    for (List<TrialConfig> group : groups.values()) {
      for (int i = 0; i < group.size(); i += size) {
        shards.add(new Shard(shards.size(), group.subList(i, Math.min(group.size(), i + size))));
      }
      cost += group.stream().mapToDouble(CostModel::trialSeconds).sum();
    }
    // the most expensive shards first, so the tail of a wave is short
    List<Shard> ordered = new ArrayList<>(shards);
    ordered.sort(Comparator.comparingDouble((Shard s) ->
        -s.trials().stream().mapToDouble(CostModel::trialSeconds).sum()));
    List<Shard> renumbered = new ArrayList<>();
    for (Shard s : ordered) {
      renumbered.add(new Shard(renumbered.size(), s.trials()));
    }
    return new Plan(renumbered, trials.size(), cost);
  }
}
