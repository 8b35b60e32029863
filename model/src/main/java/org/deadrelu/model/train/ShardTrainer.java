package org.deadrelu.model.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.Dataset;
import org.deadrelu.model.data.DatasetFactory;
import org.deadrelu.model.data.LabeledTable;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.result.TrialStatus;

/**
 * Trains the trials of one shard: each data set is built once and shared by the trials that use
 * it. Trials are trained one after another; each one's results depend only on its own
 * configuration, never on its neighbours in the shard.
 */
public final class ShardTrainer {
  private final Trainer trainer;
  private final Function<String, LabeledTable> files;

  /** @param files the file-backed tables (csv, parquet) by path, loaded by the caller */
  public ShardTrainer(Trainer trainer, Function<String, LabeledTable> files) {
    this.trainer = trainer;
    this.files = files;
  }

  public List<TrialOutput> train(List<TrialConfig> trials) {
    return train(trials, o -> {});
  }

  /** @param onTrial told of each trial's output as soon as it is trained (for progress) */
  public List<TrialOutput> train(List<TrialConfig> trials, Consumer<TrialOutput> onTrial) {
    Map<String, Object> datasets = new HashMap<>(); // a Dataset, or the error that building it raised
    List<TrialOutput> out = new ArrayList<>();
    for (TrialConfig c : trials) {
      Object data = datasets.computeIfAbsent(DatasetFactory.cacheKey(c), k -> build(c));
      TrialOutput o = data instanceof Dataset d
          ? trainer.train(c, d)
          : new TrialRecorder(c).finish(TrialStatus.FAILED, (String) data, 0, null);
      onTrial.accept(o);
      out.add(o);
    }
    return out;
  }

  private Object build(TrialConfig c) {
    try {
      return DatasetFactory.build(c, files);
    } catch (RuntimeException e) {
      return "data: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }
}
