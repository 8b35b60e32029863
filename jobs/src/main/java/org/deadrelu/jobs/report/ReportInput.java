package org.deadrelu.jobs.report;

import static org.apache.spark.sql.functions.col;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.UserInputException;
import org.deadrelu.jobs.output.ResultTables;

/**
 * What a report reads from a result folder, each table once: the trials (collected to the driver,
 * then filtered by --where there), and from the large tables only what the report needs, aggregated
 * by Spark: hidden neurons at each trial's last checkpoint, and the layer rows the plots use.
 */
final class ReportInput {
  /** The sweep file kept in the folder's ledger. */
  record Sweep(String name, String description) {}

  /** A trial's hidden neurons at its last checkpoint with one lifetime end: {@code time}, and whether they died there. */
  record NeuronEnd(String trialId, long time, boolean died, long neurons) {}

  /** The columns of one layers row that the report plots. */
  record LayerRow(String trialId, int step, int layer, boolean outputLayer, int width, Double deadFraction,
      Double weightGradNorm) {}

  final ResultTables tables;
  /** Every trial in the folder. */
  final long trialsInFolder;
  /** The trials --where selects, ordered by trial_id: a Spark relation of rows held on the driver. */
  final Dataset<Row> selected;
  final List<Row> selectedRows;

  private ReportInput(ResultTables tables, long trialsInFolder, Dataset<Row> selected, List<Row> selectedRows) {
    this.tables = tables;
    this.trialsInFolder = trialsInFolder;
    this.selected = selected;
    this.selectedRows = selectedRows;
  }

  static ReportInput read(ResultTables tables, String where) {
    SparkSession spark = tables.spark();
    Dataset<Row> trials = tables.table("trials");
    List<Row> all = new ArrayList<>(trials.collectAsList());
    int id = trials.schema().fieldIndex("trial_id");
    all.sort(Comparator.comparing(r -> r.getString(id)));
    // a relation of local rows: Spark evaluates filters and projections on it without a job
    Dataset<Row> local = spark.createDataFrame(all, trials.schema());
    Dataset<Row> selected = local;
    List<Row> rows = all;
    if (where != null && !where.isBlank()) {
      try {
        selected = local.where(where);
        rows = selected.collectAsList();
      } catch (Exception e) { // Spark raises AnalysisException and SparkException, checked in Java terms
        throw new UserInputException("--where " + where + ": " + Report.firstLine(e), e);
      }
    }
    return new ReportInput(tables, all.size(), selected, rows);
  }

  /**
   * Hidden neurons of the given trials at each trial's last checkpoint, counted by lifetime end: a
   * neuron's lifetime ends at its death_step, or it is censored at that last checkpoint. Null when
   * the folder has no neurons table.
   */
  List<NeuronEnd> neuronEnds(Set<String> trialIds) {
    Dataset<Row> neurons = tables.table("neurons");
    if (neurons == null) {
      return null;
    }
    // one aggregation, no join: rows per trial, checkpoint and death_step are few, and the last
    // checkpoint of each trial is then picked out here
    List<Row> counts = only(neurons.where("NOT output_layer"), trialIds).groupBy("trial_id", "step", "death_step").count()
        .collectAsList();
    Map<String, Integer> last = new HashMap<>();
    for (Row r : counts) {
      last.merge(r.getString(0), r.getInt(1), Math::max);
    }
    List<NeuronEnd> out = new ArrayList<>();
    for (Row r : counts) {
      if (trialIds.contains(r.getString(0)) && r.getInt(1) == last.get(r.getString(0))) {
        boolean died = !r.isNullAt(2);
        out.add(new NeuronEnd(r.getString(0), died ? r.getInt(2) : r.getInt(1), died, r.getLong(3)));
      }
    }
    return out;
  }

  /** The layers rows of the given trials; null when the folder has no layers table. */
  List<LayerRow> layers(Set<String> trialIds) {
    Dataset<Row> layers = tables.table("layers");
    if (layers == null) {
      return null;
    }
    List<LayerRow> out = new ArrayList<>();
    for (Row r : only(layers.select("trial_id", "step", "layer", "output_layer", "width", "dead_fraction",
        "weight_grad_norm"), trialIds).collectAsList()) {
      if (trialIds.contains(r.getString(0))) {
        out.add(new LayerRow(r.getString(0), r.getInt(1), r.getInt(2), r.getBoolean(3), r.getInt(4),
            r.isNullAt(5) ? null : r.getDouble(5), r.isNullAt(6) ? null : r.getDouble(6)));
      }
    }
    return out;
  }

  /** Rows of the given trials: all rows when they are every trial in the folder (no filter to evaluate). */
  private Dataset<Row> only(Dataset<Row> table, Set<String> trialIds) {
    return trialIds.size() == trialsInFolder ? table : table.where(col("trial_id").isin(trialIds.toArray()));
  }

  /** The sweep's name and description from the copy of its file in the ledger; the folder's name without one. */
  Sweep sweep() {
    String folder = tables.folder();
    try {
      Path meta = new Path(folder, "_deadrelu");
      FileSystem fs = meta.getFileSystem(tables.spark().sparkContext().hadoopConfiguration());
      for (FileStatus f : fs.listStatus(meta, p -> p.getName().startsWith("sweep-") && p.getName().endsWith(".yaml"))) {
        String text;
        try (var in = fs.open(f.getPath())) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Object doc = new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder().build()).loadFromString(text);
        if (doc instanceof Map<?, ?> m) {
          return new Sweep(String.valueOf(m.get("name")), m.get("description") == null ? "" : String.valueOf(m.get("description")).trim());
        }
      }
    } catch (Exception e) {
      // fall through: a folder without its sweep file still gets a report
    }
    return new Sweep(new Path(folder).getName(), "");
  }
}
