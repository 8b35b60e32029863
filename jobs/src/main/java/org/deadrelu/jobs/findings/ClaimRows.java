package org.deadrelu.jobs.findings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BooleanType$;
import org.deadrelu.jobs.UserInputException;
import org.deadrelu.jobs.sweep.Claim;

/**
 * A claim's trials, one value each: read with Spark SQL from the sweep's views (which the caller
 * has registered), and grouped into the claim's cells (its {@code by} columns).
 */
final class ClaimRows {

  /** One trial: the cell it belongs to, its seed, its level of the compared axis, status and value. */
  record Trial(List<String> cell, long seed, String level, String status, Double value, boolean allTrials) {
    /** Whether the trial is judged: it finished (or the claim is over all trials) and has a value. */
    boolean finished() {
      return (allTrials || "ok".equals(status)) && value != null && !value.isNaN();
    }
  }

  private ClaimRows() {}

  /** Trials by cell, cells in sorted order of their values. */
  static Map<List<String>, List<Trial>> load(SparkSession spark, Claim claim) {
    String source = claim.from().contains(" ") ? "(" + claim.from() + ") AS claim_source__" : claim.from();
    StringBuilder select = new StringBuilder("SELECT ");
    for (int i = 0; i < claim.by().size(); i++) {
      // named apart from the column, so ORDER BY below sorts the column itself (numbers as numbers)
      select.append("CAST(").append(claim.by().get(i)).append(" AS STRING) AS by").append(i).append("__, ");
    }
    String level = claim.compare() == null ? "NULL" : "CAST(" + claim.compare().axis() + " AS STRING)";
    select.append("seed, status, ").append(level).append(" AS level__, ").append(claim.metric())
        .append(" AS metric__ FROM ").append(source);
    if (claim.where() != null) {
      select.append(" WHERE ").append(claim.where());
    }
    if (!claim.by().isEmpty()) {
      // by the columns themselves, so numbers sort as numbers
      select.append(" ORDER BY ").append(String.join(", ", claim.by()));
    }
    Dataset<Row> rows;
    try {
      rows = spark.sql(select.toString());
    } catch (Exception e) { // Spark's AnalysisException is checked in Java terms
      throw new UserInputException("claim " + claim.name() + ": " + e.getMessage().lines().findFirst().orElse("")
          + " (in: " + select + ")", e);
    }
    boolean flag = rows.schema().apply("metric__").dataType() instanceof BooleanType$;
    Map<List<String>, List<Trial>> cells = new LinkedHashMap<>();
    int n = claim.by().size();
    for (Row r : rows.collectAsList()) {
      List<String> cell = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        cell.add(r.isNullAt(i) ? "null" : r.getString(i));
      }
      Double value = r.isNullAt(n + 3) ? null
          : flag ? (r.getBoolean(n + 3) ? 1.0 : 0.0) : ((Number) r.get(n + 3)).doubleValue();
      cells.computeIfAbsent(List.copyOf(cell), k -> new ArrayList<>())
          .add(new Trial(List.copyOf(cell), r.getLong(n), r.isNullAt(n + 2) ? null : r.getString(n + 2),
              r.getString(n + 1), value, claim.allTrials()));
    }
    return cells;
  }

  /** Whether two levels are the same: numbers by value (0 is 0.0), anything else as text. */
  static boolean sameLevel(String a, String b) {
    if (a == null || b == null) {
      return a == b;
    }
    try {
      return Double.parseDouble(a) == Double.parseDouble(b);
    } catch (NumberFormatException e) {
      return a.equals(b);
    }
  }
}
