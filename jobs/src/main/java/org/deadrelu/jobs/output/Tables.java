package org.deadrelu.jobs.output;

import java.util.List;

/** The five output tables. A wave writes them side by side; its manifest in the ledger, written after all five, marks its trials done. */
public final class Tables {
  public static final Table<?> NEURONS = NeuronsTable.TABLE;
  public static final Table<?> LAYERS = LayersTable.TABLE;
  public static final Table<?> CURVES = CurvesTable.TABLE;
  public static final Table<?> EVENTS = EventsTable.TABLE;
  public static final Table<?> TRIALS = TrialsTable.TABLE;

  private Tables() {}

  public static List<Table<?>> all() {
    return List.of(NEURONS, LAYERS, CURVES, EVENTS, TRIALS);
  }

  public static Table<?> byName(String name) {
    return all().stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table " + name));
  }
}
