package org.deadrelu.jobs.sweep;

import static org.deadrelu.model.config.Settings.DATA_SAMPLES;
import static org.deadrelu.model.config.Settings.HIDDEN;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.PROBE_EVERY;
import static org.deadrelu.model.config.Settings.PROBE_SAMPLES;
import static org.deadrelu.model.config.Settings.STEPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.deadrelu.jobs.DuckDb;
import org.deadrelu.jobs.output.Table;
import org.deadrelu.jobs.output.TableFiles;
import org.deadrelu.jobs.output.TrialsTable;
import org.deadrelu.jobs.sweep.yaml.SweepValidationException;
import org.deadrelu.model.config.Interval;
import org.deadrelu.model.config.InvalidSettingException;
import org.deadrelu.model.config.NumberType;
import org.deadrelu.model.config.Setting;
import org.deadrelu.model.config.SettingCatalog;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.data.DatasetFactory;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A setting added through its declaration alone, with no other edit, is read from sweep files and
 * checked there, checked when built in code, hashed into trial ids, written as a column of the
 * trials table and documented in the settings reference.
 */
class AddedSettingTest {

  /** A made-up setting; no engine code reads it. */
  static final Setting<Double> DROPOUT = Setting.define("train.dropout", new NumberType(Interval.closedOpen(0, 1)))
      .byDefault(0.0).hashedOnlyOffDefault()
      .doc("share of hidden units dropped at each step")
      .build();

  static final SettingCatalog CATALOG = SettingCatalog.standard().with(DROPOUT);

  @TempDir Path tmp;

  private static final String SWEEP = """
      name: dropout
      data: {source: blobs, samples: 60, classes: 2}
      model: {hidden: [4]}
      train: {steps: 2, batch_size: 8, dropout: %s}
      probe: {every: 1, samples: 10}
      grid:
        lr: [0.1, 0.2]
      """;

  @Test
  void aSweepFileWritesItAndOutOfRangeValuesAreRejectedWithTheFileTheFieldAndWhatIsAccepted() {
    assertEquals(List.of(0.3, 0.3), SweepLoader.load(CATALOG, "ok.yaml", SWEEP.formatted("0.3")).expand().stream()
        .map(t -> t.get(DROPOUT)).toList());
    SweepValidationException tooHigh = assertThrows(SweepValidationException.class,
        () -> SweepLoader.load(CATALOG, "high.yaml", SWEEP.formatted("1.5")));
    assertTrue(tooHigh.getMessage().contains("high.yaml:4:") && tooHigh.getMessage().contains(
        "train.dropout: must be in [0, 1), got 1.5"), tooHigh.getMessage());
    SweepValidationException notANumber = assertThrows(SweepValidationException.class,
        () -> SweepLoader.load(CATALOG, "word.yaml", SWEEP.formatted("lots")));
    assertTrue(notANumber.getMessage().contains("word.yaml:4:") && notANumber.getMessage().contains(
        "train.dropout: must be a finite number in [0, 1), got 'lots'"), notANumber.getMessage());
    SweepValidationException axis = assertThrows(SweepValidationException.class, () -> SweepLoader.load(CATALOG,
        "axis.yaml", SWEEP.formatted("0.1").replace("lr: [0.1, 0.2]", "dropout: [0.1, 2]")));
    assertTrue(axis.getMessage().contains("axis.yaml:7:") && axis.getMessage().contains(
        "grid.dropout: must be in [0, 1), got 2"), axis.getMessage());
  }

  @Test
  void withoutItTheSettingIsUnknownToSweepFiles() {
    SweepValidationException e = assertThrows(SweepValidationException.class,
        () -> SweepLoader.load("standard.yaml", SWEEP.formatted("0.3")));
    assertTrue(e.getMessage().contains("train.dropout: unknown key 'dropout'"), e.getMessage());
  }

  @Test
  void codeCannotBuildATrialWithAValueOutsideItsRange() {
    InvalidSettingException e = assertThrows(InvalidSettingException.class,
        () -> CATALOG.builder().set(DROPOUT, -0.1).build());
    assertTrue(e.getMessage().contains("train.dropout: must be in [0, 1), got -0.1"), e.getMessage());
  }

  @Test
  void itsValueIsPartOfTheTrialIdAndTrialsAtTheDefaultKeepTheirIds() {
    TrialConfig standard = TrialConfig.builder().set(LR, 0.1).seed(3).build();
    TrialConfig atDefault = CATALOG.builder().set(LR, 0.1).seed(3).build();
    TrialConfig dropped = CATALOG.builder().set(LR, 0.1).set(DROPOUT, 0.5).seed(3).build();
    assertEquals(standard.trialId(), atDefault.trialId());
    assertNotEquals(atDefault.trialId(), dropped.trialId());
    assertNotEquals(dropped.trialId(), CATALOG.builder().set(LR, 0.1).set(DROPOUT, 0.25).seed(3).build().trialId());
    assertTrue(dropped.canonicalConfig().endsWith("train.dropout=0.5;"), dropped.canonicalConfig());
  }

  @Test
  void itIsAColumnOfTheTrialsTableAndAWrittenFileHoldsItsValue() throws Exception {
    Table<TrialOutput> table = TrialsTable.of(CATALOG);
    StructType schema = table.schema();
    StructField field = schema.apply("dropout");
    assertEquals(DataTypes.DoubleType, field.dataType());
    assertFalse(field.nullable());
    // the settings' columns come before the outcome's
    assertTrue(schema.fieldIndex("dropout") < schema.fieldIndex("steps_completed"));
    assertEquals(schema.fieldIndex("cbp_utility_decay") + 1, schema.fieldIndex("dropout"));

    TrialConfig trial = CATALOG.builder().set(DATA_SAMPLES, 60).set(HIDDEN, List.of(4)).set(STEPS, 2)
        .set(PROBE_EVERY, 1).set(PROBE_SAMPLES, 10).set(DROPOUT, 0.25).seed(1).build();
    TrialOutput out = new Trainer().train(trial, DatasetFactory.build(trial, null));
    Path file = tmp.resolve("trials").resolve("part-0.parquet");
    Files.createDirectories(file.getParent());
    TableFiles.write(table, table.rows("dropout", out), new org.apache.hadoop.fs.Path(file.toUri()),
        new Configuration());
    try (DuckDb duck = new DuckDb()) {
      List<List<Object>> rows = duck.query("SELECT trial_id, dropout FROM read_parquet('" + file + "')");
      assertEquals(List.of(List.of(trial.trialId(), 0.25)), rows);
    }
  }

  @Test
  void itHasARowInTheSettingsReference() {
    String md = SettingsReference.markdown(CATALOG);
    assertTrue(md.contains("| `train.dropout` | number | `0.0` | a finite number in [0, 1) | every trial | `dropout`"
        + " | share of hidden units dropped at each step |"), md);
    assertFalse(SettingsReference.markdown(SettingCatalog.standard()).contains("train.dropout"));
  }
}
