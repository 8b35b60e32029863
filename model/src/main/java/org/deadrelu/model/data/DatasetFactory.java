package org.deadrelu.model.data;

import java.util.function.Function;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.EnumNames;
import org.deadrelu.model.config.TrialConfig;

/**
 * The one way the engine gets a trial's data: produce the raw table for the configured source,
 * split it with the data seed, standardize features on the training split.
 */
public final class DatasetFactory {
  private DatasetFactory() {}

  static final String CLASSIFICATION = "classification";
  static final String REGRESSION = "regression";

  /**
   * Builds the trial's {@link Dataset}.
   *
   * @param files loads a csv or parquet source from its path (Hadoop I/O lives outside this
   *     module); not called for other sources
   * @throws DataException on unusable settings or data, with a message for the trial's error column
   */
  public static Dataset build(TrialConfig c, Function<String, LabeledTable> files) {
    String task = c.dataTask();
    if (!CLASSIFICATION.equals(task) && !REGRESSION.equals(task)) {
      throw new DataException("data.task must be '" + CLASSIFICATION + "' or '" + REGRESSION
          + "', got " + (task == null ? "nothing" : "'" + task + "'"));
    }
    boolean classification = CLASSIFICATION.equals(task);
    DataSourceKind source = c.dataSource();
    String sourceName = EnumNames.of(source);
    if (!classification && isClassificationOnly(source)) {
      throw new DataException("data.source " + sourceName + " has class labels only: use data.task "
          + CLASSIFICATION + " (regression sources: teacher, function, csv, parquet)");
    }
    if (classification && (source == DataSourceKind.TEACHER || source == DataSourceKind.FUNCTION)) {
      throw new DataException("data.source " + sourceName + " produces real-valued targets: use"
          + " data.task " + REGRESSION + " (classification sources: blobs, spirals, digits,"
          + " breast_cancer, csv, parquet)");
    }
    LabeledTable table = table(c, files);
    if (source.isFile()) {
      // the loader may or may not have validated with this task: the checks are cheap, redo them
      table = LabeledTable.of(table.source(), table.featureNames(), table.features(),
          table.labels(), classification);
    }
    Split split = Split.of(table, c.testFraction(), c.dataSeed());
    Standardizer scaler = Standardizer.fit(split.trainX());
    int numClasses = classification ? maxLabel(table.labels()) + 1 : 1;
    return new Dataset(name(c, table), classification, numClasses,
        scaler.transform(split.trainX()), split.trainY(),
        scaler.transform(split.testX()), split.testY());
  }

  /**
   * Equal for two configurations exactly when {@link #build} reads the same settings from both, so
   * the engine can build each data set once and share it. The fields are those {@link #table}
   * reads for the source, plus the task, split fraction and data seed; never the trial's seed.
   */
  public static String cacheKey(TrialConfig c) {
    StringBuilder k = new StringBuilder(EnumNames.of(c.dataSource())).append('(');
    switch (c.dataSource()) {
      case BLOBS -> k.append("samples=").append(c.dataSamples())
          .append(",classes=").append(c.dataClasses())
          .append(",features=").append(c.dataFeatures())
          .append(",noise=").append(c.dataNoise());
      case SPIRALS -> k.append("samples=").append(c.dataSamples())
          .append(",noise=").append(c.dataNoise());
      case TEACHER -> k.append("samples=").append(c.dataSamples())
          .append(",features=").append(c.dataFeatures())
          .append(",noise=").append(c.dataNoise());
      case FUNCTION -> k.append("samples=").append(c.dataSamples())
          .append(",function=").append(c.dataFunction())
          .append(",noise=").append(c.dataNoise());
      case DIGITS, BREAST_CANCER -> { }
      // the label column is read by the file loader, so it belongs to the file's identity
      case CSV, PARQUET -> k.append("path=").append(c.dataPath())
          .append(",label=").append(c.dataLabel());
    }
    return k.append(")|task=").append(c.dataTask())
        .append("|test_fraction=").append(c.testFraction())
        .append("|data_seed=").append(c.dataSeed())
        .toString();
  }

  private static LabeledTable table(TrialConfig c, Function<String, LabeledTable> files) {
    return switch (c.dataSource()) {
      case BLOBS -> Blobs.generate(c.dataSamples(), c.dataClasses(), c.dataFeatures(), c.dataNoise(),
          c.dataSeed());
      case SPIRALS -> Spirals.generate(c.dataSamples(), c.dataNoise(), c.dataSeed());
      case TEACHER -> Teacher.generate(c.dataSamples(), c.dataFeatures(), c.dataNoise(), c.dataSeed());
      case FUNCTION -> FunctionGrid.generate(c.dataSamples(), c.dataFunction(), c.dataNoise(),
          c.dataSeed());
      case DIGITS -> BundledDatasets.digits();
      case BREAST_CANCER -> BundledDatasets.breastCancer();
      case CSV, PARQUET -> {
        if (c.dataPath() == null || c.dataPath().isBlank()) {
          throw new DataException("data.source " + EnumNames.of(c.dataSource())
              + " needs data.path, the file to read");
        }
        if (files == null) {
          throw new DataException(c.dataPath() + ": no file loader was given for "
              + EnumNames.of(c.dataSource()) + " sources");
        }
        LabeledTable t = files.apply(c.dataPath());
        if (t == null) {
          throw new DataException(c.dataPath() + ": the file loader returned no table");
        }
        yield t;
      }
    };
  }

  /** "spirals(n=2000,noise=0.2)", "digits", or the file path. */
  private static String name(TrialConfig c, LabeledTable table) {
    return switch (c.dataSource()) {
      case DIGITS, BREAST_CANCER -> EnumNames.of(c.dataSource());
      case CSV, PARQUET -> c.dataPath();
      default -> table.source();
    };
  }

  private static boolean isClassificationOnly(DataSourceKind source) {
    return source == DataSourceKind.BLOBS || source == DataSourceKind.SPIRALS
        || source == DataSourceKind.DIGITS || source == DataSourceKind.BREAST_CANCER;
  }

  private static int maxLabel(double[] labels) {
    double max = 0;
    for (double y : labels) {
      max = Math.max(max, y);
    }
    return (int) max;
  }
}
