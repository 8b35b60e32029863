package org.deadrelu.jobs.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * One chart of the report as data and a description of how to draw it: {@link Charts} draws it as
 * SVG for the page, and it writes itself as CSV and as a Vega-Lite spec (data inline, so the Vega
 * editor or Altair's {@code alt.Chart.from_json} opens it alone). Columns are named by role:
 * {@code x}, {@code y}, {@code series}, {@code low}, {@code high}, {@code censored}, {@code label}, {@code value}.
 */
final class Plot {
  /** The kinds of chart the report draws. */
  enum Kind {
    /** numeric x, a line per series with an optional band [low, high] */
    LINES,
    /** survival steps per series with a band and + marks where neurons were censored */
    STEPS,
    /** categorical x and y (label), a colour per cell on [0, 1] */
    HEATMAP,
    /** one row per label: an estimate (x) with its interval [low, high], against a line at 0 */
    FOREST,
    /** one bar per label */
    BARS
  }

  /** Okabe and Ito's palette (2008), distinguishable with every common colour-vision deficiency; yellow last, faint on white. */
  static final String[] OKABE_ITO = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"};

  /** Heatmap scale: ColorBrewer YlGnBu without its darkest steps (see Charts). */
  static final String[] SEQUENTIAL = {"#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0"};

  final Kind kind;
  final String id;
  final String title;
  final String xTitle;
  final String yTitle;
  final List<String> columns;
  final List<Object[]> rows = new ArrayList<>();
  boolean logX;
  boolean logY;
  /** A fixed y domain (fractions: [0, 1]); null: from the data. */
  double[] yDomain;
  /** A heatmap's levels in order (x, then label); null: in order of appearance. */
  List<String> xOrder;
  List<String> yOrder;
  /** The legend's title: what the series are levels of, e.g. "activation, lr". */
  String seriesTitle = "";

  Plot(Kind kind, String id, String title, String xTitle, String yTitle, String... columns) {
    this.kind = kind;
    this.id = id;
    this.title = title;
    this.xTitle = xTitle;
    this.yTitle = yTitle;
    this.columns = List.of(columns);
  }

  static Plot lines(String id, String title, String xTitle, String yTitle) {
    return new Plot(Kind.LINES, id, title, xTitle, yTitle, "series", "x", "y", "low", "high");
  }

  static Plot steps(String id, String title, String xTitle, String yTitle) {
    return new Plot(Kind.STEPS, id, title, xTitle, yTitle, "series", "x", "y", "low", "high", "censored");
  }

  static Plot heatmap(String id, String title, String xTitle, String yTitle) {
    return new Plot(Kind.HEATMAP, id, title, xTitle, yTitle, "x", "label", "value");
  }

  static Plot forest(String id, String title, String xTitle) {
    return new Plot(Kind.FOREST, id, title, xTitle, "", "label", "x", "low", "high");
  }

  static Plot bars(String id, String title, String yTitle) {
    return new Plot(Kind.BARS, id, title, "", yTitle, "label", "value");
  }

  Plot row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(id + ": " + columns.size() + " columns, row " + Arrays.toString(values));
    }
    rows.add(values);
    return this;
  }

  Object get(Object[] row, String column) {
    return row[columns.indexOf(column)];
  }

  double num(Object[] row, String column) {
    Object v = get(row, column);
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }

  /** The series names in order of first appearance. */
  List<String> series() {
    LinkedHashSet<String> s = new LinkedHashSet<>();
    if (columns.contains("series")) {
      for (Object[] r : rows) {
        s.add(String.valueOf(get(r, "series")));
      }
    }
    return new ArrayList<>(s);
  }

  String csv() {
    StringBuilder sb = new StringBuilder(String.join(",", columns)).append('\n');
    for (Object[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        sb.append(i > 0 ? "," : "").append(csvCell(r[i]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String csvCell(Object v) {
    if (v == null || v instanceof Double d && !Double.isFinite(d)) {
      return "";
    }
    String s = String.valueOf(v);
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /** The Vega-Lite v5 spec, data inline. */
  String vegaLite() {
    ObjectMapper m = new ObjectMapper();
    ObjectNode spec = m.createObjectNode();
    spec.put("$schema", "https://vega.github.io/schema/vega-lite/v5.json");
    spec.put("title", title);
    spec.put("width", kind == Kind.FOREST || kind == Kind.BARS ? 480 : 560);
    spec.put("height", kind == Kind.FOREST ? Math.max(60, 24 * rows.size()) : 320);
    spec.putObject("config").putObject("view").put("stroke", (String) null);
    ArrayNode values = spec.putObject("data").putArray("values");
    for (Object[] r : rows) {
      ObjectNode o = values.addObject();
      for (int i = 0; i < r.length; i++) {
        Object v = r[i];
        if (v == null || v instanceof Double d && !Double.isFinite(d)) {
          o.putNull(columns.get(i));
        } else if (v instanceof Number n) {
          o.put(columns.get(i), n.doubleValue());
        } else if (v instanceof Boolean b) {
          o.put(columns.get(i), b);
        } else {
          o.put(columns.get(i), String.valueOf(v));
        }
      }
    }
    ArrayNode layer = spec.putArray("layer");
    switch (kind) {
      case LINES, STEPS -> {
        String interpolate = kind == Kind.STEPS ? "step-after" : "linear";
        ObjectNode band = layer.addObject();
        band.putObject("mark").put("type", "area").put("opacity", 0.2).put("interpolate", interpolate);
        ObjectNode be = band.putObject("encoding");
        be.set("x", field(m, "x", "quantitative", xTitle, logX));
        be.set("y", field(m, "low", "quantitative", yTitle, logY));
        be.set("y2", m.createObjectNode().put("field", "high"));
        be.set("color", color(m));
        ObjectNode line = layer.addObject();
        line.putObject("mark").put("type", "line").put("point", kind == Kind.LINES).put("interpolate", interpolate);
        ObjectNode le = line.putObject("encoding");
        le.set("x", field(m, "x", "quantitative", xTitle, logX));
        ObjectNode y = field(m, "y", "quantitative", yTitle, logY);
        if (yDomain != null) {
          y.putObject("scale").putArray("domain").add(yDomain[0]).add(yDomain[1]);
        }
        le.set("y", y);
        le.set("color", color(m));
        if (kind == Kind.STEPS) {
          ObjectNode marks = layer.addObject();
          marks.putArray("transform").addObject().put("filter", "datum.censored > 0");
          marks.putObject("mark").put("type", "point").put("shape", "cross").put("filled", true).put("size", 40);
          ObjectNode me = marks.putObject("encoding");
          me.set("x", field(m, "x", "quantitative", xTitle, logX));
          me.set("y", field(m, "y", "quantitative", yTitle, logY));
          me.set("color", color(m));
        }
      }
      case HEATMAP -> {
        ObjectNode rect = layer.addObject();
        rect.put("mark", "rect");
        ObjectNode e = rect.putObject("encoding");
        e.set("x", sorted(m, field(m, "x", "ordinal", xTitle, false), xOrder));
        e.set("y", sorted(m, field(m, "label", "ordinal", yTitle, false), yOrder));
        ObjectNode c = field(m, "value", "quantitative", "mean dead fraction", false);
        ObjectNode scale = c.putObject("scale");
        scale.putArray("domain").add(0).add(1);
        ArrayNode range = scale.putArray("range");
        Arrays.stream(SEQUENTIAL).forEach(range::add);
        e.set("color", c);
        ObjectNode text = layer.addObject();
        text.put("mark", "text");
        ObjectNode te = text.putObject("encoding");
        te.set("x", sorted(m, field(m, "x", "ordinal", xTitle, false), xOrder));
        te.set("y", sorted(m, field(m, "label", "ordinal", yTitle, false), yOrder));
        te.set("text", field(m, "value", "quantitative", null, false).put("format", ".3f"));
      }
      case FOREST -> {
        ObjectNode zero = layer.addObject();
        zero.putObject("data").putArray("values").addObject().put("x", 0);
        zero.putObject("mark").put("type", "rule").put("color", "#888888").put("strokeDash", m.createArrayNode().add(4).add(4));
        zero.putObject("encoding").set("x", field(m, "x", "quantitative", null, false));
        ObjectNode rule = layer.addObject();
        rule.putObject("mark").put("type", "rule").put("color", OKABE_ITO[0]);
        ObjectNode re = rule.putObject("encoding");
        re.set("y", labels(m));
        re.set("x", field(m, "low", "quantitative", xTitle, false));
        re.set("x2", m.createObjectNode().put("field", "high"));
        ObjectNode point = layer.addObject();
        point.putObject("mark").put("type", "point").put("filled", true).put("color", OKABE_ITO[0]);
        ObjectNode pe = point.putObject("encoding");
        pe.set("y", labels(m));
        pe.set("x", field(m, "x", "quantitative", xTitle, false));
      }
      case BARS -> {
        ObjectNode bar = layer.addObject();
        bar.putObject("mark").put("type", "bar").put("color", OKABE_ITO[0]);
        ObjectNode e = bar.putObject("encoding");
        e.set("y", labels(m));
        e.set("x", field(m, "value", "quantitative", yTitle, false));
      }
      default -> throw new IllegalStateException(kind.toString());
    }
    try {
      return m.writerWithDefaultPrettyPrinter().writeValueAsString(spec) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rows' labels on a y axis: no axis title, long labels whole. */
  private static ObjectNode labels(ObjectMapper m) {
    ObjectNode f = m.createObjectNode().put("field", "label").put("type", "nominal").put("sort", (String) null);
    f.putNull("title");
    f.putObject("axis").put("labelLimit", 400);
    return f;
  }

  private static ObjectNode field(ObjectMapper m, String name, String type, String title, boolean log) {
    ObjectNode f = m.createObjectNode().put("field", name).put("type", type);
    if (title != null) {
      f.put("title", title);
    }
    if (log) {
      f.putObject("scale").put("type", "log");
    }
    return f;
  }

  private static ObjectNode sorted(ObjectMapper m, ObjectNode f, List<String> order) {
    if (order != null) {
      ArrayNode a = f.putArray("sort");
      order.forEach(a::add);
    }
    return f;
  }

  private ObjectNode color(ObjectMapper m) {
    ObjectNode c = m.createObjectNode().put("field", "series").put("type", "nominal").put("title", seriesTitle);
    c.put("sort", (String) null);
    ArrayNode range = c.putObject("scale").putArray("range");
    Arrays.stream(OKABE_ITO).forEach(range::add);
    return c;
  }

  /** A file name for the chart's files: lower case, words joined by '-'. */
  static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
