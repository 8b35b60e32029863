package org.deadrelu.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.deadrelu.jobs.SparkTestSession;
import org.junit.jupiter.api.Test;

/** The heatmap's panels: only the levels a panel's trials have, and no row for a setting that does not apply. */
class HeatmapSectionTest {
  static final String[] COLUMNS = {"trial_id:string", "config_id:string", "seed:long", "status:string",
      "data_source:string", "activation:string", "alpha:double", "lr:double", "warming_schedule:string",
      "dead_fraction:double"};

  /** quickstart's grid: relu trials have no alpha, leaky_relu trials alpha 0.1; lr 0.05 and 1.0; two seeds. */
  static ReportData quickstart(double deadAtHighLr) {
    List<Row> rows = new ArrayList<>();
    int id = 0;
    for (String act : List.of("relu", "leaky_relu")) {
      for (double lr : new double[] {0.05, 1.0}) {
        for (long seed = 0; seed < 2; seed++) {
          double dead = act.equals("relu") && lr == 1.0 ? deadAtHighLr + 0.1 * seed : 0;
          rows.add(RowFactory.create("t" + id++, act + lr, seed, "ok", "spirals", act, act.equals("relu") ? null : 0.1, lr,
              "linear", dead));
        }
      }
    }
    return new ReportData(SparkTestSession.get().createDataFrame(rows, ReportFiles.schema(COLUMNS)));
  }

  @Test
  void anAxisThatIsNullForEveryTrialOfAPanelGetsNoRowAndANote() {
    ReportData data = quickstart(0.5);
    List<String> notes = new ArrayList<>();
    List<HeatmapSection.Panel> panels = HeatmapSection.panels(data, data.rows, List.of("lr", "alpha"), notes);
    assertEquals(2, panels.size());
    HeatmapSection.Panel leaky = panels.get(0);
    HeatmapSection.Panel relu = panels.get(1);
    assertEquals("activation=leaky_relu", leaky.name());
    assertEquals(List.of("0.1"), leaky.ys(), "no empty row for relu's null alpha");
    assertEquals(List.of("n/a"), relu.ys(), "one row over lr, not a row for alpha = null");
    assertEquals("alpha (not set)", relu.yTitle());
    assertEquals(List.of("0.05", "1.0"), relu.xs());
    // the cells: (x index, y index, mean of the two seeds)
    Number[] high = relu.cells().stream().filter(c -> c[0].intValue() == 1).findFirst().orElseThrow();
    assertEquals(0, high[1].intValue());
    assertEquals((0.5 + 0.6) / 2, high[2].doubleValue(), 1e-12);
    assertEquals(List.of("alpha is null for every trial with activation=relu: it does not apply there, so its heatmap has no alpha levels"),
        notes);
  }

  /** A grid of zeros is drawn in the scale's palest colour (its value 0), not a hot one. */
  @Test
  void zeroIsThePalestColourOfTheScale() throws Exception {
    List<Number[]> zeros = List.of(new Number[] {0, 0, 0.0}, new Number[] {1, 0, 0.0}, new Number[] {0, 1, 0.0},
        new Number[] {1, 1, 0.0});
    byte[] png = org.knowm.xchart.BitmapEncoder.getBitmapBytes(Charts.heatmap("zeros", "x", "y", List.of("a", "b"),
        List.of("c", "d"), zeros), org.knowm.xchart.BitmapEncoder.BitmapFormat.PNG);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    long palest = 0;
    long warm = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        palest += rgb == 0xffffd9 ? 1 : 0;
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        warm += r > 200 && g < 180 && b < 120 ? 1 : 0; // orange or red
      }
    }
    assertTrue(palest > 20_000, "cells in the palest colour: " + palest);
    assertEquals(0, warm, "no orange or red pixels");
  }
}
