package org.deadrelu.jobs.run;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.deadrelu.jobs.data.FileTables;
import org.deadrelu.jobs.output.Compaction;
import org.deadrelu.jobs.output.ResultStore;
import org.deadrelu.jobs.output.Table;
import org.deadrelu.jobs.output.TableFiles;
import org.deadrelu.jobs.output.Tables;
import org.deadrelu.jobs.plan.CostModel;
import org.deadrelu.jobs.plan.Plan;
import org.deadrelu.jobs.plan.Planner;
import org.deadrelu.jobs.plan.Shard;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.LabeledTable;

/**
 * Runs a sweep: plan, fan out, write. Trials already in the result folder are skipped; the rest run
 * in waves, each trained and written by one Spark task per shard and then committed to the five
 * tables. The next wave's tasks are queued while a wave runs, so no core waits for a wave's slowest
 * shard; commits stay one wave at a time, in order. Tables written in several waves are then
 * compacted ({@link Compaction}).
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
    // the folder's one writer: refused before writing anything while another driver holds it
    try (ResultStore store = ResultStore.open(options.out(), sweep, jsc.hadoopConfiguration(), options.lease(),
        spark.sparkContext().applicationId(), log)) {
      return run(sweep, trials, options, sweepText, started, jsc, files, store);
    }
  }

  private SweepReport run(String sweep, List<TrialConfig> trials, SweepOptions options, String sweepText, long started,
      JavaSparkContext jsc, Map<String, LabeledTable> files, ResultStore store) throws IOException {
    store.keepSweepFile(sweepText);
    Set<String> done = store.doneTrials();
    List<TrialConfig> todo = trials.stream().filter(t -> !done.contains(t.trialId())).toList();
    int skipped = trials.size() - todo.size();
    log.printf("sweep %s: %d trials planned, %d already written, %d to run -> %s%n", sweep,
        trials.size(), skipped, todo.size(), store.root());

    Broadcast<Map<String, LabeledTable>> broadcast = jsc.broadcast(files);
    Broadcast<SerializableConfiguration> conf = jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration()));
    int cores = jsc.defaultParallelism();
    Map<String, Integer> byStatus = new TreeMap<>();
    TaskTimes[] times = {TaskTimes.NONE};
    try (Progress progress = new Progress(spark.sparkContext(), todo.size(), options.progressSeconds(), log)) {
      int wave = waveTrials(todo, options, cores);
      // the next wave is queued before a wave is awaited (by default), so its shards take the cores
      // the wave's last shards leave free; waves still commit one at a time, in order
      List<Wave> inFlight = new ArrayList<>();
      try {
        for (int from = 0; from < todo.size(); from += wave) {
          List<TrialConfig> trialsOfWave = todo.subList(from, Math.min(todo.size(), from + wave));
          Plan plan = new Planner(cores, options.maxShardTrials(), options.memoryBudgetBytes()).plan(trialsOfWave);
          // the Spark UI and event log name the job after its wave
          jsc.setJobDescription(String.format(Locale.ROOT, "wave %d/%d of sweep %s", from / wave + 1,
              (todo.size() + wave - 1) / wave, sweep));
          inFlight.add(submit(jsc, sweep, plan, store, broadcast, conf, progress));
          while (inFlight.size() >= options.wavesInFlight()) {
            commit(jsc, inFlight.remove(0), store, times).forEach((status, n) -> byStatus.merge(status, n, Integer::sum));
          }
        }
        while (!inFlight.isEmpty()) {
          commit(jsc, inFlight.remove(0), store, times).forEach((status, n) -> byStatus.merge(status, n, Integer::sum));
        }
        store.clearIncoming();
        jsc.setJobDescription(null);
      } finally {
        inFlight.forEach(w -> w.results().cancel(true)); // a failed wave stops the one queued behind it
      }
      if (!todo.isEmpty()) {
        log.println(progress.line());
      }
    } finally {
      broadcast.destroy();
      conf.destroy();
    }
    // a table written in many waves is rewritten sorted across them, so readers can skip by trial_id
    long compacting = System.nanoTime();
    List<Compaction.Result> compacted = new Compaction(spark, store).compactAll(options.compactMinFiles());
    for (Compaction.Result c : compacted) {
      log.printf(Locale.ROOT, "compacted %s: %d files -> %d, %.1f MB, %.1f s%n", c.table(), c.filesBefore(),
          c.filesAfter(), c.bytesBefore() / 1e6, c.seconds());
    }
    double compactionSeconds = compacted.isEmpty() ? 0 : (System.nanoTime() - compacting) / 1e9;
    if (!compacted.isEmpty()) {
      log.printf(Locale.ROOT, "compaction: %d tables side by side in %.1f s%n", compacted.size(), compactionSeconds);
    }
    if (!todo.isEmpty()) {
      log.println(times[0].describe());
    }
    return new SweepReport(sweep, store.root().toString(), trials.size(), skipped, todo.size(),
        byStatus, (System.nanoTime() - started) / 1e9, times[0], compactionSeconds);
  }

  /** A wave whose tasks are submitted: its tag (naming its incoming folders), those folders, and the tasks' results to come. */
  private record Wave(String tag, Map<String, String> incoming, JavaFutureAction<List<ShardResult>> results) {}

  /** Submits one wave's tasks (one per shard, each writing its own files into the wave's incoming folders). */
  private Wave submit(JavaSparkContext jsc, String sweep, Plan plan, ResultStore store,
      Broadcast<Map<String, LabeledTable>> files, Broadcast<SerializableConfiguration> conf, Progress progress) {
    List<Shard> shards = plan.shards();
    String tag = UUID.randomUUID().toString();
    Map<String, String> incoming = new LinkedHashMap<>();
    Tables.all().forEach(t -> incoming.put(t.name(), store.incomingPath(tag, t.name()).toString()));
    // one result per shard: Spark keeps the first attempt to finish, so its files are the ones moved
    JavaFutureAction<List<ShardResult>> results = jsc.parallelize(shards, shards.size())
        .map(new ShardTask(files, conf, sweep, incoming, progress))
        .collectAsync();
    return new Wave(tag, incoming, results);
  }

  /**
   * Waits for a wave's tasks, moves the files of the attempts that reported back into the tables,
   * then commits the wave with the environments its trials were computed in. Returns counts by status.
   */
  private Map<String, Integer> commit(JavaSparkContext jsc, Wave wave, ResultStore store, TaskTimes[] times)
      throws IOException {
    List<ShardResult> results = await(wave.results());
    Map<String, String> incoming = wave.incoming();
    List<String> ids = new ArrayList<>();
    Map<String, Integer> byStatus = new TreeMap<>();
    Map<String, Set<String>> written = new LinkedHashMap<>();
    Tables.all().forEach(t -> written.put(t.name(), new TreeSet<>()));
    for (ShardResult r : results) {
      times[0] = times[0].plus(r.times());
      r.statusByTrial().forEach((id, status) -> {
        ids.add(id);
        byStatus.merge(status.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
      });
      for (Map.Entry<String, String> f : r.fileByTable().entrySet()) {
        store.publish(new Path(incoming.get(f.getKey()), f.getValue()), f.getKey());
        written.get(f.getKey()).add(f.getValue());
      }
    }
    // a table no trial has rows for yet still gets a file, so readers find its schema
    for (Table<?> t : Tables.all()) {
      if (written.get(t.name()).isEmpty() && store.committedFiles(t.name()).isEmpty()) {
        String name = "part-empty-" + UUID.randomUUID() + ".snappy.parquet";
        Path file = new Path(incoming.get(t.name()), name);
        TableFiles.write(t, List.of(), file, jsc.hadoopConfiguration());
        store.publish(file, t.name());
        written.get(t.name()).add(name);
      }
    }
    store.commitWave(ids, written, WaveProvenance.of(results, Instant.now()).toJson());
    store.clearIncoming(wave.tag());
    return byStatus;
  }

  /** The wave's results, or the failure that stopped its job (Spark's own exception, unwrapped). */
  private static List<ShardResult> await(JavaFutureAction<List<ShardResult>> results) throws IOException {
    try {
      return results.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for a wave", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      } else if (cause instanceof RuntimeException r) {
        throw r;
      } else if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException("a wave's job failed: " + cause.getMessage(), cause);
    }
  }

  /**
   * Trials per wave of a sweep of {@code todo} on {@code cores} cores: the option, else about
   * {@link SweepOptions#WAVE_SECONDS_PER_CORE} of the planner's work per core, its core-seconds per
   * trial taken as trained in shards of 16 (a population's share). The bench plans its estimate and
   * its engine-alone shards with it, so they are the sweep's own.
   */
  public static int waveTrials(List<TrialConfig> todo, SweepOptions options, int cores) {
    double perTrial = todo.stream().mapToDouble(t -> CostModel.shardSeconds(t, 16) / 16).average().orElse(Double.NaN);
    return options.commitEvery(cores, perTrial);
  }
}
