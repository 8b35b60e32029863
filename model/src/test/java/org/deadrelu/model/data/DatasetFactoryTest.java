package org.deadrelu.model.data;

import static org.deadrelu.model.config.Settings.DATA_CLASSES;
import static org.deadrelu.model.config.Settings.DATA_FEATURES;
import static org.deadrelu.model.config.Settings.DATA_FUNCTION;
import static org.deadrelu.model.config.Settings.DATA_LABEL;
import static org.deadrelu.model.config.Settings.DATA_NOISE;
import static org.deadrelu.model.config.Settings.DATA_PATH;
import static org.deadrelu.model.config.Settings.DATA_SAMPLES;
import static org.deadrelu.model.config.Settings.DATA_SEED;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.DATA_TASK;
import static org.deadrelu.model.config.Settings.LR;
import static org.deadrelu.model.config.Settings.TEST_FRACTION;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.deadrelu.model.DataException;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.TrialConfig;
import org.junit.jupiter.api.Test;

class DatasetFactoryTest {

  private static final Function<String, LabeledTable> NO_FILES = path -> {
    throw new AssertionError("no file source in this test, asked for " + path);
  };

  private static TrialConfig.Builder config(DataSourceKind source, String task) {
    return TrialConfig.builder().set(DATA_SOURCE, source).set(DATA_TASK, task).set(DATA_SAMPLES, 200)
        .set(DATA_NOISE, 0.1).set(DATA_CLASSES, 3).set(DATA_FEATURES, 4).set(DATA_FUNCTION, "abs").set(TEST_FRACTION, 0.25)
        .set(DATA_SEED, 7L);
  }

  /** A small file-like table: 20 rows, column 0 from 100 to 119, labels 0/1 alternating. */
  private static LabeledTable fileTable(String path) {
    double[][] x = new double[20][];
    double[] y = new double[20];
    for (int i = 0; i < 20; i++) {
      x[i] = new double[] {100 + i, i % 3};
      y[i] = i % 2;
    }
    return LabeledTable.of(path, new String[] {"u", "v"}, x, y, true);
  }

  private static void assertStandardizedTrain(Dataset d) {
    for (int j = 0; j < d.features(); j++) {
      double sum = 0;
      for (double[] row : d.trainX()) {
        sum += row[j];
      }
      assertEquals(0, sum / d.trainX().length, 1e-9, "feature " + j);
    }
  }

  @Test
  void blobsBuildAsClassificationWithOneOutputPerClass() {
    Dataset d = DatasetFactory.build(config(DataSourceKind.BLOBS, "classification").build(), NO_FILES);
    assertTrue(d.classification());
    assertEquals(3, d.numClasses());
    assertEquals(4, d.features());
    assertEquals(150, d.trainX().length);
    assertEquals(50, d.testX().length);
    assertEquals("blobs(n=200,classes=3,features=4,noise=0.1)", d.name());
    assertStandardizedTrain(d);
  }

  @Test
  void spiralsBuildWithTwoFeaturesAndTwoClasses() {
    Dataset d = DatasetFactory.build(config(DataSourceKind.SPIRALS, "classification").build(),
        NO_FILES);
    assertEquals(2, d.numClasses());
    assertEquals(2, d.features());
    assertEquals("spirals(n=200,noise=0.1)", d.name());
    assertStandardizedTrain(d);
  }

  @Test
  void teacherBuildsAsRegressionWithOneOutputAndUnscaledTargets() {
    TrialConfig c = config(DataSourceKind.TEACHER, "regression").set(TEST_FRACTION, 0.0).build();
    Dataset d = DatasetFactory.build(c, NO_FILES);
    assertFalse(d.classification());
    assertEquals(1, d.numClasses());
    assertEquals(1, d.outputs());
    assertEquals(4, d.features());
    assertEquals(0, d.testX().length);
    // targets are those of the generator, in shuffled order, not rescaled
    double[] generated = Teacher.generate(200, 4, 0.1, 7).labels().clone();
    double[] built = d.trainY().clone();
    Arrays.sort(generated);
    Arrays.sort(built);
    assertArrayEquals(generated, built);
  }

