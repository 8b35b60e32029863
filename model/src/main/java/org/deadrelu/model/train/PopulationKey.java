package org.deadrelu.model.train;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.BATCH_SIZE;
import static org.deadrelu.model.config.Settings.DEATH_ROWS;
import static org.deadrelu.model.config.Settings.ERROR_WINDOW;
import static org.deadrelu.model.config.Settings.HEAD;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.OPTIMIZER;
import static org.deadrelu.model.config.Settings.PROBE_EVERY;
import static org.deadrelu.model.config.Settings.PROBE_SAMPLES;
import static org.deadrelu.model.config.Settings.PROBE_SCHEDULE;
import static org.deadrelu.model.config.Settings.RELU_GRAD_AT_ZERO;
import static org.deadrelu.model.config.Settings.SHIFT_EVERY;
import static org.deadrelu.model.config.Settings.SHIFT_KIND;
import static org.deadrelu.model.config.Settings.STEPS;

import java.util.Set;
import org.deadrelu.model.config.Setting;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.DatasetFactory;

/**
 * What trials must share to be trained together as one population: the data set, the network's
 * shape and kind, the optimizer, the schedule and how many rows are probed (the probe set, the rows
 * death is decided on), when the task shifts and how, and the windows of the online error. Everything else (learning rate, weight decay and
 * its bias switch, alpha, initial bias, initializer, tau, seed) may differ within a population.
 */
public final class PopulationKey {
  /** The settings besides the data set's that one population shares. */
  private static final Set<Setting<?>> SHARED = Set.of(HIDDEN, ACTIVATION, HEAD, RELU_GRAD_AT_ZERO, OPTIMIZER,
      STEPS, BATCH_SIZE, PROBE_EVERY, PROBE_SCHEDULE, PROBE_SAMPLES, DEATH_ROWS, ERROR_WINDOW, SHIFT_KIND, SHIFT_EVERY);

  private PopulationKey() {}

  public static String of(TrialConfig c) {
    return DatasetFactory.cacheKey(c) + "|" + c.canonical(SHARED::contains);
  }
}
