package org.deadrelu.jobs;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** DuckDB over a result folder: the independent reader the tables are checked with. */
public final class DuckDb implements AutoCloseable {
  private final Connection connection;

  /** An in-memory DuckDB with no views: for queries that name their files with read_parquet. */
  public DuckDb() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
  }

  public DuckDb(Path sweepFolder) throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = connection.createStatement()) {
      for (String t : List.of("trials", "layers", "neurons", "curves", "events")) {
        Path dir = sweepFolder.resolve(t);
        if (java.nio.file.Files.exists(dir.resolve("_SUCCESS"))) {
          // committed parts only: a glob over the folder's own *.parquet, never subfolders
          s.execute("CREATE VIEW " + t + " AS SELECT * FROM read_parquet('" + dir + "/*.parquet')");
        }
      }
    }
  }

  public List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(r.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  public long count(String sql) throws SQLException {
    return ((Number) query(sql).get(0).get(0)).longValue();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
