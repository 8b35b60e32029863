package org.deadrelu.jobs.output;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.deadrelu.model.result.EventRecord;
import org.deadrelu.model.result.TrialOutput;

/** One row per intervention of a revival strategy on one neuron. */
public final class EventsTable {
  public static final Table<EventRecord> TABLE = new Table<>("events", List.of(
      new Column<>("step", IntegerType, false, EventRecord::step),
      new Column<>("layer", IntegerType, false, EventRecord::layer),
      new Column<>("neuron", IntegerType, false, EventRecord::neuron),
      new Column<>("kind", StringType, false, EventRecord::kind),
      new Column<>("magnitude", DoubleType, false, EventRecord::magnitude),
      new Column<>("revived", BooleanType, false, EventRecord::revived),
      new Column<>("steps_survived", IntegerType, false, EventRecord::stepsSurvived),
      new Column<>("loss_before", DoubleType, true, EventRecord::lossBefore),
      new Column<>("loss_after", DoubleType, true, EventRecord::lossAfter)), TrialOutput::events);

  private EventsTable() {}
}
