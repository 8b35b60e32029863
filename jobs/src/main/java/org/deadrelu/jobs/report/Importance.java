package org.deadrelu.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.RandomForestRegressionModel;
import org.apache.spark.ml.regression.RandomForestRegressor;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Hyperparameter importance for a trial-level metric from a random forest's feature importances,
 * with the forest's R^2 on held-out trials (so a reader knows how far to trust it).
 */
public final class Importance {
  private Importance() {}

  public record Feature(String feature, double importance, double r2OutOfSample, long trainRows, long testRows) {}

  /**
   * One feature per axis: numeric as is (null as 0), boolean as 0/1, a choice as the index of its
   * level. Trains on a seeded 75% of the rows, measures R^2 = 1 - SSE/SST on the other 25%.
   */
  public static List<Feature> of(ReportData data, Dataset<Row> trials, List<String> axes, String metric, long seed) {
    if (axes.isEmpty()) {
      return List.of();
    }
    List<Column> cols = new ArrayList<>();
    cols.add(col("`" + metric + "`").cast("double").as("label__"));
    String[] in = new String[axes.size()];
    for (int i = 0; i < axes.size(); i++) {
      String a = axes.get(i);
      in[i] = "f__" + i;
      if (data.numeric(a) || data.bool(a)) {
        cols.add(expr("coalesce(CAST(`" + a + "` AS DOUBLE), 0D)").as(in[i]));
      } else {
        StringBuilder sb = new StringBuilder("CASE");
        List<Object> levels = data.levels.get(a);
        for (int k = 0; k < levels.size(); k++) {
          Object v = levels.get(k);
          sb.append(v == null ? " WHEN `" + a + "` IS NULL" : " WHEN `" + a + "` = '" + v.toString().replace("'", "''") + "'")
              .append(" THEN ").append(k).append("D");
        }
        cols.add(expr(sb.append(" ELSE -1D END").toString()).as(in[i]));
      }
    }
    Dataset<Row> rows = new VectorAssembler().setInputCols(in).setOutputCol("features__")
        .transform(trials.where("`" + metric + "` IS NOT NULL").select(cols.toArray(new Column[0])));
    // one partition: the seeded split then does not depend on how many cores the rows were spread over
    Dataset<Row>[] split = rows.coalesce(1).randomSplit(new double[] {0.75, 0.25}, seed);
    Dataset<Row> train = split[0].cache();
    Dataset<Row> test = split[1].cache();
    try {
      long nTrain = train.count();
      long nTest = test.count();
      if (nTrain < 4) {
        return List.of();
      }
      RandomForestRegressionModel m = new RandomForestRegressor().setNumTrees(100).setMaxDepth(6)
          .setSeed(seed).setFeaturesCol("features__").setLabelCol("label__").fit(train);
      double r2 = Double.NaN;
      if (nTest >= 2) {
        Row r = m.transform(test).agg(
            expr("sum((label__ - prediction) * (label__ - prediction))"),
            expr("var_pop(label__) * count(*)")).first();
        double sse = r.getDouble(0);
        double sst = r.getDouble(1);
        r2 = sst > 0 ? 1 - sse / sst : Double.NaN;
      }
      double[] imp = m.featureImportances().toArray();
      List<Feature> out = new ArrayList<>();
      for (int i = 0; i < axes.size(); i++) {
        out.add(new Feature(axes.get(i), imp.length > i ? imp[i] : 0, r2, nTrain, nTest));
      }
      out.sort((x, y) -> Double.compare(y.importance(), x.importance()));
      return out;
    } finally {
      train.unpersist();
      test.unpersist();
    }
  }
}
