package org.deadrelu.jobs.run;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode;

/**
 * ND4J settings for executors, applied once per JVM. Profiling checks roughly double the cost of
 * every small op; tests keep them on (they catch workspace misuse).
 */
final class EngineSettings {
  private static volatile boolean applied;

  private EngineSettings() {}

  static void apply() {
    if (applied) {
      return;
    }
    synchronized (EngineSettings.class) {
      if (!applied && !Boolean.getBoolean("deadrelu.nd4j.checks")) {
        Nd4j.getExecutioner().setProfilingMode(ProfilingMode.DISABLED);
      }
      applied = true;
    }
  }
}
