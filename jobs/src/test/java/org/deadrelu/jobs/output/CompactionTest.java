package org.deadrelu.jobs.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.DuckDb;
import org.deadrelu.jobs.SparkTestSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A neurons table written in four waves, as a sweep writes it, then compacted. DuckDB, not Spark,
 * checks the outcome: the same rows (count and a hash over every row), globally sorted so that one
 * trial's rows sit in one or two row groups where before every wave's file admitted it, and the
 * ledger naming exactly the files in the folder. A driver dying at either step of the swap loses and
 * doubles nothing.
 */
class CompactionTest {
  static final int WAVES = 4;
  static final int TRIALS_PER_WAVE = 40; // x 1,430 rows = 228,800 rows, about 12 MB
  static final long FILE_BYTES = 4L << 20;
  static final int ROW_GROUP_BYTES = 1 << 20;

  @TempDir Path out;
  SparkSession spark;
  ResultStore store;
  Path folder;
  List<Object> before;

  @BeforeEach
  void writeInWaves() throws Exception {
    spark = SparkTestSession.get();
    store = open();
    folder = out.resolve("c");
    for (int w = 0; w < WAVES; w++) {
      Set<String> had = store.dataFiles("neurons");
      SparkTableFiles.append(NeuronsTable.TABLE, SyntheticNeurons.trials(spark, (long) w * TRIALS_PER_WAVE,
          (long) (w + 1) * TRIALS_PER_WAVE, 2), store.tablePath("neurons").toString(), 2);
      Set<String> added = new TreeSet<>(store.dataFiles("neurons"));
      added.removeAll(had);
      store.commitWave(List.of("wave" + w), Map.of("neurons", added), null);
    }
    before = fingerprint();
  }

  private ResultStore open() {
    return ResultStore.open(out.toString(), "c", spark.sparkContext().hadoopConfiguration());
  }

  private Compaction compaction(ResultStore s) {
    return new Compaction(spark, s, FILE_BYTES, ROW_GROUP_BYTES);
  }

  /** Row count and the sum of a hash over every column of every row, as DuckDB reads the folder. */
  private List<Object> fingerprint() throws SQLException {
    try (DuckDb duck = new DuckDb(folder)) {
      return duck.query("SELECT count(*), sum(hash(sweep, trial_id, step, layer, neuron, output_layer, active_rate,"
          + " max_preact, mean_abs_act, dormant_score, dormant, dead, saturated_rate, grad_norm, grad_dormancy_score, bias,"
          + " weight_norm, outgoing_weight_norm, slope,"
          + " born_dead, death_step, revivals)) FROM neurons").get(0);
    }
  }

  private NeuronRowGroups rowGroups() throws SQLException {
    try (DuckDb duck = new DuckDb(folder)) {
      return NeuronRowGroups.of(duck, folder.resolve("neurons"));
    }
  }

