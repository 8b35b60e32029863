package org.deadrelu.jobs.run;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.deadrelu.jobs.plan.Shard;
import org.deadrelu.model.data.LabeledTable;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.result.TrialStatus;
import org.deadrelu.model.train.ShardTrainer;
import org.deadrelu.model.train.Trainer;

/** What an executor does with a shard: train its trials natively with ND4J, return their outputs. */
final class ShardTask implements FlatMapFunction<Shard, TrialOutput> {
  private final Broadcast<Map<String, LabeledTable>> files;
  private final LongAccumulator done;
  private final LongAccumulator diverged;
  private final LongAccumulator failed;

  ShardTask(Broadcast<Map<String, LabeledTable>> files, Progress progress) {
    this.files = files;
    this.done = progress.done;
    this.diverged = progress.diverged;
    this.failed = progress.failed;
  }

  @Override
  public Iterator<TrialOutput> call(Shard shard) {
    EngineSettings.apply();
    Map<String, LabeledTable> tables = files.value();
    // the planner sized the shard for memory; it trains as populations of what fits the cache
    List<TrialOutput> out = new ShardTrainer(new Trainer(), path -> {
      LabeledTable t = tables.get(path);
      if (t == null) {
        throw new IllegalStateException("data file " + path + " was not loaded by the driver");
      }
      return t;
    }, shard.trials().size()).train(shard.trials(), o -> {
      done.add(1);
      if (o.summary().status() == TrialStatus.DIVERGED) {
        diverged.add(1);
      } else if (o.summary().status() == TrialStatus.FAILED) {
        failed.add(1);
      }
    });
    return out.iterator();
  }
}
