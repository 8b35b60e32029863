package org.deadrelu.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.deadrelu.jobs.SparkTestSession;
import org.junit.jupiter.api.Test;

/** Settings that are functions of one another: found in a grid, not invented in a random search. */
class DependenceTest {
  @Test
  void alphaNullExactlyForReluIsOneSettingWithActivation() {
    ReportData data = HeatmapSectionTest.quickstart(0.5);
    assertEquals(List.of("activation", "alpha", "lr"), data.swept);
    assertTrue(Dependence.determines(data, "activation", "alpha"));
    assertTrue(Dependence.determines(data, "alpha", "activation"));
    assertFalse(Dependence.determines(data, "activation", "lr"));
    assertEquals(List.of(List.of("activation", "alpha"), List.of("lr")), Dependence.groups(data, data.swept));
    assertEquals(List.of("activation", "lr"), Dependence.independent(data, data.swept));
    assertEquals("alpha is determined by activation (leaky_relu: 0.1, relu: null)",
        Dependence.describe(data, List.of("activation", "alpha")));
  }

  /** Every configuration has its own lr and l2: each is a key of the trials, which says nothing about the design. */
  @Test
  void settingsDrawnAtRandomAreNotFunctionsOfEachOther() {
    String[] columns = {"trial_id:string", "config_id:string", "seed:long", "status:string", "data_source:string",
        "lr:double", "l2:double", "warming_schedule:string", "dead_fraction:double"};
    Random rnd = new Random(3);
    List<Row> rows = new ArrayList<>();
    for (int c = 0; c < 10; c++) {
      double lr = Math.pow(10, -3 + 3 * rnd.nextDouble());
      double l2 = Math.pow(10, -5 + 3 * rnd.nextDouble());
      for (long seed = 0; seed < 2; seed++) {
        rows.add(RowFactory.create("t" + c + seed, "c" + c, seed, "ok", "blobs", lr, l2, "linear", 0.1));
      }
    }
    ReportData data = new ReportData(SparkTestSession.get().createDataFrame(rows, ReportFiles.schema(columns)));
    assertEquals(List.of(List.of("lr"), List.of("l2")), Dependence.groups(data, data.swept));
  }

  /** ReLU against Leaky ReLU pairs trials of the same lr and seed, though their alpha differs with the activation. */
  @Test
  void pairsAcrossActivationLetTheAlphaThatGoesWithItDiffer() {
    ReportData data = HeatmapSectionTest.quickstart(0.5);
    List<Effects.Paired> p = Effects.paired(data, data.rows, List.of("activation"), "dead_fraction", 0.95);
    assertEquals(1, p.size(), p.toString());
    assertEquals("leaky_relu", p.get(0).baseline());
    assertEquals(4, p.get(0).pairs());
    // relu minus leaky_relu: 0 and 0 at lr 0.05, 0.5 and 0.6 at lr 1.0
    assertEquals((0 + 0 + 0.5 + 0.6) / 4, p.get(0).meanDifference(), 1e-12);
  }
}