  @Test
  void functionBuildsAsOneDimensionalRegression() {
    Dataset d = DatasetFactory.build(config(DataSourceKind.FUNCTION, "regression").build(), NO_FILES);
    assertEquals(1, d.features());
    assertEquals(1, d.outputs());
    assertEquals("function(abs,n=200,noise=0.1)", d.name());
  }

  @Test
  void digitsBuildWithTenClassesAndTheirOwnName() {
    Dataset d = DatasetFactory.build(config(DataSourceKind.DIGITS, "classification")
        .set(TEST_FRACTION, 0.2).build(), NO_FILES);
    assertEquals("digits", d.name());
    assertEquals(10, d.numClasses());
    assertEquals(64, d.features());
    assertEquals(359, d.testX().length);
    assertEquals(1797 - 359, d.trainX().length);
    // the shared bundled table is untouched by standardizing the trial's copy
    for (double[] row : BundledDatasets.digits().features()) {
      for (double v : row) {
        assertTrue(v >= 0 && v <= 16 && v == Math.rint(v));
      }
    }
  }

  @Test
  void breastCancerBuildsWithTwoClasses() {
    Dataset d = DatasetFactory.build(config(DataSourceKind.BREAST_CANCER, "classification").build(),
        NO_FILES);
    assertEquals("breast_cancer", d.name());
    assertEquals(2, d.numClasses());
    assertEquals(30, d.features());
    assertEquals(569, d.trainX().length + d.testX().length);
    assertStandardizedTrain(d);
  }

  @Test
  void csvAndParquetAreLoadedThroughTheGivenLoaderByPath() {
    for (DataSourceKind kind : new DataSourceKind[] {DataSourceKind.CSV, DataSourceKind.PARQUET}) {
      List<String> asked = new ArrayList<>();
      TrialConfig c = config(kind, "classification").set(DATA_PATH, "s3a://bucket/t.data").build();
      Dataset d = DatasetFactory.build(c, path -> {
        asked.add(path);
        return fileTable(path);
      });
      assertEquals(List.of("s3a://bucket/t.data"), asked);
      assertEquals("s3a://bucket/t.data", d.name());
      assertEquals(2, d.numClasses());
      assertEquals(15, d.trainX().length);
      assertEquals(5, d.testX().length);
      assertStandardizedTrain(d);
    }
  }

  @Test
  void fileWithNonIntegerLabelsIsRejectedForClassificationButFineForRegression() {
    LabeledTable raw = new LabeledTable("f.csv", new String[] {"u"},
        new double[][] {{1}, {2}, {3}}, new double[] {0.5, 1.5, 2.5});
    TrialConfig.Builder b = config(DataSourceKind.CSV, "classification").set(DATA_PATH, "f.csv");
    DataException e = assertThrows(DataException.class,
        () -> DatasetFactory.build(b.build(), path -> raw));
    assertTrue(e.getMessage().contains("f.csv"), e.getMessage());
    Dataset d = DatasetFactory.build(b.set(DATA_TASK, "regression").build(), path -> raw);
    assertEquals(1, d.outputs());
  }

  @Test
  void regressionOnAClassificationOnlySourceIsRejected() {
    for (DataSourceKind kind : new DataSourceKind[] {DataSourceKind.BLOBS, DataSourceKind.SPIRALS,
        DataSourceKind.DIGITS, DataSourceKind.BREAST_CANCER}) {
      DataException e = assertThrows(DataException.class,
          () -> DatasetFactory.build(config(kind, "regression").build(), NO_FILES));
      assertTrue(e.getMessage().contains("classification"), e.getMessage());
    }
  }

