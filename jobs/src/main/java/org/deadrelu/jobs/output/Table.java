package org.deadrelu.jobs.output;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.deadrelu.model.result.TrialOutput;

/**
 * An output table: its columns (the analysts' contract, pinned by a test) and how a trial's output
 * becomes its rows. Every table starts with {@code sweep} and {@code trial_id}.
 *
 * @param <R> the record one row is made from
 */
public final class Table<R> {
  private final String name;
  private final List<Column<R>> columns;
  private final Function<TrialOutput, List<R>> records;

  public Table(String name, List<Column<R>> columns, Function<TrialOutput, List<R>> records) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.records = records;
  }

  public String name() {
    return name;
  }

  /** The order of rows within each written file: trial, then step, layer and neuron where present. */
  public String[] sortColumns() {
    List<String> order = new ArrayList<>(List.of("trial_id"));
    for (String c : List.of("step", "layer", "neuron")) {
      if (columns.stream().anyMatch(col -> col.name().equals(c))) {
        order.add(c);
      }
    }
    return order.toArray(String[]::new);
  }

  public StructType schema() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("sweep", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("trial_id", DataTypes.StringType, false));
    for (Column<R> c : columns) {
      fields.add(DataTypes.createStructField(c.name(), c.type(), c.nullable()));
    }
    return DataTypes.createStructType(fields);
  }

  public List<Row> rows(String sweep, TrialOutput out) {
    List<Row> rows = new ArrayList<>();
    String trialId = out.trialId(); // a hash of the whole configuration: once per trial, not per row
    for (R r : records.apply(out)) {
      Object[] values = new Object[columns.size() + 2];
      values[0] = sweep;
      values[1] = trialId;
      for (int i = 0; i < columns.size(); i++) {
        values[i + 2] = columns.get(i).value().apply(r);
      }
      rows.add(RowFactory.create(values));
    }
    return rows;
  }
}
