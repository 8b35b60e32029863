package org.deadrelu.jobs.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Rewrites a table that a sweep wrote wave by wave into a few large files, sorted across the whole
 * table by its sort columns. Each wave's file holds trials whose ids (hashes) spread over the whole id
 * range, so without this a reader's row-group statistics on {@code trial_id} rule out nothing; after
 * it, a trial's rows sit in one or two row groups.
 *
 * <p>Crash-safe like a wave: the new files are written under the ledger, moved into the table's
 * folder, and count only once one manifest names them and retires the old ones; the old ones are then
 * deleted. A driver that dies before the manifest leaves new files that the next open moves aside; one
 * that dies after it leaves old files that the next open moves aside. No row is lost or doubled in the
 * ledger's view at any point (a reader listing the folder while files are moved may see both).
 */
public final class Compaction {
  /** Files of about 128 MiB (as written, before compression): few files, each of several row groups. */
  public static final long TARGET_FILE_BYTES = 128L << 20;
  /**
   * A table this large is compacted whatever its file count: a reader's skipping by row-group
   * statistics then saves more than the rewrite costs. A smaller one only once it has many files.
   */
  public static final long MIN_BYTES = 256L << 20;

  private final SparkSession spark;
  private final ResultStore store;
  private final long targetFileBytes;
  private final int rowGroupBytes;

  public Compaction(SparkSession spark, ResultStore store) {
    this(spark, store, TARGET_FILE_BYTES, TableFiles.ROW_GROUP_BYTES);
  }

  /** With other sizes (tests use small ones to get many row groups from few rows). */
  Compaction(SparkSession spark, ResultStore store, long targetFileBytes, int rowGroupBytes) {
    this.spark = spark;
    this.store = store;
    this.targetFileBytes = targetFileBytes;
    this.rowGroupBytes = rowGroupBytes;
  }

  /** What one table's compaction did. */
  public record Result(String table, int filesBefore, int filesAfter, long bytesBefore, double seconds) {}

  /**
   * Compacts every table written in more than one wave that has at least {@code minFiles} files or
   * {@link #MIN_BYTES}, the tables side by side (one Spark job each, at once); returns what was done.
   * Each table's swap is committed on its own, as {@link #compact} does.
   */
  public List<Result> compactAll(int minFiles) throws IOException {
    List<Table<?>> due = new ArrayList<>();
    for (Table<?> t : Tables.all()) {
      if (store.manifestsOf(t.name()) > 1 && (store.committedFiles(t.name()).size() >= minFiles
          || store.committedBytes(t.name()) >= MIN_BYTES)) {
        due.add(t);
      }
    }
    if (due.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(due.size(), r -> {
      Thread t = new Thread(r, "deadrelu-compaction");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Result>> running = new ArrayList<>();
      for (Table<?> t : due) {
        running.add(pool.submit(() -> compact(t)));
      }
      List<Result> done = new ArrayList<>();
      for (Future<Result> f : running) {
        done.add(f.get());
      }
      return done;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while compacting", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("compaction failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Compacts every table written in more than one wave, whatever its size. */
  public List<Result> compactAll() throws IOException {
    return compactAll(2);
  }

  /**
   * Rewrites one table's committed files as globally sorted ones, commits the swap, deletes the old.
   * Safe beside another table's: the rewrite is a Spark job of its own, and the ledger is touched
   * under the store's lock.
   */
  public Result compact(Table<?> table) throws IOException {
    long started = System.nanoTime();
    Set<String> old;
    long bytes;
    synchronized (store) {
      old = store.committedFiles(table.name());
      bytes = store.committedBytes(table.name());
    }
    Set<String> added = stage(table, old, bytes);
    synchronized (store) {
      publish(table, added);
      store.commitRewrite(table.name(), added, old);
      store.deleteRetired(table.name(), old);
    }
    return new Result(table.name(), old.size(), added.size(), bytes, (System.nanoTime() - started) / 1e9);
  }

  /**
   * Writes the rows of {@code files} under the ledger, range-partitioned and sorted by the table's
   * sort columns, one file per ~{@link #TARGET_FILE_BYTES}; returns the new files' names.
   */
  Set<String> stage(Table<?> table, Set<String> files, long bytes) throws IOException {
    Path staging = store.stagingPath(table.name());
    String[] paths = files.stream().map(f -> new Path(store.tablePath(table.name()), f).toString()).toArray(String[]::new);
    int parts = (int) Math.max(1, Math.min(10_000, (bytes + targetFileBytes - 1) / targetFileBytes));
    Column[] order = Arrays.stream(table.sortColumns()).map(functions::col).toArray(Column[]::new);
    spark.sparkContext().setJobDescription("compact " + table.name());
    try {
      spark.read().schema(table.schema()).parquet(paths)
          .repartitionByRange(parts, order)
          .sortWithinPartitions(order)
          .write()
          .option("parquet.block.size", rowGroupBytes)
          .mode(SaveMode.Overwrite) // a staging folder left by a driver that died here is replaced
          .parquet(staging.toString());
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
    FileSystem fs = staging.getFileSystem(spark.sparkContext().hadoopConfiguration());
    Set<String> names = new TreeSet<>();
    for (FileStatus s : fs.listStatus(staging)) {
      String n = s.getPath().getName();
      if (s.isFile() && n.endsWith(".parquet")) {
        names.add(n);
      }
    }
    return names;
  }

  /** Moves staged files into the table's folder (still uncommitted) and drops the staging folder. */
  void publish(Table<?> table, Set<String> staged) throws IOException {
    Path staging = store.stagingPath(table.name());
    for (String n : staged) {
      store.publish(new Path(staging, n), table.name());
    }
    staging.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(staging, true);
  }
}
