package org.deadrelu.jobs.plan;

import java.io.Serializable;
import java.util.List;
import org.deadrelu.model.config.TrialConfig;

/** The unit of Spark work: trials trained together in one task. */
public record Shard(int index, List<TrialConfig> trials) implements Serializable {

  public Shard {
    trials = List.copyOf(trials);
  }
}
