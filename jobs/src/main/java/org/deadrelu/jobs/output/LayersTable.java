package org.deadrelu.jobs.output;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;

import java.util.List;
import org.deadrelu.model.result.LayerRecord;
import org.deadrelu.model.result.TrialOutput;

/** One row per trial, checkpoint and layer. */
public final class LayersTable {
  public static final Table<LayerRecord> TABLE = new Table<>("layers", List.of(
      new Column<>("step", IntegerType, false, LayerRecord::step),
      new Column<>("layer", IntegerType, false, LayerRecord::layer),
      new Column<>("output_layer", BooleanType, false, LayerRecord::outputLayer),
      new Column<>("width", IntegerType, false, LayerRecord::width),
      new Column<>("dead_fraction", DoubleType, false, LayerRecord::deadFraction),
      new Column<>("dormant_fraction", DoubleType, false, LayerRecord::dormantFraction),
      new Column<>("saturated_fraction", DoubleType, true, LayerRecord::saturatedFraction),
      new Column<>("mean_active_rate", DoubleType, false, LayerRecord::meanActiveRate),
      new Column<>("weight_grad_norm", DoubleType, false, LayerRecord::weightGradNorm),
      new Column<>("bias_grad_norm", DoubleType, false, LayerRecord::biasGradNorm),
      new Column<>("weight_norm", DoubleType, false, LayerRecord::weightNorm),
      new Column<>("mean_bias", DoubleType, false, LayerRecord::meanBias),
      new Column<>("effective_rank", DoubleType, true, LayerRecord::effectiveRank),
      new Column<>("stable_rank", DoubleType, true, LayerRecord::stableRank),
      new Column<>("srank", IntegerType, true, LayerRecord::srank),
      new Column<>("approximate_rank", IntegerType, true, LayerRecord::approximateRank)), TrialOutput::layers);

  private LayersTable() {}
}