  @Test
  void classificationOnTeacherOrFunctionIsRejected() {
    for (DataSourceKind kind : new DataSourceKind[] {DataSourceKind.TEACHER, DataSourceKind.FUNCTION}) {
      DataException e = assertThrows(DataException.class,
          () -> DatasetFactory.build(config(kind, "classification").build(), NO_FILES));
      assertTrue(e.getMessage().contains("regression"), e.getMessage());
    }
  }

  @Test
  void unknownTaskIsRejected() {
    DataException e = assertThrows(DataException.class,
        () -> DatasetFactory.build(config(DataSourceKind.BLOBS, "ranking").build(), NO_FILES));
    assertTrue(e.getMessage().contains("ranking"), e.getMessage());
  }

  @Test
  void fileSourceWithoutPathIsRejected() {
    assertThrows(DataException.class,
        () -> DatasetFactory.build(config(DataSourceKind.CSV, "classification").build(), NO_FILES));
  }

  @Test
  void cacheKeyIgnoresTrialSeedAndLearningRateButNotDataSeed() {
    TrialConfig a = config(DataSourceKind.SPIRALS, "classification").seed(1).set(LR, 0.1).build();
    TrialConfig b = config(DataSourceKind.SPIRALS, "classification").seed(2).set(LR, 0.001).build();
    TrialConfig c = config(DataSourceKind.SPIRALS, "classification").set(DATA_SEED, 8L).build();
    assertEquals(DatasetFactory.cacheKey(a), DatasetFactory.cacheKey(b));
    assertNotEquals(DatasetFactory.cacheKey(a), DatasetFactory.cacheKey(c));
    Dataset da = DatasetFactory.build(a, NO_FILES);
    Dataset db = DatasetFactory.build(b, NO_FILES);
    Dataset dc = DatasetFactory.build(c, NO_FILES);
    assertTrue(Arrays.deepEquals(da.trainX(), db.trainX()));
    assertFalse(Arrays.deepEquals(da.trainX(), dc.trainX()));
  }

  @Test
  void equalCacheKeysMeanEqualDataEvenWhenUnusedDataSettingsDiffer() {
    // spirals read neither classes nor features: trials differing there share their data
    TrialConfig a = config(DataSourceKind.SPIRALS, "classification").set(DATA_CLASSES, 3).build();
    TrialConfig b = config(DataSourceKind.SPIRALS, "classification").set(DATA_CLASSES, 5)
        .set(DATA_FEATURES, 9).build();
    assertEquals(DatasetFactory.cacheKey(a), DatasetFactory.cacheKey(b));
    Dataset da = DatasetFactory.build(a, NO_FILES);
    Dataset db = DatasetFactory.build(b, NO_FILES);
    assertTrue(Arrays.deepEquals(da.trainX(), db.trainX()));
    assertTrue(Arrays.deepEquals(da.testX(), db.testX()));
  }

  @Test
  void cacheKeyChangesWithEachSettingTheSourceReads() {
    TrialConfig base = config(DataSourceKind.BLOBS, "classification").build();
    String key = DatasetFactory.cacheKey(base);
    for (TrialConfig other : List.of(base.toBuilder().set(DATA_SAMPLES, 201).build(),
        base.toBuilder().set(DATA_NOISE, 0.2).build(), base.toBuilder().set(DATA_CLASSES, 4).build(),
        base.toBuilder().set(DATA_FEATURES, 5).build(), base.toBuilder().set(TEST_FRACTION, 0.3).build())) {
      assertNotEquals(key, DatasetFactory.cacheKey(other));
    }
    TrialConfig csv = config(DataSourceKind.CSV, "classification").set(DATA_PATH, "a.csv").build();
    assertNotEquals(DatasetFactory.cacheKey(csv),
        DatasetFactory.cacheKey(csv.toBuilder().set(DATA_PATH, "b.csv").build()));
    assertNotEquals(DatasetFactory.cacheKey(csv),
        DatasetFactory.cacheKey(csv.toBuilder().set(DATA_LABEL, "target").build()));
  }
}
