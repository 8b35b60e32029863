package org.deadrelu.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.deadrelu.jobs.SparkTestSession;
import org.junit.jupiter.api.Test;

/** Importance only where it can mean something: enough configurations, and settings that are not functions of each other. */
class ImportanceTest {
  static final String[] COLUMNS = {"trial_id:string", "config_id:string", "seed:long", "status:string",
      "data_source:string", "activation:string", "alpha:double", "lr:double", "l2:double", "warming_schedule:string",
      "dead_fraction:double"};

  /** 2 activations (alpha null for relu) x 3 lr x 4 l2 = 24 configurations, 2 seeds; death from relu at high lr only. */
  static ReportData grid() {
    Random rnd = new Random(4);
    List<Row> rows = new ArrayList<>();
    int id = 0;
    for (String act : List.of("relu", "leaky_relu")) {
      for (double lr : new double[] {0.01, 0.1, 1.0}) {
        for (double l2 : new double[] {0, 1e-4, 1e-3, 1e-2}) {
          for (long seed = 0; seed < 2; seed++) {
            double dead = (act.equals("relu") ? 0.4 * lr : 0) + 0.02 * rnd.nextDouble();
            rows.add(RowFactory.create("t" + id++, act + lr + l2, seed, "ok", "spirals", act, act.equals("relu") ? null : 0.1,
                lr, l2, "linear", dead));
          }
        }
      }
    }
    return new ReportData(SparkTestSession.get().createDataFrame(rows, ReportFiles.schema(COLUMNS)));
  }

  @Test
  void fewConfigurationsGetNoRankingAndThePageSaysWhy() {
    ReportData data = HeatmapSectionTest.quickstart(0.5);
    List<String> notes = new ArrayList<>();
    ImportanceSection s = new ImportanceSection(data, data.rows, notes);
    HtmlPage html = new HtmlPage();
    s.html(html);
    String page = html.render("x");
    assertTrue(page.contains("Not computed: 4 configurations with an ok trial, fewer than 20."), page);
    assertTrue(!page.contains("<img"), "no chart");
  }

  @Test
  void aSettingDeterminedByAnotherIsMergedWithItAndHeldOutTrialsAreWholeConfigurations() {
    ReportData data = grid();
    List<List<String>> groups = Dependence.groups(data, data.modelAxes());
    assertEquals(List.of(List.of("activation", "alpha"), List.of("lr"), List.of("l2")), groups);
    List<Importance.Feature> f = Importance.of(data, data.rows, groups, "dead_fraction", 7);
    assertEquals(Set.of("activation/alpha", "lr", "l2"), f.stream().map(Importance.Feature::feature).collect(Collectors.toSet()));
    // 18 of 24 configurations train, 6 are held out, each with both its seeds
    assertEquals(36, f.get(0).trainRows());
    assertEquals(12, f.get(0).testRows());
    // l2 does nothing here: it ranks last
    assertEquals("l2", f.get(2).feature());
    List<String> notes = new ArrayList<>();
    new ImportanceSection(data, data.rows, notes);
    assertTrue(notes.contains("importance: alpha is determined by activation (leaky_relu: 0.1, relu: null): one feature, "
        + "activation/alpha"), notes.toString());
  }
}
