package org.deadrelu.jobs.output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.DuckDb;

/**
 * The push-down figures of docs/performance.md: writes a synthetic neurons table with
 * {@link SparkTableFiles#append} (10 million rows by default) and times, in DuckDB, counting one
 * trial's rows by a full scan against the same count as a predicate DuckDB pushes into the Parquet
 * reader.
 *
 * <pre>scripts/pushdown.sh [ROWS] [FOLDER] [one|waves]</pre>
 *
 * {@code one}: a single append into 2 files; {@code waves}: an append of 64 trials at a time, 2 files
 * each, as a sweep on 2 cores commits its waves; {@code compacted}: those waves, then compacted as a
 * sweep does at its end.
 */
public final class NeuronsPushDownBench {
  private NeuronsPushDownBench() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    Path folder = Path.of(args.length > 1 ? args[1] : "/tmp/deadrelu-pushdown");
    String layout = args.length > 2 ? args[2] : "one";
    if (!List.of("one", "waves", "compacted").contains(layout)) {
      throw new IllegalArgumentException("layout: " + layout + "; one of one, waves, compacted");
    }
    long trials = (rows + SyntheticNeurons.ROWS_PER_TRIAL - 1) / SyntheticNeurons.ROWS_PER_TRIAL;
    Path table = folder.resolve("neurons");
    if (Files.exists(table)) {
      throw new IllegalArgumentException(table + " exists; give another folder");
    }
    SparkSession spark = SparkSession.builder().appName("pushdown").master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    long t0 = System.nanoTime();
    long wave = layout.equals("one") ? trials : 64;
    // through the result store, as a sweep commits its waves
    ResultStore store = ResultStore.open(folder.getParent().toString(), folder.getFileName().toString(),
        spark.sparkContext().hadoopConfiguration());
    for (long from = 0; from < trials; from += wave) {
      Set<String> had = store.dataFiles("neurons");
      SparkTableFiles.append(NeuronsTable.TABLE, SyntheticNeurons.trials(spark, from, Math.min(trials, from + wave), 2),
          table.toString(), 2);
      Set<String> added = new TreeSet<>(store.dataFiles("neurons"));
      added.removeAll(had);
      store.commitWave(List.of(), Map.of("neurons", added), null);
    }
    double writeSeconds = (System.nanoTime() - t0) / 1e9;
    if (layout.equals("compacted")) {
      Compaction.Result c = new Compaction(spark, store).compact(NeuronsTable.TABLE);
      System.out.printf(Locale.ROOT, "compacted: %d files -> %d in %.1f s%n", c.filesBefore(), c.filesAfter(), c.seconds());
    }
    spark.stop();

    long bytes;
    try (Stream<Path> s = Files.list(table)) {
      bytes = s.filter(p -> p.toString().endsWith(".parquet")).mapToLong(p -> p.toFile().length()).sum();
    }
    try (DuckDb duck = new DuckDb(folder)) {
      NeuronRowGroups groups = NeuronRowGroups.of(duck, table);
      String trial = (String) duck.query("SELECT min(trial_id) FROM neurons WHERE trial_id >= '8'").get(0).get(0);
      System.out.printf(Locale.ROOT, "neurons: %,d rows (%,d trials), %s layout, written in %.1f s%n", groups.rows(), trials,
          layout, writeSeconds);
      System.out.printf(Locale.ROOT, "files: %d, row groups: %d, bytes: %,d (%.1f MB)%n", groups.files(),
          groups.groups().size(), bytes, bytes / 1e6);
      String where = "trial_id = '" + trial + "'";
      String step = where + " AND step = 500";
      report(duck, groups, table, "one trial", trial, null, "SELECT sum(CASE WHEN " + where + " THEN 1 ELSE 0 END) FROM neurons",
          "SELECT count(*) FROM neurons WHERE " + where);
      report(duck, groups, table, "one trial and step", trial, 500, "SELECT sum(CASE WHEN " + step + " THEN 1 ELSE 0 END) FROM neurons",
          "SELECT count(*) FROM neurons WHERE " + step);
    }
  }

  private static void report(DuckDb duck, NeuronRowGroups groups, Path table, String what, String trial, Integer step, String fullScan,
      String pushedDown) throws Exception {
    long full = duck.count(fullScan);
    long pushed = duck.count(pushedDown);
    if (full != pushed) {
      throw new IllegalStateException(what + ": full scan " + full + " rows, pushed down " + pushed);
    }
    List<NeuronRowGroups.RowGroup> admitted = groups.admitting(trial, step);
    List<NeuronRowGroups.RowGroup> holding = groups.holding(duck, table, trial);
    System.out.printf(Locale.ROOT, "%s (%d rows): full scan %.1f ms, predicate %.1f ms (medians of 5)%n", what, full,
        median(() -> duck.count(fullScan)), median(() -> duck.count(pushedDown)));
    System.out.printf(Locale.ROOT, "  of %d row groups (%,d rows): min/max statistics admit %d (%,d rows); %d hold the trial"
        + " (%,d rows)%n", groups.groups().size(), groups.rows(),
        admitted.size(), rows(admitted), holding.size(), rows(holding));
  }

  private static long rows(List<NeuronRowGroups.RowGroup> groups) {
    return groups.stream().mapToLong(NeuronRowGroups.RowGroup::rows).sum();
  }

  private static double median(Callable<Long> query) throws Exception {
    double[] ms = new double[5];
    for (int i = 0; i < ms.length; i++) {
      long t = System.nanoTime();
      query.call();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms[ms.length / 2];
  }
}
