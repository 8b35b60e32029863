package org.deadrelu.jobs.cli;

import static org.deadrelu.model.config.Settings.DATA_SOURCE;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.deadrelu.jobs.data.FileTables;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.deadrelu.model.config.TrialConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", description = "Check a sweep file (the data files it names, and that every trial fits the memory budget) without running it.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin SweepFileOption file;
  @Mixin MemoryBudgetOption memory;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    SweepSpec sweep = file.load();
    List<TrialConfig> trials = sweep.expand();
    memory.check(file.path, trials);
    if (trials.stream().anyMatch(t -> t.get(DATA_SOURCE).isFile())) {
      FileTables.loadAll(SparkSessions.create("deadrelu validate", null, List.of()), trials);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s: valid, sweep '%s', %d trials%n", file.path, sweep.name(), trials.size());
    sweep.notes().forEach(n -> out.println("note: " + n));
    out.flush();
    return 0;
  }
}
