package org.deadrelu.jobs.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deadrelu.jobs.DuckDb;

/**
 * Two result folders of one sweep compared table by table through DuckDB (the independent reader):
 * rows, duplicates of a row's key, keys lost, and rows on either side that the other lacks, over
 * every column but the trials table's wall_ms (training time, the one column that differs between
 * runs).
 */
final class ResultTables {
  /** What identifies a row of each table. */
  static final Map<String, String> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("trials", "trial_id");
    KEYS.put("layers", "trial_id, step, layer");
    KEYS.put("neurons", "trial_id, step, layer, neuron");
    KEYS.put("curves", "trial_id, step");
    KEYS.put("events", "trial_id, step, layer, neuron, kind");
  }

  /**
   * @param rows rows of the table in the run
   * @param duplicates rows beyond the first of each key
   * @param lost keys of the reference missing from the run
   * @param onlyInRun rows of the run the reference does not have (as a multiset)
   * @param onlyInReference rows of the reference the run does not have (as a multiset)
   */
  record Comparison(String table, long rows, long referenceRows, long duplicates, long lost,
      long onlyInRun, long onlyInReference) {
    boolean identical() {
      return duplicates == 0 && lost == 0 && onlyInRun == 0 && onlyInReference == 0 && rows == referenceRows;
    }

    @Override
    public String toString() {
      return String.format("%s: rows %d (reference %d), duplicates %d, lost %d, differing %d/%d",
          table, rows, referenceRows, duplicates, lost, onlyInRun, onlyInReference);
    }
  }

  private ResultTables() {}

  /** Every table of {@code run} against {@code reference}. */
  static List<Comparison> compare(Path run, Path reference) throws SQLException, IOException {
    return compare(run, reference, null);
  }

  /**
   * @param trialFilter a SQL predicate on the trials table (alias-free, e.g. {@code status = 'ok'}):
   *     only those trials of the run, and the same trial ids of the reference, are compared; null for all
   */
  static List<Comparison> compare(Path run, Path reference, String trialFilter) throws SQLException, IOException {
    List<Comparison> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("CREATE VIEW run_trials AS SELECT * FROM " + parts(run, "trials"));
      s.execute("CREATE VIEW ref_trials AS SELECT * FROM " + parts(reference, "trials"));
      String ids = trialFilter == null ? "(SELECT trial_id FROM run_trials)"
          : "(SELECT trial_id FROM run_trials WHERE " + trialFilter + ")";
      for (Map.Entry<String, String> t : KEYS.entrySet()) {
        String table = t.getKey();
        String key = t.getValue();
        if (!hasParts(run, table) && !hasParts(reference, table)) {
          out.add(new Comparison(table, 0, 0, 0, 0, 0, 0));
          continue;
        }
        String exclude = table.equals("trials") ? " EXCLUDE (wall_ms)" : "";
        String a = "(SELECT *" + exclude + " FROM " + parts(run, table) + " WHERE trial_id IN " + ids + ")";
        String b = "(SELECT *" + exclude + " FROM " + parts(reference, table) + " WHERE trial_id IN " + ids + ")";
        long rows = count(s, "SELECT count(*) FROM " + a);
        long refRows = count(s, "SELECT count(*) FROM " + b);
        long dups = rows - count(s, "SELECT count(*) FROM (SELECT DISTINCT " + key + " FROM " + a + ")");
        long lost = count(s, "SELECT count(*) FROM (SELECT " + key + " FROM " + b + " EXCEPT SELECT " + key + " FROM " + a + ")");
        long onlyRun = count(s, "SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + ")");
        long onlyRef = count(s, "SELECT count(*) FROM (SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a + ")");
        out.add(new Comparison(table, rows, refRows, dups, lost, onlyRun, onlyRef));
      }
    }
    return out;
  }

  /** Rows of a query over one result folder's tables (each a view). */
  static List<List<Object>> query(Path folder, String sql) throws SQLException {
    try (DuckDb duck = new DuckDb(folder)) {
      return duck.query(sql);
    }
  }

  static long count(Path folder, String sql) throws SQLException, IOException {
    return ((Number) query(folder, sql).get(0).get(0)).longValue();
  }

  /** The committed Parquet parts of a table: directly in its folder, never in subfolders. */
  private static String parts(Path folder, String table) throws IOException {
    if (!Files.exists(folder.resolve(table).resolve("_SUCCESS"))) {
      throw new AssertionError(folder.resolve(table) + " has no _SUCCESS: not a written table");
    }
    return "read_parquet('" + folder.resolve(table) + "/*.parquet')";
  }

  private static boolean hasParts(Path folder, String table) throws IOException {
    Path dir = folder.resolve(table);
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
    }
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
