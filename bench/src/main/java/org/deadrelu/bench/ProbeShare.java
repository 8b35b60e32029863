package org.deadrelu.bench;

import static org.deadrelu.model.config.Settings.PROBE_EVERY;
import static org.deadrelu.model.config.Settings.STEPS;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.Dataset;
import org.deadrelu.model.data.DatasetFactory;
import org.deadrelu.model.train.Trainer;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The probe-cost role: whole trials of a reference configuration ((a), a regression, or (b), a
 * classifier on the digits) through the engine's {@code Trainer} (as the
 * executors run them: float, profiling off), probing every 100 steps (the default) against probing
 * only at step 0 and the last step, alternating, per population size. The difference is what the
 * extra checkpoints cost; scaled to all checkpoints it is the share of a trial's time spent probing.
 */
final class ProbeShare {
  private ProbeShare() {}

  /**
   * {@code --probe STEPS ROUNDS P1,P2,... CONFIG}; replies one line per population: P, fastest ms
   * every-100, fastest ms ends-only.
   */
  static void main(String[] a) {
    PrintStream reply = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    Nd4j.getExecutioner().setProfilingMode(ProfilingMode.DISABLED);
    int steps = Integer.parseInt(a[0]);
    int rounds = Integer.parseInt(a[1]);
    List<Integer> pops = new ArrayList<>();
    for (String p : a[2].split(",")) {
      pops.add(Integer.parseInt(p.trim()));
    }
    RefConfig config = RefConfig.of(a[3]);
    Dataset data = DatasetFactory.build(config.trial(0), null);
    Trainer trainer = new Trainer();
    // warm-up: one short run of each kind
    for (int p : pops) {
      trainer.train(trials(config, p, Math.min(steps, 200), 100), data);
      trainer.train(trials(config, p, Math.min(steps, 200), Math.min(steps, 200)), data);
    }
    double[][] every = new double[pops.size()][rounds];
    double[][] ends = new double[pops.size()][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < pops.size(); i++) {
        int p = pops.get(i);
        boolean everyFirst = (r + i) % 2 == 0;
        for (int k = 0; k < 2; k++) {
          boolean isEvery = (k == 0) == everyFirst;
          List<TrialConfig> t = trials(config, p, steps, isEvery ? 100 : steps);
          long start = System.nanoTime();
          trainer.train(t, data);
          double ms = (System.nanoTime() - start) / 1e6;
          (isEvery ? every : ends)[i][r] = ms;
        }
      }
    }
    for (int i = 0; i < pops.size(); i++) {
      // the fastest round of each: background load only ever adds time, and a difference of two noisy medians
      // was often below zero on a shared machine
      reply.printf(Locale.ROOT, "@@probe %d %.3f %.3f%n", pops.get(i), Stats.min(every[i]), Stats.min(ends[i]));
    }
    reply.println("@@done");
  }

  private static List<TrialConfig> trials(RefConfig config, int population, int steps, int every) {
    List<TrialConfig> t = new ArrayList<>();
    for (TrialConfig c : config.trials(population)) {
      t.add(c.toBuilder().set(STEPS, steps).set(PROBE_EVERY, every).build());
    }
    return t;
  }
}
