package org.deadrelu.jobs.output;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.spark.sql.types.DataTypes;
import org.deadrelu.model.EngineVersion;
import org.deadrelu.model.config.EnumNames;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.result.TrialSummary;
import scala.jdk.javaapi.CollectionConverters;

/** One row per trial: every setting as its own column, then the outcome. */
public final class TrialsTable {
  public static final Table<TrialOutput> TABLE = new Table<>("trials", List.of(
      new Column<>("config_id", StringType, false, o -> o.config().configId()),
      new Column<>("seed", LongType, false, o -> o.config().seed()),
      new Column<>("status", StringType, false, o -> o.summary().status().name().toLowerCase(Locale.ROOT)),
      new Column<>("error", StringType, true, o -> o.summary().error()),
      config("data_source", StringType, false, c -> EnumNames.of(c.dataSource())),
      config("data_path", StringType, true, TrialConfig::dataPath),
      config("data_label", StringType, true, TrialConfig::dataLabel),
      config("data_task", StringType, false, TrialConfig::dataTask),
      config("data_samples", IntegerType, true, TrialConfig::dataSamples),
      config("data_noise", DoubleType, true, TrialConfig::dataNoise),
      config("data_classes", IntegerType, true, TrialConfig::dataClasses),
      config("data_features", IntegerType, true, TrialConfig::dataFeatures),
      config("data_function", StringType, true, TrialConfig::dataFunction),
      config("test_fraction", DoubleType, false, TrialConfig::testFraction),
      config("data_seed", LongType, false, TrialConfig::dataSeed),
      config("hidden", StringType, false, TrialConfig::hiddenString),
      config("depth", IntegerType, false, c -> c.hidden().size()),
      config("width", IntegerType, false, c -> c.hidden().stream().mapToInt(i -> i).max().orElse(0)),
      config("activation", StringType, false, c -> EnumNames.of(c.activation())),
      config("alpha", DoubleType, true, TrialConfig::alpha),
      config("head", StringType, false, c -> EnumNames.of(c.head())),
      config("init", StringType, false, c -> EnumNames.of(c.init())),
      config("init_bias", DoubleType, false, TrialConfig::initBias),
      config("relu_grad_at_zero", IntegerType, false, TrialConfig::reluGradAtZero),
      config("optimizer", StringType, false, c -> EnumNames.of(c.optimizer())),
      config("steps", IntegerType, false, TrialConfig::steps),
      config("batch_size", IntegerType, false, TrialConfig::batchSize),
      config("lr", DoubleType, false, TrialConfig::lr),
      config("momentum", DoubleType, true, TrialConfig::momentum),
      config("adam_beta1", DoubleType, true, TrialConfig::adamBeta1),
      config("adam_beta2", DoubleType, true, TrialConfig::adamBeta2),
      config("l2", DoubleType, false, TrialConfig::l2),
      config("decay_bias", BooleanType, false, TrialConfig::decayBias),
      config("probe_every", IntegerType, false, TrialConfig::probeEvery),
      config("probe_samples", IntegerType, false, TrialConfig::probeSamples),
      config("death_rows", IntegerType, true, TrialConfig::deathRows),
      config("dormant_tau", DoubleType, false, TrialConfig::dormantTau),
      config("saturation_eps", DoubleType, false, TrialConfig::saturationEps),
      config("fault_at_step", IntegerType, true, TrialConfig::faultAtStep),
      config("revival", StringType, false, c -> EnumNames.of(c.revival())),
      config("revival_every", IntegerType, true, TrialConfig::revivalEvery),
      config("revival_washout", IntegerType, true, TrialConfig::revivalWashout),
      config("kick_sigma", DoubleType, true, TrialConfig::kickSigma),
      config("kick_target", StringType, true, TrialConfig::kickTarget),
      config("kick_scope", StringType, true, TrialConfig::kickScope),
      config("warming_offset", DoubleType, true, TrialConfig::warmingOffset),
      config("warming_hold", IntegerType, true, TrialConfig::warmingHold),
      config("warming_anneal", IntegerType, true, TrialConfig::warmingAnneal),
      config("warming_schedule", StringType, true, TrialConfig::warmingSchedule),
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
      new Column<>("engine_version", StringType, false, o -> EngineVersion.current())), o -> List.of(o));

  private static Column<TrialOutput> config(String name, org.apache.spark.sql.types.DataType type,
      boolean nullable, Function<TrialConfig, Object> f) {
    return new Column<>(name, type, nullable, o -> f.apply(o.config()));
  }

  private static Column<TrialOutput> summary(String name, org.apache.spark.sql.types.DataType type,
      boolean nullable, Function<TrialSummary, Object> f) {
    return new Column<>(name, type, nullable, o -> f.apply(o.summary()));
  }

  private TrialsTable() {}
}
