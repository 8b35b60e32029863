package org.deadrelu.jobs.run;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.deadrelu.jobs.data.FileTables;
import org.deadrelu.jobs.output.Compaction;
import org.deadrelu.jobs.output.ResultStore;
import org.deadrelu.jobs.output.Table;
import org.deadrelu.jobs.output.TableFiles;
import org.deadrelu.jobs.output.Tables;
import org.deadrelu.jobs.plan.Plan;
import org.deadrelu.jobs.plan.Planner;
import org.deadrelu.jobs.plan.Shard;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.LabeledTable;
import org.deadrelu.model.result.TrialOutput;

/**
 * Runs a sweep: plan, fan out, write. Trials already in the result folder are skipped; the rest run
 * in waves, each trained by one Spark task per shard and then committed to the five tables. Tables
 * written in several waves are then compacted ({@link Compaction}).
 */
public final class SweepRunner {
  private final SparkSession spark;
  private final PrintStream log;

  public SweepRunner(SparkSession spark, PrintStream log) {
    this.spark = spark;
    this.log = log;
  }

  /**
   * @param sweepText the sweep file as given, kept in the result folder for provenance
   */
  public SweepReport run(String sweep, List<TrialConfig> trials, SweepOptions options,
      String sweepText) throws IOException {
    long started = System.nanoTime();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // data files are checked before anything is written
    Map<String, LabeledTable> files = FileTables.loadAll(spark, trials);
    ResultStore store = ResultStore.open(options.out(), sweep, jsc.hadoopConfiguration());
    store.keepSweepFile(sweepText);
    Set<String> done = store.doneTrials();
    List<TrialConfig> todo = trials.stream().filter(t -> !done.contains(t.trialId())).toList();
    int skipped = trials.size() - todo.size();
    log.printf("sweep %s: %d trials planned, %d already written, %d to run -> %s%n", sweep,
        trials.size(), skipped, todo.size(), store.root());

    Broadcast<Map<String, LabeledTable>> broadcast = jsc.broadcast(files);
    int cores = jsc.defaultParallelism();
    Map<String, Integer> byStatus = new TreeMap<>();
    try (Progress progress = new Progress(spark.sparkContext(), todo.size(), options.progressSeconds(), log)) {
      int wave = options.commitEvery(cores);
      for (int from = 0; from < todo.size(); from += wave) {
        List<TrialConfig> trialsOfWave = todo.subList(from, Math.min(todo.size(), from + wave));
        Plan plan = new Planner(cores, options.maxShardTrials(), options.memoryBudgetBytes()).plan(trialsOfWave);
        runWave(jsc, sweep, plan, store, broadcast, progress).forEach(
            (status, n) -> byStatus.merge(status, n, Integer::sum));
      }
      if (!todo.isEmpty()) {
        log.println(progress.line());
      }
    } finally {
      broadcast.destroy();
    }
    // a table written in waves is rewritten sorted across waves, so readers can skip by trial_id
    for (Compaction.Result c : new Compaction(spark, store).compactAll()) {
      log.printf(java.util.Locale.ROOT, "compacted %s: %d files -> %d, %.1f MB, %.1f s%n", c.table(), c.filesBefore(),
          c.filesAfter(), c.bytesBefore() / 1e6, c.seconds());
    }
    return new SweepReport(sweep, store.root().toString(), trials.size(), skipped, todo.size(),
        byStatus, (System.nanoTime() - started) / 1e9);
  }

  /**
   * Rows of a wave's neurons table written by one task: about 0.5 s of writing (the bench's 64
   * reference-(a) trials make 90,000 rows, which one task wrote in 0.9-1.4 s).
   */
  static final long NEURON_ROWS_PER_FILE = 50_000;

  /**
   * Files (tasks) for a wave's neurons table: one per 50,000 rows, at most one per core. Every other
   * table is a small fraction of it and gets one, so the five tables' jobs run side by side instead
   * of each filling every core in turn, while the neurons table, the one that takes seconds, is
   * shared by the cores (on two cores the bench's wave was written in 1.2-1.4 s instead of 1.7).
   */
  static int neuronFiles(long neuronRows, int cores) {
    return (int) Math.max(1, Math.min(cores, (neuronRows + NEURON_ROWS_PER_FILE - 1) / NEURON_ROWS_PER_FILE));
  }

  /**
   * Writes a wave's rows to the five tables as five concurrent Spark jobs and returns the files each
   * added. They read the cached outputs; the wave counts only once {@link ResultStore#commitWave}
   * names these files.
   */
  private Map<String, Set<String>> writeTables(JavaSparkContext jsc, String sweep,
      JavaRDD<TrialOutput> outputs, ResultStore store, int neuronFiles) throws IOException {
    List<Table<?>> tables = Tables.all();
    ExecutorService writers = Executors.newFixedThreadPool(tables.size(), r -> {
      Thread t = new Thread(r, "deadrelu-table-writer");
      t.setDaemon(true);
      return t;
    });
    try {
      Map<String, Future<Set<String>>> pending = new LinkedHashMap<>();
      for (Table<?> table : tables) {
        String name = table.name();
        pending.put(name, writers.submit(() -> {
          jsc.setJobDescription("write " + name);
          Set<String> before = store.dataFiles(name);
          JavaRDD<Row> rows = outputs.flatMap(o -> Tables.byName(name).rows(sweep, o).iterator());
          TableFiles.append(table, spark.createDataFrame(rows, table.schema()), store.tablePath(name).toString(),
              name.equals("neurons") ? neuronFiles : 1);
          Set<String> added = new HashSet<>(store.dataFiles(name));
          added.removeAll(before);
          return added;
        }));
      }
      Map<String, Set<String>> written = new LinkedHashMap<>();
      for (Map.Entry<String, Future<Set<String>>> e : pending.entrySet()) {
        written.put(e.getKey(), await(e.getValue()));
      }
      return written;
    } finally {
      writers.shutdownNow();
    }
  }

  private static <T> T await(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing tables");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IOException(c);
    }
  }

  /** Trains one wave, writes its rows to every table, then commits it. Returns counts by status. */
  private Map<String, Integer> runWave(JavaSparkContext jsc, String sweep, Plan plan,
      ResultStore store, Broadcast<Map<String, LabeledTable>> files, Progress progress)
      throws IOException {
    List<Shard> shards = plan.shards();
    JavaRDD<TrialOutput> outputs = jsc.parallelize(shards, shards.size())
        .flatMap(new ShardTask(files, progress))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // train once, with one task per shard; the writes below read the cached outputs
      List<String> statuses = outputs.map(o -> o.trialId() + " " + o.summary().status() + " " + o.neurons().size())
          .collect();
      List<String> ids = new ArrayList<>();
      Map<String, Integer> byStatus = new TreeMap<>();
      long neuronRows = 0;
      for (String s : statuses) {
        String[] parts = s.split(" ");
        ids.add(parts[0]);
        byStatus.merge(parts[1].toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        neuronRows += Long.parseLong(parts[2]);
      }
      Map<String, Set<String>> written = writeTables(jsc, sweep, outputs, store, neuronFiles(neuronRows, jsc.defaultParallelism()));
      store.commitWave(ids, written);
      return byStatus;
    } finally {
      outputs.unpersist(false);
    }
  }
}
