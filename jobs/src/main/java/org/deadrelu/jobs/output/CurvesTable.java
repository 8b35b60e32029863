package org.deadrelu.jobs.output;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;

import java.util.List;
import org.deadrelu.model.result.CurvePoint;
import org.deadrelu.model.result.TrialOutput;

/** One row per trial and logged step: a checkpoint, the end of an online-error window, or both. */
public final class CurvesTable {
  public static final Table<CurvePoint> TABLE = new Table<>("curves", List.of(
      new Column<>("step", IntegerType, false, CurvePoint::step),
      new Column<>("task", IntegerType, false, CurvePoint::task),
      new Column<>("train_loss", DoubleType, true, CurvePoint::trainLoss),
      new Column<>("online_loss", DoubleType, true, CurvePoint::onlineLoss),
      new Column<>("online_error", DoubleType, true, CurvePoint::onlineError),
      new Column<>("probe_loss", DoubleType, true, CurvePoint::probeLoss),
      new Column<>("probe_accuracy", DoubleType, true, CurvePoint::probeAccuracy),
      new Column<>("test_loss", DoubleType, true, CurvePoint::testLoss),
      new Column<>("test_accuracy", DoubleType, true, CurvePoint::testAccuracy),
      new Column<>("lr", DoubleType, false, CurvePoint::lr),
      new Column<>("warming_offset", DoubleType, false, CurvePoint::warmingOffset)), TrialOutput::curves);

  private CurvesTable() {}
}
