package org.deadrelu.jobs.output;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;

import java.util.List;
import org.deadrelu.model.result.NeuronRecord;
import org.deadrelu.model.result.TrialOutput;

/** One row per trial, checkpoint, layer and neuron. */
public final class NeuronsTable {
  public static final Table<NeuronRecord> TABLE = new Table<>("neurons", List.of(
      new Column<>("step", IntegerType, false, NeuronRecord::step),
      new Column<>("layer", IntegerType, false, NeuronRecord::layer),
      new Column<>("neuron", IntegerType, false, NeuronRecord::neuron),
      new Column<>("output_layer", BooleanType, false, NeuronRecord::outputLayer),
      new Column<>("active_rate", DoubleType, false, NeuronRecord::activeRate),
      new Column<>("max_preact", DoubleType, false, NeuronRecord::maxPreact),
      new Column<>("mean_abs_act", DoubleType, false, NeuronRecord::meanAbsAct),
      new Column<>("dormant_score", DoubleType, false, NeuronRecord::dormantScore),
      new Column<>("dormant", BooleanType, false, NeuronRecord::dormant),
      new Column<>("dead", BooleanType, false, NeuronRecord::dead),
      new Column<>("dead_global", BooleanType, true, NeuronRecord::deadGlobal),
      new Column<>("saturated_rate", DoubleType, true, NeuronRecord::saturatedRate),
      new Column<>("grad_norm", DoubleType, false, NeuronRecord::gradNorm),
      new Column<>("grad_dormancy_score", DoubleType, false, NeuronRecord::gradDormancyScore),
      new Column<>("bias", DoubleType, false, NeuronRecord::bias),
      new Column<>("weight_norm", DoubleType, false, NeuronRecord::weightNorm),
      new Column<>("outgoing_weight_norm", DoubleType, true, NeuronRecord::outgoingWeightNorm),
      new Column<>("slope", DoubleType, true, NeuronRecord::slope),
      new Column<>("born_dead", BooleanType, false, NeuronRecord::bornDead),
      new Column<>("death_step", IntegerType, true, NeuronRecord::deathStep),
      new Column<>("revivals", IntegerType, false, NeuronRecord::revivals)), TrialOutput::neurons);

  private NeuronsTable() {}
}
