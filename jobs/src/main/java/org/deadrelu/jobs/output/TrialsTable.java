package org.deadrelu.jobs.output;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.deadrelu.model.EngineVersion;
import org.deadrelu.model.config.ColumnType;
import org.deadrelu.model.config.Setting;
import org.deadrelu.model.config.SettingCatalog;
import org.deadrelu.model.config.SettingColumn;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.result.TrialSummary;
import scala.jdk.javaapi.CollectionConverters;

/** One row per trial: its settings' columns (as their declarations say), then the outcome. */
public final class TrialsTable {
  /** The columns after the settings' (declared before TABLE, which reads them). */
  private static final List<Column<TrialOutput>> OUTCOME = List.of(
      summary("steps_completed", IntegerType, false, TrialSummary::stepsCompleted),
      summary("diverged_step", IntegerType, true, TrialSummary::divergedStep),
      summary("final_train_loss", DoubleType, true, TrialSummary::finalTrainLoss),
      summary("final_probe_loss", DoubleType, true, TrialSummary::finalProbeLoss),
      summary("final_probe_accuracy", DoubleType, true, TrialSummary::finalProbeAccuracy),
      summary("final_test_loss", DoubleType, true, TrialSummary::finalTestLoss),
      summary("final_test_accuracy", DoubleType, true, TrialSummary::finalTestAccuracy),
      summary("dead_fraction", DoubleType, true, TrialSummary::deadFraction),
      summary("dead_fraction_by_layer", DataTypes.createArrayType(DoubleType, false), false,
          s -> CollectionConverters.asScala(s.deadFractionByLayer()).toSeq()),
      summary("dormant_fraction", DoubleType, true, TrialSummary::dormantFraction),
      summary("hidden_neurons", IntegerType, false, TrialSummary::hiddenNeurons),
      summary("born_dead", IntegerType, false, TrialSummary::bornDead),
      summary("revivals", IntegerType, false, TrialSummary::revivals),
      summary("collapsed", BooleanType, true, TrialSummary::collapsed),
      summary("collapsed_at_init", BooleanType, true, TrialSummary::collapsedAtInit),
      summary("zero_layer", IntegerType, true, TrialSummary::zeroLayer),
      summary("zero_layer_at_init", IntegerType, true, TrialSummary::zeroLayerAtInit),
      summary("checkpoints", IntegerType, false, TrialSummary::checkpoints),
      summary("probe_set", StringType, false, TrialSummary::probeSet),
      summary("probe_size", IntegerType, false, TrialSummary::probeSize),
      summary("train_rows", IntegerType, false, TrialSummary::trainRows),
      summary("death_set_size", IntegerType, false, TrialSummary::deathRows),
      summary("dataset", StringType, false, TrialSummary::dataset),
      summary("wall_ms", LongType, false, TrialSummary::wallMillis),
      new Column<>("engine_version", StringType, false, o -> EngineVersion.current()));

  /** The trials table of the project's settings. */
  public static final Table<TrialOutput> TABLE = of(SettingCatalog.standard());

  private TrialsTable() {}

  /** The trials table of trials with the settings of {@code catalog}: a column (or more) per setting, in catalog order. */
  public static Table<TrialOutput> of(SettingCatalog catalog) {
    List<Column<TrialOutput>> columns = new ArrayList<>(List.of(
        new Column<>("config_id", StringType, false, o -> o.config().configId()),
        new Column<>("seed", LongType, false, o -> o.config().seed()),
        new Column<>("status", StringType, false, o -> o.summary().status().name().toLowerCase(Locale.ROOT)),
        new Column<>("error", StringType, true, o -> o.summary().error())));
    catalog.settings().forEach(s -> addColumns(s, columns));
    columns.addAll(OUTCOME);
    return new Table<>("trials", columns, o -> List.of(o));
  }

  private static <T> void addColumns(Setting<T> setting, List<Column<TrialOutput>> columns) {
    for (SettingColumn<T> c : setting.columns()) {
      columns.add(new Column<>(c.name(), sparkType(c.type()), c.nullable(), o -> c.valueOf(o.config().get(setting))));
    }
  }

  private static DataType sparkType(ColumnType type) {
    return switch (type) {
      case STRING -> StringType;
      case INT -> IntegerType;
      case BIGINT -> LongType;
      case DOUBLE -> DoubleType;
      case BOOLEAN -> BooleanType;
    };
  }

  private static Column<TrialOutput> summary(String name, org.apache.spark.sql.types.DataType type,
      boolean nullable, Function<TrialSummary, Object> f) {
    return new Column<>(name, type, nullable, o -> f.apply(o.summary()));
  }
}
