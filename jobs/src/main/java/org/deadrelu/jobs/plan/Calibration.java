package org.deadrelu.jobs.plan;

import java.util.List;
import java.util.Locale;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.train.ShardTrainer;
import org.deadrelu.model.train.Trainer;

/**
 * Measures this machine's {@link MachineSpeed} by training two small reference shards with the
 * engine itself: one whose time goes mostly to per-op and element-wise work (64 spirals trials,
 * 2-32-32-2 at batch 32, probed every 50 steps), one whose time goes mostly to gemm (8 teacher
 * regressions, 16-64-64-1 at batch 256). After one untimed round (loading, first compilation) they
 * run in turn for the time budget; each one's fastest round fits the two factors. The fastest, since
 * the model describes a compiled engine: in a fresh JVM the compiler is still at work for several
 * seconds, and a slow spell of a shared machine only ever adds time. The speed found is this
 * machine's at this moment, not that of executors elsewhere.
 *
 * @param smallSeconds the spirals shard's fastest round
 * @param wideSeconds the teacher shard's fastest round
 * @param rounds timed rounds
 * @param seconds the calibration's own time, the untimed round included
 */
public record Calibration(MachineSpeed speed, double smallSeconds, double wideSeconds, int rounds, double seconds) {
  static final String SMALL = "name: calibration-small\n"
      + "data: {source: spirals, samples: 1000, noise: 0.2}\n"
      + "model: {hidden: [32, 32]}\n"
      + "train: {steps: 100, batch_size: 32}\n"
      + "probe: {every: 50, samples: 256}\n"
      + "seeds: 64\n";
  static final String WIDE = "name: calibration-wide\n"
      + "data: {source: teacher, features: 16, samples: 2000}\n"
      + "model: {hidden: [64, 64]}\n"
      + "train: {steps: 60, batch_size: 256}\n"
      + "seeds: 8\n";
  /** The timed rounds' budget by default, seconds. */
  public static final double DEFAULT_BUDGET_SECONDS = 2.0;
  static final int MIN_ROUNDS = 2;
  static final int MAX_ROUNDS = 20;

  /** Trains the references for about {@code budgetSeconds} after the untimed round and fits the speed. */
  public static Calibration measure(double budgetSeconds) {
    long started = System.nanoTime();
    List<TrialConfig> small = SweepLoader.load("calibration-small.yaml", SMALL).expand();
    List<TrialConfig> wide = SweepLoader.load("calibration-wide.yaml", WIDE).expand();
    Trainer trainer = new Trainer();
    time(trainer, small);
    time(trainer, wide);
    long timed = System.nanoTime();
    double bestSmall = Double.POSITIVE_INFINITY;
    double bestWide = Double.POSITIVE_INFINITY;
    int rounds = 0;
    while (rounds < MIN_ROUNDS || (rounds < MAX_ROUNDS && (System.nanoTime() - timed) / 1e9 < budgetSeconds)) {
      bestSmall = Math.min(bestSmall, time(trainer, small));
      bestWide = Math.min(bestWide, time(trainer, wide));
      rounds++;
    }
    MachineSpeed speed = MachineSpeed.fit(work(small), bestSmall, work(wide), bestWide);
    return new Calibration(speed, bestSmall, bestWide, rounds, (System.nanoTime() - started) / 1e9);
  }

  /** The model's work of a reference shard trained by the engine alone. */
  static Work work(List<TrialConfig> shard) {
    return CostModel.engineWork(shard.get(0), shard.size());
  }

  private static double time(Trainer trainer, List<TrialConfig> shard) {
    long t0 = System.nanoTime();
    new ShardTrainer(trainer, path -> null, shard.size()).train(shard);
    return (System.nanoTime() - t0) / 1e9;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s (measured on this machine in %.1f s)", speed, seconds);
  }
}
