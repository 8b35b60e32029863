package org.deadrelu.jobs.run;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deadrelu.model.result.TrialStatus;

/**
 * What a shard's task sends back to the driver: each trial's status, the file it wrote per table
 * (in that table's incoming folder; a table the shard has no rows for has none), where its time
 * went, and the environment its trials were computed in. The rows themselves stay in the files.
 */
record ShardResult(Map<String, TrialStatus> statusByTrial, Map<String, String> fileByTable, TaskTimes times,
    Environment environment) implements Serializable {
  ShardResult {
    statusByTrial = new LinkedHashMap<>(statusByTrial);
    fileByTable = new LinkedHashMap<>(fileByTable);
  }
}
