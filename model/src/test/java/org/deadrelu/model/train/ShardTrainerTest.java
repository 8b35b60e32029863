package org.deadrelu.model.train;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.DATA_PATH;
import static org.deadrelu.model.config.Settings.DATA_SAMPLES;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.OPTIMIZER;
import static org.deadrelu.model.config.Settings.PROBE_EVERY;
import static org.deadrelu.model.config.Settings.PROBE_SAMPLES;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.OptimizerKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.result.TrialStatus;
import org.junit.jupiter.api.Test;

class ShardTrainerTest {
  private static TrialConfig trial(ActivationKind a, double lr, long seed) {
    return TrialConfig.builder().set(DATA_SOURCE, DataSourceKind.BLOBS).set(DATA_SAMPLES, 200).set(HIDDEN, List.of(6, 6))
        .set(ACTIVATION, a).set(LR, lr).set(OPTIMIZER, OptimizerKind.MOMENTUM).set(STEPS, 30).set(PROBE_EVERY, 10).set(BATCH_SIZE, 16)
        .set(PROBE_SAMPLES, 50).seed(seed).build();
  }

  @Test
  void aTrialGivesTheSameRowsAloneAsInAShardBesideOthers() {
    TrialConfig target = trial(ActivationKind.RELU, 0.2, 7);
    TrialOutput alone = new ShardTrainer(new Trainer(), p -> null, 64).train(List.of(target)).get(0);

    List<TrialConfig> shard = new ArrayList<>();
    shard.add(trial(ActivationKind.ELU, 0.05, 1));
    shard.add(trial(ActivationKind.RELU, 5.0, 2)); // a noisy neighbour
    shard.add(target);
    shard.add(trial(ActivationKind.TANH, 0.1, 3));
    TrialOutput inShard = new ShardTrainer(new Trainer(), p -> null, 64).train(shard).get(2);

    assertEquals(target.trialId(), inShard.trialId());
    assertEquals(alone.neurons(), inShard.neurons());
    assertEquals(alone.layers(), inShard.layers());
    assertEquals(alone.curves(), inShard.curves());
  }

  @Test
  void aShardLargerThanWhatFitsTheCacheTrainsAsSeveralPopulationsWithTheSameRows() {
    // hidden 64 at batch 256: populations of 8 (CacheFit), so 10 trials train as 8 + 2
    java.util.function.LongFunction<TrialConfig> wide = seed -> trial(ActivationKind.RELU, 0.1, seed).toBuilder()
        .set(HIDDEN, List.of(64)).set(BATCH_SIZE, 256).set(STEPS, 12).set(PROBE_EVERY, 6).build();
    assertEquals(8, CacheFit.population(wide.apply(0)));
    List<TrialConfig> shard = new ArrayList<>();
    for (long seed = 0; seed < 10; seed++) {
      shard.add(wide.apply(seed));
    }
    List<TrialOutput> together = new ShardTrainer(new Trainer(), p -> null, 64).train(shard);
    for (int i : new int[] {0, 7, 8, 9}) { // both ends of both populations
      TrialOutput alone = new ShardTrainer(new Trainer(), p -> null, 64).train(List.of(shard.get(i))).get(0);
      assertEquals(alone.neurons(), together.get(i).neurons(), "trial " + i);
      assertEquals(alone.curves(), together.get(i).curves(), "trial " + i);
    }
  }

  @Test
  void aTrialWhoseDataCannotBeBuiltIsAFailedRowAndTheOthersRun() {
    TrialConfig bad = trial(ActivationKind.RELU, 0.1, 1).toBuilder()
        .set(DATA_SOURCE, DataSourceKind.CSV).set(DATA_PATH, "missing.csv").build();
    List<TrialOutput> out = new ShardTrainer(new Trainer(), p -> {
      throw new IllegalStateException("no such file: " + p);
    }, 64).train(List.of(bad, trial(ActivationKind.RELU, 0.1, 2)));
    assertEquals(TrialStatus.FAILED, out.get(0).summary().status());
    assertTrue(out.get(0).summary().error().contains("missing.csv"), out.get(0).summary().error());
    assertEquals(TrialStatus.OK, out.get(1).summary().status());
  }
}
