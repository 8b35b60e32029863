package org.deadrelu.jobs.report;

import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.RandomForestRegressionModel;
import org.apache.spark.ml.regression.RandomForestRegressor;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Hyperparameter importance for a trial-level metric from a random forest's feature importances,
 * with the forest's R^2 on held-out configurations (so a reader knows how far to trust it).
 */
public final class Importance {
  private Importance() {}

  /**
   * A forest over k configurations only ever sees k cell means: with few of them any setting that
   * tells the cells apart takes the credit, and R^2 on held-out configurations, the only check of
   * the ranking, rests on a handful of points. 20 configurations leave 5 to hold out (a quarter).
   */
  public static final int MIN_CONFIGURATIONS = 20;

  public record Feature(String feature, double importance, double r2OutOfSample, long trainRows, long testRows) {}

  /**
   * One feature per group of settings (a group: settings that determine one another, see
   * {@link Dependence}, named "a/b"): a single numeric setting as is (null as 0), anything else the
   * index of its level (of its combination of levels). Trains on the trials of a seeded 75% of the
   * configurations, measures R^2 = 1 - SSE/SST on the trials of the rest: a configuration's seeds
   * are all on one side, so R^2 says how well the forest predicts settings it has not seen.
   */
  public static List<Feature> of(ReportData data, List<Row> trials, List<List<String>> groups, String metric, long seed) {
    if (groups.isEmpty()) {
      return List.of();
    }
    int m = data.index(metric);
    int config = data.index("config_id");
    List<Row> rows = trials.stream().filter(r -> !r.isNullAt(m)).toList();
    List<List<String>> levels = new ArrayList<>();
    for (List<String> g : groups) {
      TreeSet<String> l = new TreeSet<>();
      for (Row r : rows) {
        l.add(label(data, r, g));
      }
      levels.add(new ArrayList<>(l));
    }
    List<String> configs = new ArrayList<>(new TreeSet<>(rows.stream().map(r -> r.getString(config)).toList()));
    Collections.shuffle(configs, new Random(seed));
    Set<String> train = new HashSet<>(configs.subList(0, (int) Math.round(configs.size() * 0.75)));
    StructType schema = new StructType().add("label__", DataTypes.DoubleType).add("features__", SQLDataTypes.VectorType());
    List<Row> trainRows = new ArrayList<>();
    List<Row> testRows = new ArrayList<>();
    for (Row r : rows) {
      double[] f = new double[groups.size()];
      for (int i = 0; i < groups.size(); i++) {
        List<String> g = groups.get(i);
        if (g.size() == 1 && (data.numeric(g.get(0)) || data.bool(g.get(0)))) {
          Object v = r.get(data.index(g.get(0)));
          f[i] = v == null ? 0 : v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
        } else {
          f[i] = levels.get(i).indexOf(label(data, r, g));
        }
      }
      Row row = RowFactory.create(((Number) r.get(m)).doubleValue(), Vectors.dense(f));
      (train.contains(r.getString(config)) ? trainRows : testRows).add(row);
    }
    SparkSession spark = data.trials.sparkSession();
    Dataset<Row> trainSet = spark.createDataFrame(trainRows, schema).coalesce(1);
    Dataset<Row> testSet = spark.createDataFrame(testRows, schema).coalesce(1);
    RandomForestRegressionModel model = new RandomForestRegressor().setNumTrees(100).setMaxDepth(6)
        .setSeed(seed).setFeaturesCol("features__").setLabelCol("label__").fit(trainSet);
    double r2 = Double.NaN;
    if (testRows.size() >= 2) {
      Row r = model.transform(testSet).agg(
          expr("sum((label__ - prediction) * (label__ - prediction))"),
          expr("var_pop(label__) * count(*)")).first();
      double sse = r.getDouble(0);
      double sst = r.getDouble(1);
      r2 = sst > 0 ? 1 - sse / sst : Double.NaN;
    }
    double[] imp = model.featureImportances().toArray();
    List<Feature> out = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      out.add(new Feature(String.join("/", groups.get(i)), imp.length > i ? imp[i] : 0, r2, trainRows.size(), testRows.size()));
    }
    out.sort((x, y) -> Double.compare(y.importance(), x.importance()));
    return out;
  }

  private static String label(ReportData data, Row r, List<String> group) {
    List<String> parts = new ArrayList<>();
    for (String s : group) {
      parts.add(String.valueOf(r.get(data.index(s))));
    }
    return String.join("/", parts);
  }
}
