package org.deadrelu.jobs.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.train.CacheFit;
import org.deadrelu.model.train.PopulationKey;

/**
 * Groups trials into shards: trials that can train as one population (same data set, shape and
 * schedule: {@link PopulationKey}) go together, so each shard trains as one population, batched
 * in every ND4J op, or as a few in turn where one would outgrow the cache ({@link CacheFit}).
 * Shards are large enough to batch well, small enough that every core gets work, and no larger
 * than the shard limit and the memory budget allow; a group is cut into shards of equal size.
 */
public final class Planner {
  /** Shards per core to aim for on large sweeps, so a slow shard does not leave the other cores idle at the end. */
  static final int SHARDS_PER_CORE = 4;
  /**
   * Smallest shard worth keeping together while every core still gets one: a small network's
   * population spreads each ND4J op's fixed cost over its networks, so the tiny benchmark reference
   * (c), 8-32-1, trains faster per network the more networks share each op (docs/performance.md). A
   * network whose population fits the cache only at fewer ({@link CacheFit}: 8 for the reference
   * 16-64-64-1 at batch 256) gets shards of that size: a larger shard would train as populations in
   * turn, gaining nothing, and fewer, longer tasks leave a core idle at the end of a wave.
   */
  static final int MIN_POPULATION = 16;

  private final int cores;
  private final int maxShardTrials;
  private final long memoryBudgetBytes;
  private final MachineSpeed speed;

  /** A planner whose estimates are in the reference machine's seconds. */
  public Planner(int cores, int maxShardTrials, long memoryBudgetBytes) {
    this(cores, maxShardTrials, memoryBudgetBytes, MachineSpeed.REFERENCE);
  }

  /**
   * @param cores executor cores to keep busy
   * @param maxShardTrials most trials in one shard
   * @param memoryBudgetBytes most native memory one shard's population may use (estimated)
   * @param speed the speed of the machines the estimate is for ({@link Calibration})
   */
  public Planner(int cores, int maxShardTrials, long memoryBudgetBytes, MachineSpeed speed) {
    if (cores < 1 || maxShardTrials < 1 || memoryBudgetBytes < 1) {
      throw new IllegalArgumentException("cores, max shard size and memory budget must be >= 1");
    }
    this.cores = cores;
    this.maxShardTrials = maxShardTrials;
    this.memoryBudgetBytes = memoryBudgetBytes;
    this.speed = speed;
  }

  /**
   * A shard's estimated core-seconds on the reference machine, by which shards are ordered: its
   * trials share a population key ({@link CostModel#shardSeconds}).
   */
  public static double seconds(Shard s) {
    return CostModel.shardSeconds(s.trials().get(0), s.trials().size());
  }

  public Plan plan(List<TrialConfig> trials) {
    int n = trials.size();
    int spread = (int) Math.ceil(n / (double) (cores * SHARDS_PER_CORE));
    int perCore = (int) Math.ceil(n / (double) cores);
    Map<String, List<TrialConfig>> groups = new LinkedHashMap<>();
    for (TrialConfig t : trials) {
      groups.computeIfAbsent(PopulationKey.of(t), k -> new ArrayList<>()).add(t);
    }
    List<Shard> shards = new ArrayList<>();
    double cost = 0;
    for (List<TrialConfig> group : groups.values()) {
      int floor = Math.min(MIN_POPULATION, CacheFit.population(group.get(0)));
      int target = Math.max(1, Math.max(spread, Math.min(floor, perCore)));
      long perTrial = CostModel.trialBytes(group.get(0));
      int byMemory = (int) Math.max(1, Math.min(Integer.MAX_VALUE, memoryBudgetBytes / Math.max(1, perTrial)));
      int size = Math.max(1, Math.min(Math.min(maxShardTrials, byMemory), target));
      // equal cuts: 20 trials at most 16 to a shard make 10 + 10, not 16 + 4
      int count = (group.size() + size - 1) / size;
      for (int k = 0; k < count; k++) {
        int from = (int) ((long) group.size() * k / count);
        int to = (int) ((long) group.size() * (k + 1) / count);
        shards.add(new Shard(shards.size(), group.subList(from, to)));
      }
    }
    for (Shard s : shards) {
      cost += CostModel.shardSeconds(s.trials().get(0), s.trials().size(), speed);
    }
    // the most expensive shards first, so the tail of a wave is short
    List<Shard> ordered = new ArrayList<>(shards);
    ordered.sort(Comparator.comparingDouble((Shard s) -> -seconds(s)));
    List<Shard> renumbered = new ArrayList<>();
    for (Shard s : ordered) {
      renumbered.add(new Shard(renumbered.size(), s.trials()));
    }
    return new Plan(renumbered, trials.size(), cost);
  }
}
