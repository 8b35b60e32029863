package org.deadrelu.jobs.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.DuckDb;
import org.deadrelu.jobs.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A neurons table of 1.5 million rows written by {@link SparkTableFiles#append}, sorted as a sweep writes it:
 * DuckDB finds min/max statistics on trial_id, step and layer in every row group, and a query for
 * one trial reads only the row groups those statistics admit. That it reads no other is shown by
 * overwriting every other row group's column chunks with zeros: the query still gives the full
 * scan's count, while a full scan of the damaged copy fails.
 */
class NeuronsPushDownTest {
  static final int TRIALS = 1_050; // x 1,430 rows = 1,501,500 rows
  static final int FILES = 2;

  @TempDir static Path dir;
  static NeuronRowGroups groups;
  static String trial;

  @BeforeAll
  static void writeTable() throws Exception {
    SparkSession spark = SparkTestSession.get();
    SparkTableFiles.append(NeuronsTable.TABLE, SyntheticNeurons.trials(spark, 0, TRIALS, FILES),
        dir.resolve("neurons").toString(), FILES);
    try (DuckDb duck = new DuckDb(dir)) {
      groups = NeuronRowGroups.of(duck, dir.resolve("neurons"));
      // a trial from the middle of the key range
      trial = (String) duck.query("SELECT min(trial_id) FROM neurons WHERE trial_id >= '8'").get(0).get(0);
    }
  }

  @Test
  void everyFileHasSeveralRowGroupsWithStatisticsOnTheSortColumns() {
    assertEquals((long) TRIALS * SyntheticNeurons.ROWS_PER_TRIAL, groups.rows());
    assertEquals(FILES, groups.files());
    for (String file : groups.groups().stream().map(NeuronRowGroups.RowGroup::file).distinct().toList()) {
      long n = groups.groups().stream().filter(g -> g.file().equals(file)).count();
      assertTrue(n >= 3, file + ": " + n + " row groups");
    }
    for (NeuronRowGroups.RowGroup g : groups.groups()) {
      assertNotNull(g.trialMin(), "trial_id statistics in " + g);
      assertNotNull(g.trialMax());
      assertTrue(g.trialMin().compareTo(g.trialMax()) < 0, "sorted by trial_id within the file: " + g);
      assertNotNull(g.stepMin(), "step statistics in " + g);
      assertNotNull(g.layerMin(), "layer statistics in " + g);
      assertTrue(g.stepMax() == 1000 && g.layerMax() == 2);
    }
  }

  @Test
  void oneTrialsRowGroupsAreASmallShareOfTheTable() {
    List<NeuronRowGroups.RowGroup> read = groups.admitting(trial, null);
    // sorted within each file: at most one row group per file, two where the trial straddles a boundary
    assertTrue(read.size() <= FILES + 1, read.size() + " row groups");
    assertTrue(read.size() * 2 <= groups.groups().size(), read.size() + " of " + groups.groups().size() + " row groups");
    long rows = read.stream().mapToLong(NeuronRowGroups.RowGroup::rows).sum();
    assertTrue(rows * 2 <= groups.rows(), rows + " of " + groups.rows() + " rows");
  }

  @Test
  void duckDbReadsOnlyTheRowGroupsTheStatisticsAdmit() throws Exception {
    List<NeuronRowGroups.RowGroup> admitted = groups.admitting(trial, null);
    groups.copyDamagingAllBut(dir, dir.resolve("damaged"), admitted::contains);
    long fullScan;
    long fullScanWithStep;
    try (DuckDb duck = new DuckDb(dir)) {
      // no predicate to push down: every row group is read
      fullScan = duck.count("SELECT sum(CASE WHEN trial_id = '" + trial + "' THEN 1 ELSE 0 END) FROM neurons");
      fullScanWithStep = duck.count("SELECT sum(CASE WHEN trial_id = '" + trial + "' AND step = 500 THEN 1 ELSE 0 END) FROM neurons");
    }
    assertEquals(SyntheticNeurons.ROWS_PER_TRIAL, fullScan);
    assertEquals(SyntheticNeurons.NEURONS, fullScanWithStep);
    try (DuckDb duck = new DuckDb(dir.resolve("damaged"))) {
      assertEquals(fullScan, duck.count("SELECT count(*) FROM neurons WHERE trial_id = '" + trial + "'"));
      assertEquals(fullScanWithStep, duck.count("SELECT count(*) FROM neurons WHERE trial_id = '" + trial + "' AND step = 500"));
      // the damage is there for any reader that does not skip
      assertThrows(SQLException.class, () -> duck.count("SELECT sum(CASE WHEN trial_id = '" + trial + "' THEN 1 ELSE 0 END) FROM neurons"));
    }
  }
}
