package org.deadrelu.jobs.cli;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.STEPS;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deadrelu.jobs.plan.Calibration;
import org.deadrelu.jobs.plan.MachineSpeed;
import org.deadrelu.jobs.plan.Plan;
import org.deadrelu.jobs.plan.Planner;
import org.deadrelu.jobs.plan.Shard;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.deadrelu.model.config.TrialConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plan", description = "Print what a sweep file expands to: trial count, shards, a cost estimate and the first trials in full.")
final class PlanCommand implements Callable<Integer> {
  @Mixin SweepFileOption file;
  @Spec CommandSpec spec;

  @Option(names = "--cores", description = "Executor cores to plan for (default: this machine's, ${DEFAULT-VALUE}).")
  int cores = Runtime.getRuntime().availableProcessors();

  @Option(names = "--max-shard-trials", defaultValue = "64", description = "Most trials in one Spark task (default ${DEFAULT-VALUE}).")
  int maxShardTrials;

  @Mixin MemoryBudgetOption memory;

  @Option(names = "--show", defaultValue = "3", description = "How many trials to print in full (default ${DEFAULT-VALUE}).")
  int show;

  @Option(names = "--no-calibrate", description = "Give the estimate at the speed of the machine the cost model was"
      + " fitted to. By default `plan` first times two small reference shards on this machine (a few seconds) and"
      + " gives the estimate at its speed: plan on a machine like the executors'.")
  boolean noCalibrate;

  @Override
  public Integer call() {
    SweepSpec sweep = file.load();
    List<TrialConfig> trials = sweep.expand();
    memory.check(file.path, trials);
    PrintWriter out = spec.commandLine().getOut();
    MachineSpeed speed = MachineSpeed.REFERENCE;
    if (!noCalibrate && !trials.isEmpty()) {
      Calibration calibration = Calibration.measure(Calibration.DEFAULT_BUDGET_SECONDS);
      speed = calibration.speed();
      out.printf("machine speed: %s%n", calibration);
    } else {
      out.printf("machine speed: the reference machine's (not calibrated)%n");
    }
    Plan plan = new Planner(cores, maxShardTrials, memory.memoryBudgetMb << 20, speed).plan(trials);
    out.printf("sweep %s: %d trials in %d shards (%d configurations x seeds)%n", sweep.name(),
        trials.size(), plan.shards().size(), trials.stream().map(TrialConfig::configId).distinct().count());
    sweep.notes().forEach(n -> out.println("note: " + n));
    if (!plan.shards().isEmpty()) {
      out.printf("shard sizes: largest %d, smallest %d trials%n",
          plan.shards().stream().mapToInt(s -> s.trials().size()).max().getAsInt(),
          plan.shards().stream().mapToInt(s -> s.trials().size()).min().getAsInt());
    }
    java.util.Map<String, List<Shard>> byPopulation = new java.util.LinkedHashMap<>();
    for (Shard s : plan.shards()) {
      byPopulation.computeIfAbsent(org.deadrelu.model.train.PopulationKey.of(s.trials().get(0)),
          k -> new java.util.ArrayList<>()).add(s);
    }
    out.printf("populations (trials that can train together; a shard trains as one, or as several of what fits the cache):%n");
    for (List<Shard> group : byPopulation.values()) {
      TrialConfig t = group.get(0).trials().get(0);
      out.printf(Locale.ROOT, "  %s, hidden %s, %s, %d steps: %d trials in %d shards of %s, populations of at most %d; ~%.1f MB per shard%n",
          t.get(DATA_SOURCE).name().toLowerCase(Locale.ROOT), HIDDEN.textOf(t.get(HIDDEN)), t.get(ACTIVATION).name().toLowerCase(Locale.ROOT),
          t.get(STEPS), group.stream().mapToInt(s -> s.trials().size()).sum(), group.size(),
          group.stream().map(s -> String.valueOf(s.trials().size())).distinct().collect(java.util.stream.Collectors.joining("/")),
          org.deadrelu.model.train.CacheFit.population(t),
          group.get(0).trials().size() * org.deadrelu.jobs.plan.CostModel.trialBytes(t) / 1e6);
    }
    double startup = plan.startupCoreSeconds(cores);
    out.printf(Locale.ROOT, "estimated cost: %s core-seconds (%s training, measuring and writing, %s starting the"
        + " executors' cores of a fresh application), about %s s on %d cores%n",
        seconds(plan.coreSeconds() + startup), seconds(plan.coreSeconds()), seconds(startup),
        seconds(plan.wallSeconds(cores) + startup / Math.max(1, Math.min(cores, plan.shards().size()))), cores);
    int shown = 0;
    for (Shard s : plan.shards()) {
      for (TrialConfig t : s.trials()) {
        if (shown++ < show) {
          out.printf("trial %s (config %s, shard %d):%n  %s%n", t.trialId(), t.configId(), s.index(),
              (t.canonicalConfig() + "seed=" + t.seed()).replace(";", "\n  "));
        }
      }
    }
    out.flush();
    return 0;
  }

  /** Whole seconds, or one decimal below 10 (a small sweep's training is a fraction of a second). */
  private static String seconds(double s) {
    return String.format(Locale.ROOT, s < 10 ? "%.1f" : "%.0f", s);
  }
}
