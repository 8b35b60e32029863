package org.deadrelu.jobs.run;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.deadrelu.jobs.data.FileTables;
import org.deadrelu.jobs.output.ResultStore;
import org.deadrelu.jobs.output.Table;
import org.deadrelu.jobs.output.Tables;
import org.deadrelu.jobs.plan.Plan;
import org.deadrelu.jobs.plan.Planner;
import org.deadrelu.jobs.plan.Shard;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.LabeledTable;
import org.deadrelu.model.result.TrialOutput;

/**
 * Runs a sweep: plan, fan out, write. Trials already in the result folder are skipped; the rest run
 * in waves, each trained by one Spark task per shard and then committed to the five tables.
 */
public final class SweepRunner {
  /** Parquet row groups of 16 MiB: fine-grained enough for predicate push-down on sorted columns. */
  static final int ROW_GROUP_BYTES = 16 << 20;
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
    return new SweepReport(sweep, store.root().toString(), trials.size(), skipped, todo.size(),
        byStatus, (System.nanoTime() - started) / 1e9);
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
      List<String> statuses = outputs.map(o -> o.trialId() + " " + o.summary().status()).collect();
      Map<String, Set<String>> written = new LinkedHashMap<>();
      int partitions = Math.max(1, Math.min(shards.size(), jsc.defaultParallelism()));
      for (Table<?> table : Tables.all()) {
        String name = table.name();
        Set<String> before = store.dataFiles(name);
        JavaRDD<Row> rows = outputs.flatMap(o -> Tables.byName(name).rows(sweep, o).iterator());
        // sorted within each file, so row-group statistics on trial_id, step and layer let readers
        // such as DuckDB skip most of a large neurons table for a predicate on them
        spark.createDataFrame(rows, table.schema()).coalesce(partitions)
            .sortWithinPartitions(java.util.Arrays.stream(table.sortColumns()).map(functions::col)
                .toArray(org.apache.spark.sql.Column[]::new)).write()
            .option("parquet.block.size", ROW_GROUP_BYTES)
            .mode(SaveMode.Append).parquet(store.tablePath(name).toString());
        Set<String> added = new HashSet<>(store.dataFiles(name));
        added.removeAll(before);
        written.put(name, added);
      }
      List<String> ids = new ArrayList<>();
      Map<String, Integer> byStatus = new TreeMap<>();
      for (String s : statuses) {
        String[] parts = s.split(" ");
        ids.add(parts[0]);
        byStatus.merge(parts[1].toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
      }
      store.commitWave(ids, written);
      return byStatus;
    } finally {
      outputs.unpersist(false);
    }
  }
}
