package org.deadrelu.model.train;

import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.DatasetFactory;

/**
 * What trials must share to be trained together as one population: the data set, the network's
 * shape and kind, the optimizer, the schedule and how many rows are probed (the probe set, the rows
 * death is decided on). Everything else (learning rate, weight decay and
 * its bias switch, alpha, initial bias, initializer, tau, seed) may differ within a population.
 */
public final class PopulationKey {
  private PopulationKey() {}

  public static String of(TrialConfig c) {
    return String.join("|", DatasetFactory.cacheKey(c), c.hiddenString(), c.activation().name(),
        c.head().name(), String.valueOf(c.reluGradAtZero()), c.optimizer().name(),
        String.valueOf(c.steps()), String.valueOf(c.batchSize()), String.valueOf(c.probeEvery()),
        String.valueOf(c.probeSamples()), String.valueOf(c.deathRows()));
  }
}
