package org.deadrelu.jobs.output;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deadrelu.jobs.DuckDb;

/** The row groups of a neurons folder as DuckDB's parquet_metadata describes them. */
public record NeuronRowGroups(List<RowGroup> groups) {

  /** One row group: its rows, compressed bytes, the min/max statistics of the sort columns, and where its column chunks lie. */
  public record RowGroup(String file, long id, long rows, long bytes, String trialMin, String trialMax,
      Long stepMin, Long stepMax, Long layerMin, Long layerMax, List<long[]> chunks) {

    /** Whether the statistics admit {@code trial_id = id} (and {@code step = step} when not null). */
    public boolean admits(String trialId, Integer step) {
      boolean trial = trialMin != null && trialMin.compareTo(trialId) <= 0 && trialId.compareTo(trialMax) <= 0;
      return trial && (step == null || stepMin != null && stepMin <= step && step <= stepMax);
    }
  }

  public static NeuronRowGroups of(DuckDb duck, Path folder) throws SQLException {
    Map<String, List<Object>> byGroup = new LinkedHashMap<>();
    List<List<Object>> rows = duck.query("SELECT file_name, row_group_id, row_group_num_rows, row_group_compressed_bytes,"
        + " path_in_schema, stats_min_value, stats_max_value, coalesce(dictionary_page_offset, data_page_offset),"
        + " total_compressed_size FROM parquet_metadata('" + folder + "/*.parquet') ORDER BY file_name, row_group_id, column_id");
    Map<String, Map<String, String[]>> stats = new LinkedHashMap<>();
    Map<String, List<long[]>> chunks = new LinkedHashMap<>();
    for (List<Object> r : rows) {
      String key = r.get(0) + "#" + r.get(1);
      byGroup.putIfAbsent(key, r);
      stats.computeIfAbsent(key, k -> new LinkedHashMap<>()).put((String) r.get(4),
          new String[] {(String) r.get(5), (String) r.get(6)});
      chunks.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {num(r.get(7)), num(r.get(8))});
    }
    List<RowGroup> out = new ArrayList<>();
    for (var e : byGroup.entrySet()) {
      List<Object> r = e.getValue();
      Map<String, String[]> s = stats.get(e.getKey());
      out.add(new RowGroup((String) r.get(0), num(r.get(1)), num(r.get(2)), num(r.get(3)), s.get("trial_id")[0],
          s.get("trial_id")[1], parse(s.get("step")[0]), parse(s.get("step")[1]), parse(s.get("layer")[0]),
          parse(s.get("layer")[1]), chunks.get(e.getKey())));
    }
    return new NeuronRowGroups(out);
  }

  public long files() {
    return groups.stream().map(RowGroup::file).distinct().count();
  }

  public long rows() {
    return groups.stream().mapToLong(RowGroup::rows).sum();
  }

  /** The row groups whose statistics admit the predicate: all a reader that uses them has to read. */
  public List<RowGroup> admitting(String trialId, Integer step) {
    return groups.stream().filter(g -> g.admits(trialId, step)).toList();
  }

  /** The row groups that hold rows of {@code trial_id} (found by a full scan). */
  public List<RowGroup> holding(DuckDb duck, Path folder, String trialId) throws SQLException {
    List<RowGroup> out = new ArrayList<>();
    for (List<Object> r : duck.query("SELECT filename, min(file_row_number), max(file_row_number) FROM read_parquet('"
        + folder + "/*.parquet', filename = true, file_row_number = true) WHERE trial_id = '" + trialId + "' GROUP BY 1")) {
      long first = num(r.get(1));
      long last = num(r.get(2));
      long start = 0;
      for (RowGroup g : groups.stream().filter(g -> g.file().equals(r.get(0))).sorted(java.util.Comparator.comparingLong(RowGroup::id)).toList()) {
        if (start <= last && first < start + g.rows()) {
          out.add(g);
        }
        start += g.rows();
      }
    }
    return out;
  }

  /**
   * Copies the folder {@code from} (its neurons table's files) to {@code to}, then overwrites with
   * zeros the column chunks of every row group {@code keep} rejects: a reader that touches one of
   * them fails, so a query that still succeeds on the copy never read them.
   */
  public void copyDamagingAllBut(Path from, Path to, java.util.function.Predicate<RowGroup> keep) throws java.io.IOException {
    Path target = java.nio.file.Files.createDirectories(to.resolve("neurons"));
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(from.resolve("neurons"))) {
      for (Path f : files.toList()) {
        java.nio.file.Files.copy(f, target.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    for (RowGroup g : groups) {
      if (!keep.test(g)) {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(target.resolve(Path.of(g.file()).getFileName()).toFile(), "rw")) {
          for (long[] chunk : g.chunks()) {
            f.seek(chunk[0]);
            f.write(new byte[Math.toIntExact(chunk[1])]);
          }
        }
      }
    }
  }

  private static long num(Object o) {
    return ((Number) o).longValue();
  }

  private static Long parse(String s) {
    return s == null ? null : Long.parseLong(s);
  }
}
