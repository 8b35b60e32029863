package org.deadrelu.jobs.plan;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.DATA_FEATURES;
import static org.deadrelu.model.config.Settings.DATA_SAMPLES;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.DATA_TASK;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.train.PopulationKey;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static final long BUDGET = 512L << 20;

  private static TrialConfig trial(int width, ActivationKind activation, long seed) {
    return TrialConfig.builder().set(DATA_SOURCE, DataSourceKind.TEACHER).set(DATA_TASK, "regression").set(DATA_FEATURES, 16)
        .set(DATA_SAMPLES, 2000).set(HIDDEN, List.of(width, width)).set(ACTIVATION, activation).set(BATCH_SIZE, 256).seed(seed).build();
  }

  private static List<TrialConfig> seeds(int n, int width, ActivationKind activation) {
    List<TrialConfig> t = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      t.add(trial(width, activation, 1000L * width + s));
    }
    return t;
  }

  /** Every trial in exactly one shard, each shard one population, within the limits. */
  private static void assertValid(Plan plan, List<TrialConfig> trials, int maxShardTrials, long budget) {
    Map<String, Integer> seen = new HashMap<>();
    for (Shard s : plan.shards()) {
      assertTrue(!s.trials().isEmpty(), "an empty shard");
      assertEquals(1, s.trials().stream().map(PopulationKey::of).distinct().count(),
          "shard " + s.index() + " mixes populations");
      assertTrue(s.trials().size() <= maxShardTrials, "shard larger than the limit: " + s.trials().size());
      long bytes = s.trials().stream().mapToLong(CostModel::trialBytes).sum();
      assertTrue(s.trials().size() == 1 || bytes <= budget, "shard over the memory budget: " + bytes);
      s.trials().forEach(t -> seen.merge(t.trialId(), 1, Integer::sum));
    }
    assertEquals(trials.size(), seen.size(), "trials lost");
    assertTrue(seen.values().stream().allMatch(c -> c == 1), "a trial in two shards");
    for (int i = 0; i < plan.shards().size(); i++) {
      assertEquals(i, plan.shards().get(i).index());
    }
  }

  private static List<Integer> sizes(Plan plan) {
    return plan.shards().stream().map(s -> s.trials().size()).toList();
  }

  @Test
  void aSmallSweepKeepsShardsOfSixteenOrOfWhatFitsTheCacheWhileEveryCoreGetsSeveral() {
    // width 16 at batch 256: populations of up to 32 fit the cache, shards stay at 16
    List<TrialConfig> narrow = seeds(64, 16, ActivationKind.RELU);
    Plan narrowTwo = new Planner(2, 64, BUDGET).plan(narrow);
    assertValid(narrowTwo, narrow, 64, BUDGET);
    assertEquals(List.of(16, 16, 16, 16), sizes(narrowTwo));
    // width 64: populations of 8 fit the cache, so two cores get four shards of 8 each
    List<TrialConfig> trials = seeds(64, 64, ActivationKind.RELU);
    Plan two = new Planner(2, 64, BUDGET).plan(trials);
    assertValid(two, trials, 64, BUDGET);
    assertEquals(java.util.Collections.nCopies(8, 8), sizes(two));
    // one core: SHARDS_PER_CORE = 4 shards
    Plan one = new Planner(1, 64, BUDGET).plan(trials);
    assertEquals(List.of(16, 16, 16, 16), sizes(one));
    // fewer trials than 16 per core: every core still gets one
    List<TrialConfig> few = seeds(8, 64, ActivationKind.RELU);
    Plan four = new Planner(4, 64, BUDGET).plan(few);
    assertValid(four, few, 64, BUDGET);
    assertEquals(List.of(2, 2, 2, 2), sizes(four));
  }

  @Test
  void aLargeSweepGivesEveryCoreSeveralShardsOfEqualSize() {
    List<TrialConfig> trials = seeds(1000, 32, ActivationKind.RELU);
    Plan plan = new Planner(8, 64, BUDGET).plan(trials);
    assertValid(plan, trials, 64, BUDGET);
    assertTrue(plan.shards().size() >= 8 * Planner.SHARDS_PER_CORE, "shards: " + plan.shards().size());
    int min = sizes(plan).stream().min(Integer::compare).orElseThrow();
    int max = sizes(plan).stream().max(Integer::compare).orElseThrow();
    assertTrue(max - min <= 1, "unequal cuts " + sizes(plan));
  }

  @Test
  void theShardLimitAndTheMemoryBudgetBoundEveryShard() {
    List<TrialConfig> trials = seeds(100, 64, ActivationKind.RELU);
    Plan limited = new Planner(1, 10, BUDGET).plan(trials);
    assertValid(limited, trials, 10, BUDGET);
    assertEquals(10, limited.shards().size());

    long perTrial = CostModel.trialBytes(trials.get(0));
    long budget = 5 * perTrial + perTrial / 2; // room for 5
    Plan byMemory = new Planner(1, 64, budget).plan(trials);
    assertValid(byMemory, trials, 64, budget);
    assertEquals(5, sizes(byMemory).stream().max(Integer::compare).orElseThrow());
    // a trial larger than the budget still gets a shard of its own (the command line refuses it earlier)
    Plan tiny = new Planner(1, 64, 1).plan(trials.subList(0, 3));
    assertEquals(List.of(1, 1, 1), sizes(tiny));
  }

  @Test
  void populationsAreNeverMixedAndTheCostliestShardsComeFirst() {
    List<TrialConfig> trials = new ArrayList<>();
    trials.addAll(seeds(20, 16, ActivationKind.RELU));
    trials.addAll(seeds(20, 128, ActivationKind.RELU));
    trials.addAll(seeds(20, 16, ActivationKind.TANH));
    Plan plan = new Planner(2, 64, BUDGET).plan(trials);
    assertValid(plan, trials, 64, BUDGET);
    List<Double> costs = plan.shards().stream().map(Planner::seconds).toList();
    assertEquals(costs.stream().sorted(Comparator.reverseOrder()).toList(), costs, "not costliest first");
    assertEquals(List.of(128, 128), plan.shards().get(0).trials().get(0).get(HIDDEN));
    assertEquals(costs.stream().mapToDouble(Double::doubleValue).sum(), plan.coreSeconds(), 1e-9);
    // a population shares its ops: cheaper than its trials alone, dearer than one of them
    Shard first = plan.shards().get(0);
    double alone = CostModel.trialSeconds(first.trials().get(0));
    assertTrue(Planner.seconds(first) < first.trials().size() * alone && Planner.seconds(first) > alone,
        Planner.seconds(first) + " for " + first.trials().size() + " trials of " + alone + " s alone");
  }

  @Test
  void anEstimateAtAMachinesSpeedScalesItsGemmAndItsRestApart() {
    List<TrialConfig> trials = new ArrayList<>();
    trials.addAll(seeds(20, 16, ActivationKind.RELU));
    trials.addAll(seeds(20, 128, ActivationKind.RELU));
    Plan reference = new Planner(2, 64, BUDGET).plan(trials);
    Plan twice = new Planner(2, 64, BUDGET, new MachineSpeed(2, 2)).plan(trials);
    assertEquals(2 * reference.coreSeconds(), twice.coreSeconds(), 1e-9 * reference.coreSeconds());
    assertEquals(sizes(reference), sizes(twice));
    // gemm alone 3x slower: the estimate grows by twice the shards' gemm work
    double gemm = 0;
    for (Shard s : reference.shards()) {
      gemm += CostModel.shardWork(s.trials().get(0), s.trials().size()).gemm();
    }
    assertTrue(gemm > 0.2 * reference.coreSeconds(), "wide networks at batch 256 spend much of their time in gemm");
    Plan slowGemm = new Planner(2, 64, BUDGET, new MachineSpeed(3, 1)).plan(trials);
    assertEquals(reference.coreSeconds() + 2 * gemm, slowGemm.coreSeconds(), 1e-9 * reference.coreSeconds());
  }
}
