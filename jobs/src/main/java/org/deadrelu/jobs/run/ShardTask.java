package org.deadrelu.jobs.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.deadrelu.jobs.output.Table;
import org.deadrelu.jobs.output.TableFiles;
import org.deadrelu.jobs.output.Tables;
import org.deadrelu.jobs.plan.Shard;
import org.deadrelu.model.data.LabeledTable;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.result.TrialStatus;
import org.deadrelu.model.train.ShardTrainer;
import org.deadrelu.model.train.Trainer;

/**
 * What an executor does with a shard: train its trials natively with ND4J, then write their rows,
 * one Parquet file per table, into the tables' incoming folders. Writing where the rows were made
 * spreads the writes over the executors' cores alongside other shards' training, and nothing but
 * the trials' statuses, the files' names and the executor's environment goes back to the driver.
 */
final class ShardTask implements Function<Shard, ShardResult> {
  private final Broadcast<Map<String, LabeledTable>> files;
  private final Broadcast<SerializableConfiguration> hadoopConf;
  private final String sweep;
  /** The incoming folder of each table, by table name. */
  private final Map<String, String> incoming;
  private final LongAccumulator done;
  private final LongAccumulator diverged;
  private final LongAccumulator failed;

  ShardTask(Broadcast<Map<String, LabeledTable>> files, Broadcast<SerializableConfiguration> hadoopConf,
      String sweep, Map<String, String> incoming, Progress progress) {
    this.files = files;
    this.hadoopConf = hadoopConf;
    this.sweep = sweep;
    this.incoming = new LinkedHashMap<>(incoming);
    this.done = progress.done;
    this.diverged = progress.diverged;
    this.failed = progress.failed;
  }

  @Override
  public ShardResult call(Shard shard) throws IOException {
    long started = System.nanoTime();
    EngineSettings.apply();
    Map<String, LabeledTable> tables = files.value();
    Trainer trainer = new Trainer();
    // the planner sized the shard for memory; it trains as populations of what fits the cache
    List<TrialOutput> out = new ShardTrainer(trainer, path -> {
      LabeledTable t = tables.get(path);
      if (t == null) {
        throw new IllegalStateException("data file " + path + " was not loaded by the driver");
      }
      return t;
    }, shard.trials().size()).train(shard.trials(), o -> {
      done.add(1);
      if (o.summary().status() == TrialStatus.DIVERGED) {
        diverged.add(1);
      } else if (o.summary().status() == TrialStatus.FAILED) {
        failed.add(1);
      }
    });
    // each attempt names its files afresh: a retried or speculative attempt never touches another's
    String name = String.format(Locale.ROOT, "part-%05d-%s.snappy.parquet", shard.index(), UUID.randomUUID());
    long trained = System.nanoTime();
    long rowsNanos = 0;
    long writingNanos = 0;
    Map<String, String> written = new LinkedHashMap<>();
    // in the files' order of trials, so that a table's rows, each trial's already in order, need no
    // merging when the file is sorted
    List<TrialOutput> byId = new ArrayList<>(out);
    byId.sort(Comparator.comparing(TrialOutput::trialId));
    for (Table<?> table : Tables.all()) {
      long t0 = System.nanoTime();
      List<Row> rows = new ArrayList<>();
      for (TrialOutput o : byId) {
        rows.addAll(table.rows(sweep, o));
      }
      long t1 = System.nanoTime();
      if (!rows.isEmpty()) {
        TableFiles.write(table, rows, new Path(incoming.get(table.name()), name), hadoopConf.value().value());
        written.put(table.name(), name);
      }
      rowsNanos += t1 - t0;
      writingNanos += System.nanoTime() - t1;
    }
    Map<String, TrialStatus> statuses = new LinkedHashMap<>();
    out.forEach(o -> statuses.put(o.trialId(), o.summary().status()));
    long measuring = trainer.measuringNanos();
    TaskTimes times = new TaskTimes(System.nanoTime() - started, trained - started - measuring, measuring, rowsNanos,
        writingNanos);
    return new ShardResult(statuses, written, times, Environment.here());
  }
}
