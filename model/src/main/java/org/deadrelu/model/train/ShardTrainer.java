package org.deadrelu.model.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Trains the trials of one shard: trials that share a {@link PopulationKey} train together as
 * populations of at most {@code maxPopulation} and of at most what fits the cache
 * ({@link CacheFit}); each data set is built once. A trial's results
 * depend only on its own configuration, never on its neighbours in the shard.
 */
public final class ShardTrainer {
  private final Trainer trainer;
  private final Function<String, LabeledTable> files;
  private final int maxPopulation;

  /**
   * @param files the file-backed tables (csv, parquet) by path, loaded by the caller
   * @param maxPopulation most trials trained together (bounds the memory of one population)
   */
  public ShardTrainer(Trainer trainer, Function<String, LabeledTable> files, int maxPopulation) {
    this.trainer = trainer;
    this.files = files;
    this.maxPopulation = maxPopulation;
  }

  public List<TrialOutput> train(List<TrialConfig> trials) {
    return train(trials, o -> {});
  }

  /** @param onTrial told of each trial's output as soon as its population is trained (for progress) */
  public List<TrialOutput> train(List<TrialConfig> trials, Consumer<TrialOutput> onTrial) {
    Map<String, Object> datasets = new HashMap<>(); // a Dataset, or the error that building it raised
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < trials.size(); i++) {
      groups.computeIfAbsent(PopulationKey.of(trials.get(i)), k -> new ArrayList<>()).add(i);
    }
    TrialOutput[] out = new TrialOutput[trials.size()];
    for (List<Integer> group : groups.values()) {
      int size = Math.min(maxPopulation, CacheFit.population(trials.get(group.get(0))));
      for (int from = 0; from < group.size(); from += size) {
        List<Integer> members = group.subList(from, Math.min(group.size(), from + size));
        List<TrialConfig> population = members.stream().map(trials::get).toList();
        TrialConfig c = population.get(0);
        Object data = datasets.computeIfAbsent(DatasetFactory.cacheKey(c), k -> build(c));
        List<TrialOutput> trained = data instanceof Dataset d ? trainer.train(population, d)
            : population.stream().map(t -> new TrialRecorder(t).finish(TrialStatus.FAILED, (String) data, 0, null, 0)).toList();
        for (int k = 0; k < members.size(); k++) {
          out[members.get(k)] = trained.get(k);
          onTrial.accept(trained.get(k));
        }
      }
    }
    return List.of(out);
  }

  private Object build(TrialConfig c) {
    try {
      return DatasetFactory.build(c, files);
    } catch (RuntimeException e) {
      return "data: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }
}
