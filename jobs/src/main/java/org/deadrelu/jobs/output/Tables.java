package org.deadrelu.jobs.output;

import java.util.List;

/** The five output tables, in the order a commit writes them: trials last, as it marks a trial done. */
public final class Tables {
  public static final NeuronsTable NEURONS = new NeuronsTable();
  public static final LayersTable LAYERS = new LayersTable();
  public static final CurvesTable CURVES = new CurvesTable();
  public static final EventsTable EVENTS = new EventsTable();
  public static final TrialsTable TRIALS = new TrialsTable();

  private Tables() {}

  public static List<Table<?>> all() {
    return List.of(NEURONS, LAYERS, CURVES, EVENTS, TRIALS);
  }

  public static Table<?> byName(String name) {
    return all().stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table " + name));
  }
}
