package org.deadrelu.jobs.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** Plots with XChart, rendered headless to PNG and embedded as data URIs. */
final class Charts {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  static final java.awt.Color[] SEQUENTIAL = {new java.awt.Color(0xffffd9), new java.awt.Color(0xedf8b1),
      new java.awt.Color(0xc7e9b4), new java.awt.Color(0x7fcdbb), new java.awt.Color(0x41b6c4), new java.awt.Color(0x1d91c0)};

  private Charts() {}

  static String dataUri(Chart<?, ?> chart) {
    try {
      byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    } catch (IOException e) {
      throw new IllegalStateException("rendering " + chart.getTitle(), e);
    }
  }

  /** Lines (or steps), one per series name: x and y lists. */
  static XYChart lines(String title, String x, String y, Map<String, double[][]> series, boolean step, boolean logY) {
    XYChart c = new XYChartBuilder().width(820).height(420).title(title).xAxisTitle(x).yAxisTitle(y).build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    c.getStyler().setMarkerSize(step ? 0 : 4);
    c.getStyler().setYAxisLogarithmic(logY);
    for (Map.Entry<String, double[][]> e : series.entrySet()) {
      if (e.getValue()[0].length == 0) {
        continue;
      }
      XYSeries s = c.addSeries(e.getKey(), e.getValue()[0], e.getValue()[1]);
      if (step) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
      }
    }
    return c;
  }

  static CategoryChart bars(String title, String y, List<String> names, List<Double> values, List<Double> errors) {
    CategoryChart c = new CategoryChartBuilder().width(820).height(Math.max(320, 120 + 18 * names.size()))
        .title(title).yAxisTitle(y).build();
    c.getStyler().setLegendVisible(false);
    c.getStyler().setXAxisLabelRotation(30);
    if (errors == null) {
      c.addSeries(y, new ArrayList<>(names), new ArrayList<Number>(values));
    } else {
      c.addSeries(y, new ArrayList<>(names), new ArrayList<Number>(values), new ArrayList<Number>(errors));
    }
    return c;
  }

  static HeatMapChart heatmap(String title, String x, String y, List<String> xs, List<String> ys, List<Number[]> cells) {
    HeatMapChart c = new HeatMapChartBuilder().width(620).height(420).title(title).xAxisTitle(x).yAxisTitle(y).build();
    c.getStyler().setShowValue(true);
    c.getStyler().setMin(0);
    c.getStyler().setMax(1);
    c.getStyler().setHeatMapValueDecimalPattern("0.000");
    // sequential and colour-blind safe (ColorBrewer YlGnBu, its darkest steps left out so the
    // values stay legible): 0 is the palest, not a hot colour; fractions on the fixed domain [0, 1]
    c.getStyler().setRangeColors(SEQUENTIAL);
    c.getStyler().setValueFontColor(new java.awt.Color(0x22, 0x22, 0x22));
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    c.addSeries("dead fraction", new ArrayList<>(xs), new ArrayList<>(ys), cells);
    return c;
  }
}