  private Set<String> parquetFiles() throws IOException {
    try (Stream<Path> s = Files.list(folder.resolve("neurons"))) {
      return new TreeSet<>(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".parquet")).toList());
    }
  }

  private String someTrial() throws SQLException {
    try (DuckDb duck = new DuckDb(folder)) {
      return (String) duck.query("SELECT min(trial_id) FROM neurons WHERE trial_id >= '8'").get(0).get(0);
    }
  }

  @Test
  void compactionKeepsEveryRowAndLetsAReaderSkipByTrial() throws Exception {
    assertEquals((long) WAVES * TRIALS_PER_WAVE * SyntheticNeurons.ROWS_PER_TRIAL, ((Number) before.get(0)).longValue());
    String trial = someTrial();
    // ids are hashes: every wave's files span the id range, so each wave admits the trial
    assertTrue(rowGroups().admitting(trial, null).size() >= WAVES, "before: " + rowGroups().admitting(trial, null));
    Set<String> old = parquetFiles();
    long bytes = store.committedBytes("neurons");

    List<Compaction.Result> done = compaction(store).compactAll();

    assertEquals(1, done.size());
    assertEquals(before, fingerprint(), "the same rows");
    Set<String> now = parquetFiles();
    assertTrue(now.stream().noneMatch(old::contains), "the old files are gone: " + now);
    assertEquals((bytes + FILE_BYTES - 1) / FILE_BYTES, now.size(), "one file per " + FILE_BYTES + " bytes of input");
    NeuronRowGroups after = rowGroups();
    assertTrue(after.groups().size() >= 6, "several row groups: " + after.groups().size());
    // sorted across the whole table: row groups' trial ranges overlap at most at their ends
    List<NeuronRowGroups.RowGroup> byMin = after.groups().stream()
        .sorted(Comparator.comparing(NeuronRowGroups.RowGroup::trialMin)).toList();
    for (int i = 1; i < byMin.size(); i++) {
      assertTrue(byMin.get(i - 1).trialMax().compareTo(byMin.get(i).trialMin()) <= 0, byMin.get(i - 1) + " / " + byMin.get(i));
    }
    assertTrue(after.admitting(trial, null).size() <= 2, "after: " + after.admitting(trial, null));

    ResultStore reopened = open();
    assertEquals(now, reopened.committedFiles("neurons"), "the ledger names exactly the files in the folder");
    assertEquals(Set.of("wave0", "wave1", "wave2", "wave3"), reopened.doneTrials());
    assertEquals(now, parquetFiles(), "reopening moved nothing aside");
    assertTrue(compaction(reopened).compactAll().isEmpty(), "a compacted table is not compacted again");
  }

  @Test
  void aTableWithFewerFilesThanTheThresholdIsLeftAsItIs() throws Exception {
    Set<String> files = parquetFiles();
    assertEquals(WAVES * 2, files.size(), "two files per wave");
    assertTrue(compaction(store).compactAll(files.size() + 1).isEmpty(), "one file short of the threshold");
    assertEquals(files, parquetFiles(), "nothing rewritten");
    assertEquals(WAVES, store.manifestsOf("neurons"));
    assertEquals(1, compaction(store).compactAll(files.size()).size(), "at the threshold it is compacted");
    assertEquals(before, fingerprint(), "the same rows");
  }

  /** The neurons table's compaction up to the swap: new files written and moved into the folder, uncommitted. */
  private Set<String> stageAndPublish() throws IOException {
    Compaction c = compaction(store);
    Set<String> staged = c.stage(NeuronsTable.TABLE, store.committedFiles("neurons"), store.committedBytes("neurons"));
    c.publish(NeuronsTable.TABLE, staged);
    return staged;
  }

  @Test
  void aDriverDyingBeforeTheSwapIsCommittedLeavesTheOldFiles() throws Exception {
    Set<String> old = parquetFiles();
    Set<String> staged = stageAndPublish();
    assertEquals(old.size() + staged.size(), parquetFiles().size(), "both old and new in the folder");
    // the driver dies here; the next run opens the folder
    ResultStore reopened = open();
    assertEquals(old, parquetFiles(), "the uncommitted new files were moved aside");
    assertEquals(before, fingerprint());
    assertEquals(1, compaction(reopened).compactAll().size(), "and the compaction is done again");
    assertEquals(before, fingerprint());
  }

  @Test
  void aDriverDyingAfterTheSwapIsCommittedLeavesTheNewFiles() throws Exception {
    Set<String> old = parquetFiles();
    Set<String> staged = stageAndPublish();
    store.commitRewrite("neurons", staged, old);
    // the driver dies before deleting the old files
    ResultStore reopened = open();
    assertEquals(staged, parquetFiles(), "the retired old files were moved aside");
    assertEquals(before, fingerprint());
    assertEquals(staged, reopened.committedFiles("neurons"));
    Set<String> aside = new HashSet<>();
    try (Stream<Path> s = Files.walk(folder.resolve("_deadrelu/uncommitted"))) {
      s.filter(Files::isRegularFile).forEach(p -> aside.add(p.getFileName().toString()));
    }
    assertTrue(aside.containsAll(old), "kept aside, not deleted: " + aside);
  }

  @Test
  void aTableWithNoRowsKeepsAFileWithItsSchema() throws Exception {
    for (int w = 0; w < 2; w++) {
      Set<String> had = store.dataFiles("events");
      SparkTableFiles.append(EventsTable.TABLE, spark.createDataFrame(List.of(), EventsTable.TABLE.schema()),
          store.tablePath("events").toString(), 2);
      Set<String> added = new TreeSet<>(store.dataFiles("events"));
      added.removeAll(had);
      store.commitWave(List.of(), Map.of("events", added), null);
    }
    assertEquals(2, store.manifestsOf("events"));
    compaction(store).compact(EventsTable.TABLE);
    Set<String> files = open().committedFiles("events");
    assertEquals(1, files.size(), "one file, with the schema: " + files);
    try (DuckDb duck = new DuckDb(folder)) {
      assertEquals(0, duck.count("SELECT count(*) FROM events"));
      assertEquals(EventsTable.TABLE.schema().size(),
          duck.query("DESCRIBE SELECT * FROM events").size(), "every column is there");
    }
  }
}
