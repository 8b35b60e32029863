package org.deadrelu.jobs.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.UserInputException;
import org.deadrelu.jobs.output.ResultLease;
import org.deadrelu.jobs.run.SweepOptions;
import org.deadrelu.jobs.run.SweepReport;
import org.deadrelu.jobs.run.SweepRunner;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.deadrelu.model.config.TrialConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sweep", description = "Run a sweep on Spark and write its tables under OUT/<sweep name>/. "
    + "Trials already written there are skipped, so rerunning an interrupted sweep completes it.")
final class SweepCommand implements Callable<Integer> {
  @Mixin SweepFileOption file;
  @Spec CommandSpec spec;

  @Option(names = "--out", defaultValue = "results", description = "Result folder, any Hadoop path (default ${DEFAULT-VALUE}).")
  String out;

  @Mixin SparkMasterOption sparkMaster;

  @Option(names = "--conf", description = "A Spark setting KEY=VALUE (repeatable).")
  List<String> confs = new ArrayList<>();

  @Option(names = "--max-shard-trials", defaultValue = "64", description = "Most trials in one Spark task, trained together as populations of what fits the cache (default ${DEFAULT-VALUE}).")
  int maxShardTrials;

  @Mixin MemoryBudgetOption memory;

  @Option(names = "--commit-every", defaultValue = "0", description = "Trials per committed wave; a killed driver loses at most the waves in flight (default: about a minute of work per core, at least max(64, 16 x cores)).")
  int commitEvery;

  @Option(names = "--waves-in-flight", defaultValue = "" + SweepOptions.DEFAULT_WAVES_IN_FLIGHT, description = "Waves whose tasks are submitted at once: more than 1 starts the next waves' tasks while a wave's last ones finish; 1 runs waves in lockstep (default ${DEFAULT-VALUE}).")
  int wavesInFlight;

  @Option(names = "--compact-min-files", defaultValue = "" + SweepOptions.DEFAULT_COMPACT_MIN_FILES, description = "At the end, rewrite a table written in several waves once it has this many files (or 256 MiB), sorted across them (default ${DEFAULT-VALUE}).")
  int compactMinFiles;

  @Option(names = "--lease-timeout", defaultValue = "60", description = "Seconds after which the result folder's lease, not renewed by its holder (a killed driver), is taken over by a new run (default ${DEFAULT-VALUE}).")
  long leaseTimeout;

  @Option(names = "--force-takeover", description = "Take the result folder's lease even from a driver that still renews it (that driver then stops without committing).")
  boolean forceTakeover;

  @Option(names = "--progress", defaultValue = "5", description = "Seconds between progress lines; 0 for none (default ${DEFAULT-VALUE}).")
  int progress;

  @Override
  public Integer call() throws Exception {
    if (wavesInFlight < 1) {
      throw new UserInputException("--waves-in-flight: " + wavesInFlight + " is not accepted; give 1 or more");
    }
    ResultLease.Settings lease = new ResultLease.Settings(java.time.Duration.ofSeconds(leaseTimeout), forceTakeover);
    SweepSpec sweep = file.load();
    List<TrialConfig> trials = sweep.expand();
    memory.check(file.path, trials);
    SparkSession spark = SparkSessions.create("deadrelu sweep " + sweep.name(), sparkMaster.master, confs);
    PrintWriter out = spec.commandLine().getOut();
    PrintStream log = new PrintStream(new WriterOutputStream(out), true);
    SweepReport report = new SweepRunner(spark, log)
        .run(sweep.name(), trials, new SweepOptions(this.out, maxShardTrials, memory.memoryBudgetMb, commitEvery, progress,
            compactMinFiles, wavesInFlight, lease), file.text());
    printSummary(spark, report, out);
    return report.allFailed() ? Main.EXIT_ALL_FAILED : 0;
  }

  private static void printSummary(SparkSession spark, SweepReport r, PrintWriter out) {
    out.println();
    out.printf(Locale.ROOT, "sweep %s: %d trials (%d run now, %d already written) in %.1f s%n",
        r.sweep(), r.planned(), r.ran(), r.skipped(), r.wallSeconds());
    out.printf("run now: ok %d, diverged %d, failed %d%n", r.count("ok"), r.count("diverged"), r.count("failed"));
    out.printf("tables: %s/{trials,layers,neurons,curves,events}%n", r.folder());
    List<Row> rows = spark.read().parquet(r.folder() + "/trials").groupBy("activation")
        .agg(org.apache.spark.sql.functions.count("*").as("trials"),
            org.apache.spark.sql.functions.avg("dead_fraction").as("dead_fraction"),
            org.apache.spark.sql.functions.avg(org.apache.spark.sql.functions.expr("born_dead / hidden_neurons")).as("born_dead"),
            org.apache.spark.sql.functions.avg("final_probe_accuracy").as("probe_accuracy"),
            org.apache.spark.sql.functions.sum(org.apache.spark.sql.functions.expr("cast(status <> 'ok' as int)")).as("not_ok"))
        .orderBy("activation").collectAsList();
    out.println();
    out.println("hidden neurons dead at the end, by activation (mean over trials):");
    TextTable t = new TextTable(List.of("activation", "trials", "dead_fraction", "born_dead", "probe_accuracy", "diverged_or_failed"));
    for (Row row : rows) {
      List<Object> cells = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        cells.add(row.isNullAt(i) ? "-" : row.get(i)); // no accuracy for a regression head
      }
      t.add(cells);
    }
    t.print(out);
    if (r.allFailed()) {
      out.println("every trial failed: see the error column of the trials table");
    }
    out.flush();
  }
}
