package org.deadrelu.model.data;

import static org.deadrelu.model.config.Settings.DATA_CLASSES;
import static org.deadrelu.model.config.Settings.DATA_FEATURES;
import static org.deadrelu.model.config.Settings.DATA_FLIP_ONE;
import static org.deadrelu.model.config.Settings.DATA_FUNCTION;
import static org.deadrelu.model.config.Settings.DATA_NOISE;
import static org.deadrelu.model.config.Settings.DATA_PATH;
import static org.deadrelu.model.config.Settings.DATA_PERIOD;
import static org.deadrelu.model.config.Settings.DATA_SAMPLES;
import static org.deadrelu.model.config.Settings.DATA_SEED;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.TEST_FRACTION;

import java.util.Random;
import java.util.function.Function;
import org.deadrelu.model.DataException;
import org.deadrelu.model.config.DataSourceKind;
import org.deadrelu.model.config.EnumNames;
import org.deadrelu.model.config.Settings;
import org.deadrelu.model.config.TrialConfig;

/**
 * The one way the engine gets a trial's data: produce the raw table for the configured source,
 * split it with the data seed, standardize features on the training split. The trial's settings
 * were checked when it was built (the task suits the source, a file source has a path).
 */
public final class DatasetFactory {
  private DatasetFactory() {}

  /**
   * Builds the trial's {@link Dataset}.
   *
   * @param files loads a csv or parquet source from its path (Hadoop I/O lives outside this
   *     module); not called for other sources
   * @throws DataException on unusable data, with a message for the trial's error column
   */
  public static Dataset build(TrialConfig c, Function<String, LabeledTable> files) {
    boolean classification = c.isClassification();
    DataSourceKind source = c.get(DATA_SOURCE);
    if (source.isStream()) {
      return stream(c);
    }
    LabeledTable table = table(c, files);
    if (source.isFile()) {
      // the loader may or may not have validated with this task: the checks are cheap, redo them
      table = LabeledTable.of(table.source(), table.featureNames(), table.features(),
          table.labels(), classification);
    }
    Split split = Split.of(table, c.get(TEST_FRACTION), c.get(DATA_SEED));
    Standardizer scaler = Standardizer.fit(split.trainX());
    int numClasses = classification ? maxLabel(table.labels()) + 1 : 1;
    return new Dataset(name(c, table), classification, numClasses,
        scaler.transform(split.trainX()), split.trainY(),
        scaler.transform(split.testX()), split.testY());
  }

  /**
   * Equal for two configurations exactly when {@link #build} reads the same settings from both, so
   * the engine can build each data set once and share it: the data settings that apply to the
   * source (the file's label column among them, as the loader reads it), never the trial's seed.
   */
  public static String cacheKey(TrialConfig c) {
    return c.canonical(s -> s.section().equals(Settings.DATA_SOURCE.section()));
  }

  /**
   * Slowly-changing regression at the paper's sizes (20 bits, 15 slow, 100 target units, beta 0.7),
   * the target network from data.seed: a data set, like the generated tables, the same for every
   * replicate; each trial's inputs are drawn from its own seed while it trains.
   */
  private static Dataset stream(TrialConfig c) {
    LtuTargetNetwork target = LtuTargetNetwork.random(SlowlyChangingRegression.INPUTS,
        SlowlyChangingRegression.TARGET_FEATURES, LtuTargetNetwork.BETA, new Random(c.get(DATA_SEED)));
    StreamSpec spec = new StreamSpec(target, SlowlyChangingRegression.SLOW_BITS, c.get(DATA_PERIOD), c.get(DATA_FLIP_ONE));
    return Dataset.of("slowly_changing(period=" + spec.period() + (spec.flipOne() ? ",flip_one" : "") + ")", spec);
  }

  private static LabeledTable table(TrialConfig c, Function<String, LabeledTable> files) {
    return switch (c.get(DATA_SOURCE)) {
      case BLOBS -> Blobs.generate(c.get(DATA_SAMPLES), c.get(DATA_CLASSES), c.get(DATA_FEATURES), c.get(DATA_NOISE),
          c.get(DATA_SEED));
      case SPIRALS -> Spirals.generate(c.get(DATA_SAMPLES), c.get(DATA_NOISE), c.get(DATA_SEED));
      case TEACHER -> Teacher.generate(c.get(DATA_SAMPLES), c.get(DATA_FEATURES), c.get(DATA_NOISE), c.get(DATA_SEED));
      case FUNCTION -> FunctionGrid.generate(c.get(DATA_SAMPLES), c.get(DATA_FUNCTION), c.get(DATA_NOISE),
          c.get(DATA_SEED));
      case DIGITS -> BundledDatasets.digits();
      case BREAST_CANCER -> BundledDatasets.breastCancer();
      case SLOWLY_CHANGING -> throw new IllegalStateException("a stream has no table");
      case CSV, PARQUET -> {
        if (files == null) {
          throw new DataException(c.get(DATA_PATH) + ": no file loader was given for "
              + EnumNames.of(c.get(DATA_SOURCE)) + " sources");
        }
        LabeledTable t = files.apply(c.get(DATA_PATH));
        if (t == null) {
          throw new DataException(c.get(DATA_PATH) + ": the file loader returned no table");
        }
        yield t;
      }
    };
  }

  /** "spirals(n=2000,noise=0.2)", "digits", or the file path. */
  private static String name(TrialConfig c, LabeledTable table) {
    return switch (c.get(DATA_SOURCE)) {
      case DIGITS, BREAST_CANCER -> EnumNames.of(c.get(DATA_SOURCE));
      case CSV, PARQUET -> c.get(DATA_PATH);
      default -> table.source();
    };
  }

  private static int maxLabel(double[] labels) {
    double max = 0;
    for (double y : labels) {
      max = Math.max(max, y);
    }
    return (int) max;
  }
}
