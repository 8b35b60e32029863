package org.deadrelu.jobs.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link Plot} with XChart as SVG (through VectorGraphics2D), in one style: white, no
 * frames, light grid lines, Okabe-Ito colours, the legend's title in the chart's title.
 */
final class Charts {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  static final Color[] SEQUENTIAL = colors(Plot.SEQUENTIAL);
  static final Color[] PALETTE = colors(Plot.OKABE_ITO);
  private static final Color TEXT = new Color(0x222222);
  private static final Color GRID = new Color(0xe8e8e8);
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final int WIDTH = 720;
  static final int HEIGHT = 380;

  private Charts() {}

  /** The chart as an SVG document. */
  static String svg(Plot p) {
    Chart<?, ?> chart = switch (p.kind) {
      case LINES, STEPS -> xy(p);
      case HEATMAP -> heatmap(p);
      case FOREST -> forest(p);
      case BARS -> bars(p);
    };
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("rendering " + p.title, e);
    }
  }

  private static void style(Styler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setChartTitleBoxVisible(false);
    s.setChartFontColor(TEXT);
    s.setBaseFont(FONT);
    s.setChartTitleFont(FONT.deriveFont(Font.BOLD, 14f));
    s.setLegendFont(FONT);
    s.setLegendBorderColor(Color.WHITE);
    s.setLegendBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setSeriesColors(PALETTE);
    // XChart varies the dash as well as the colour by default; one solid line style here
    BasicStroke[] solid = new BasicStroke[PALETTE.length];
    java.util.Arrays.fill(solid, new BasicStroke(2f));
    s.setSeriesLines(solid);
    s.setChartPadding(8);
    s.setToolTipsEnabled(false);
    if (s instanceof AxesChartStyler a) {
      a.setPlotGridLinesColor(GRID);
      a.setPlotGridLinesStroke(new BasicStroke(1f));
      a.setAxisTickLabelsColor(TEXT);
      a.setAxisTickMarksColor(new Color(0x999999));
      a.setAxisTitleFont(FONT);
      a.setAxisTickLabelsFont(FONT.deriveFont(11f));
      a.setPlotMargin(4);
    }
  }

  private static XYChart xy(Plot p) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(titled(p)).xAxisTitle(p.xTitle).yAxisTitle(p.yTitle).build();
    style(c.getStyler());
    c.getStyler().setXAxisLogarithmic(p.logX);
    c.getStyler().setYAxisLogarithmic(p.logY);
    // a log axis labelled at decades only leaves a narrow range with one label or none
    c.getStyler().setXAxisLogarithmicDecadeOnly(false);
    c.getStyler().setYAxisLogarithmicDecadeOnly(false);
    c.getStyler().setMarkerSize(p.kind == Plot.Kind.STEPS ? 0 : 6);
    c.getStyler().setLegendVisible(p.series().size() > 1 || !p.seriesTitle.isEmpty());
    if (p.yDomain != null) {
      c.getStyler().setYAxisMin(p.yDomain[0]);
      c.getStyler().setYAxisMax(p.yDomain[1]);
    }
    List<String> series = p.series();
    for (int i = 0; i < series.size(); i++) {
      String name = series.get(i);
      Color colour = PALETTE[i % PALETTE.length];
      TreeMap<Double, Object[]> byX = new TreeMap<>();
      for (Object[] r : p.rows) {
        if (name.equals(String.valueOf(p.get(r, "series"))) && !Double.isNaN(p.num(r, "y"))) {
          byX.put(p.num(r, "x"), r);
        }
      }
      if (byX.isEmpty()) {
        continue;
      }
      band(c, p, name, colour, byX);
      double[] xs = byX.keySet().stream().mapToDouble(Double::doubleValue).toArray();
      double[] ys = byX.values().stream().mapToDouble(r -> p.num(r, "y")).toArray();
      XYSeries line = c.addSeries(name, xs, ys);
      line.setLineColor(colour);
      line.setMarkerColor(colour);
      line.setLineWidth(2f);
      line.setMarker(SeriesMarkers.CIRCLE);
      if (p.kind == Plot.Kind.STEPS) {
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        List<Double> cx = new ArrayList<>();
        List<Double> cy = new ArrayList<>();
        for (Object[] r : byX.values()) {
          if (p.num(r, "censored") > 0) {
            cx.add(p.num(r, "x"));
            cy.add(p.num(r, "y"));
          }
        }
        if (!cx.isEmpty()) {
          XYSeries marks = c.addSeries(name + " (censored)", cx, cy);
          marks.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
          marks.setMarker(SeriesMarkers.PLUS).setMarkerColor(colour);
          marks.setShowInLegend(false);
        }
      }
    }
    return c;
  }

  /** The band [low, high] as a translucent polygon in the series' colour (stepped for STEPS). */
  private static void band(XYChart c, Plot p, String name, Color colour, TreeMap<Double, Object[]> byX) {
    List<double[]> upper = new ArrayList<>();
    List<double[]> lower = new ArrayList<>();
    double[] prev = null;
    for (Map.Entry<Double, Object[]> e : byX.entrySet()) {
      double lo = p.num(e.getValue(), "low");
      double hi = p.num(e.getValue(), "high");
      if (Double.isNaN(lo) || Double.isNaN(hi)) {
        prev = null;
        continue;
      }
      if (p.kind == Plot.Kind.STEPS && prev != null) {
        upper.add(new double[] {e.getKey(), prev[1]});
        lower.add(new double[] {e.getKey(), prev[0]});
      }
      upper.add(new double[] {e.getKey(), hi});
      lower.add(new double[] {e.getKey(), lo});
      prev = new double[] {lo, hi};
    }
    if (upper.size() < 2) {
      return;
    }
    int n = upper.size();
    double[] px = new double[2 * n];
    double[] py = new double[2 * n];
    for (int i = 0; i < n; i++) {
      px[i] = upper.get(i)[0];
      py[i] = upper.get(i)[1];
      px[2 * n - 1 - i] = lower.get(i)[0];
      py[2 * n - 1 - i] = lower.get(i)[1];
    }
    XYSeries s = c.addSeries(name + " (band)", px, py);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    Color translucent = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 56);
    s.setFillColor(translucent);
    s.setLineColor(translucent);
    s.setLineStyle(SeriesLines.NONE);
    s.setMarker(SeriesMarkers.NONE);
    s.setShowInLegend(false);
  }

  private static HeatMapChart heatmap(Plot p) {
    List<String> xs = p.xOrder == null ? new ArrayList<>() : new ArrayList<>(p.xOrder);
    List<String> ys = p.yOrder == null ? new ArrayList<>() : new ArrayList<>(p.yOrder);
    for (Object[] r : p.rows) {
      String x = String.valueOf(p.get(r, "x"));
      String y = String.valueOf(p.get(r, "label"));
      if (!xs.contains(x)) {
        xs.add(x);
      }
      if (!ys.contains(y)) {
        ys.add(y);
      }
    }
    List<Number[]> cells = new ArrayList<>();
    for (Object[] r : p.rows) {
      cells.add(new Number[] {xs.indexOf(String.valueOf(p.get(r, "x"))), ys.indexOf(String.valueOf(p.get(r, "label"))),
          p.num(r, "value")});
    }
    return heatmap(p.title, p.xTitle, p.yTitle, xs, ys, cells);
  }

  static HeatMapChart heatmap(String title, String x, String y, List<String> xs, List<String> ys, List<Number[]> cells) {
    HeatMapChart c = new HeatMapChartBuilder().width(520).height(Math.max(220, 120 + 60 * ys.size())).title(title)
        .xAxisTitle(x).yAxisTitle(y).build();
    style(c.getStyler());
    c.getStyler().setShowValue(true);
    c.getStyler().setMin(0);
    c.getStyler().setMax(1);
    c.getStyler().setHeatMapValueDecimalPattern("0.000");
    // sequential and colour-blind safe (ColorBrewer YlGnBu, its darkest steps left out so the
    // values stay legible): 0 is the palest, not a hot colour; fractions on the fixed domain [0, 1]
    c.getStyler().setRangeColors(SEQUENTIAL);
    c.getStyler().setValueFontColor(TEXT);
    c.getStyler().setPlotGridLinesVisible(false);
    c.addSeries("dead fraction", new ArrayList<>(xs), new ArrayList<>(ys), cells);
    return c;
  }

  /**
   * Rows top to bottom at y = n - 1 ... 0, each an interval (a line) and its estimate (a dot) with
   * its label centred above it (XChart cannot put text labels on a numeric axis); a dashed line at 0,
   * which the x range always includes.
   */
  private static XYChart forest(Plot p) {
    int n = p.rows.size();
    XYChart c = new XYChartBuilder().width(WIDTH).height(100 + 48 * Math.max(n, 2)).title(p.title).xAxisTitle(p.xTitle)
        .yAxisTitle("").build();
    style(c.getStyler());
    c.getStyler().setLegendVisible(false);
    c.getStyler().setYAxisMin(-0.6);
    c.getStyler().setYAxisMax(n - 0.2);
    c.getStyler().setYAxisTicksVisible(false);
    c.getStyler().setPlotGridHorizontalLinesVisible(false);
    double lo = 0;
    double hi = 0;
    for (Object[] r : p.rows) {
      for (String col : new String[] {"x", "low", "high"}) {
        double v = p.num(r, col);
        if (!Double.isNaN(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    double pad = 0.08 * Math.max(hi - lo, 1e-9);
    c.getStyler().setXAxisMin(lo - pad);
    c.getStyler().setXAxisMax(hi + pad);
    c.getStyler().setAnnotationTextFont(FONT);
    c.getStyler().setAnnotationTextFontColor(TEXT);
    double[] ex = new double[n];
    double[] ey = new double[n];
    for (int i = 0; i < n; i++) {
      Object[] r = p.rows.get(i);
      double y = n - 1 - i;
      ex[i] = p.num(r, "x");
      ey[i] = y;
      if (!Double.isNaN(p.num(r, "low"))) {
        XYSeries ci = c.addSeries("ci " + i, new double[] {p.num(r, "low"), p.num(r, "high")}, new double[] {y, y});
        ci.setLineColor(PALETTE[0]);
        ci.setMarker(SeriesMarkers.NONE);
        ci.setLineWidth(2f);
        ci.setShowInLegend(false);
      }
      c.addAnnotation(new AnnotationText(String.valueOf(p.get(r, "label")), (lo + hi) / 2, y + 0.42, false));
    }
    XYSeries points = c.addSeries("estimate", ex, ey);
    points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    points.setMarker(SeriesMarkers.CIRCLE);
    points.setMarkerColor(PALETTE[0]);
    c.getStyler().setMarkerSize(8);
    c.getStyler().setAnnotationLineColor(new Color(0x888888));
    c.getStyler().setAnnotationLineStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {4f, 4f}, 0f));
    c.addAnnotation(new AnnotationLine(0, true, false));
    return c;
  }

  private static CategoryChart bars(Plot p) {
    CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(p.title).yAxisTitle(p.yTitle).build();
    style(c.getStyler());
    c.getStyler().setLegendVisible(false);
    c.getStyler().setPlotGridVerticalLinesVisible(false);
    if (p.rows.size() > 4) {
      c.getStyler().setXAxisLabelRotation(30);
    }
    List<String> names = new ArrayList<>();
    List<Number> values = new ArrayList<>();
    for (Object[] r : p.rows) {
      names.add(String.valueOf(p.get(r, "label")));
      values.add(p.num(r, "value"));
    }
    CategorySeries s = c.addSeries(p.yTitle, names, values);
    s.setFillColor(PALETTE[0]);
    s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Bar);
    return c;
  }

  /** "Title, by activation, lr": the legend names levels, the title what they are levels of. */
  private static String titled(Plot p) {
    return p.seriesTitle.isEmpty() ? p.title : p.title + ", by " + p.seriesTitle;
  }

  private static Color[] colors(String[] hex) {
    Color[] out = new Color[hex.length];
    for (int i = 0; i < hex.length; i++) {
      out[i] = Color.decode(hex[i]);
    }
    return out;
  }
}
