package org.deadrelu.jobs.report;

import java.util.List;
import java.util.Locale;
import org.apache.commons.text.StringEscapeUtils;

/** The report page: a minimal HTML builder in which every text is escaped, and how numbers are shown. */
final class HtmlPage {
  private final StringBuilder body = new StringBuilder();
  private int images;
  /** Every chart's files, by name under charts/: its SVG, its data (CSV) and its Vega-Lite spec. */
  private final java.util.Map<String, String> chartFiles = new java.util.LinkedHashMap<>();

  void h1(String s) {
    body.append("<h1>").append(esc(s)).append("</h1>\n");
  }

  void h2(String s) {
    body.append("<h2>").append(esc(s)).append("</h2>\n");
  }

  void h3(String s) {
    body.append("<h3>").append(esc(s)).append("</h3>\n");
  }

  void p(String s) {
    body.append("<p>").append(esc(s)).append("</p>\n");
  }

  void pre(String s) {
    body.append("<pre>").append(esc(s)).append("</pre>\n");
  }

  /**
   * A chart: its SVG embedded (the page stays one file that opens offline), and beside it links to
   * its files under charts/, which {@link #chartFiles()} holds for the report to write.
   */
  void chart(Plot p) {
    images++;
    String id = p.id;
    for (int k = 2; chartFiles.containsKey(id + ".svg"); k++) {
      id = p.id + "-" + k;
    }
    String svg = Charts.svg(p);
    chartFiles.put(id + ".svg", svg);
    chartFiles.put(id + ".csv", p.csv());
    chartFiles.put(id + ".vl.json", p.vegaLite());
    body.append("<figure class=\"chart\" data-kind=\"").append(p.kind.name().toLowerCase(Locale.ROOT)).append("\" id=\"")
        .append(esc(id)).append("\"><img class=\"plot\" alt=\"").append(esc(p.title)).append("\" src=\"data:image/svg+xml;base64,")
        .append(java.util.Base64.getEncoder().encodeToString(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .append("\"><figcaption>").append(esc(p.title)).append(": <a href=\"charts/").append(esc(id)).append(".csv\">data (CSV)</a>")
        .append(" · <a href=\"charts/").append(esc(id)).append(".vl.json\">Vega-Lite</a> · <a href=\"charts/").append(esc(id))
        .append(".svg\">SVG</a></figcaption></figure>\n");
  }

  /** Charts side by side, as many as fit the page's width, until {@link #endGrid()}. */
  void grid() {
    body.append("<div class=\"grid\">\n");
  }

  void endGrid() {
    body.append("</div>\n");
  }

  java.util.Map<String, String> chartFiles() {
    return chartFiles;
  }

  void table(List<String> head, List<List<String>> rows) {
    if (rows.isEmpty()) {
      body.append("<p><em>none</em></p>\n");
      return;
    }
    body.append("<table><thead><tr>");
    for (String h : head) {
      body.append("<th>").append(esc(h)).append("</th>");
    }
    body.append("</tr></thead><tbody>\n");
    for (List<String> r : rows) {
      body.append("<tr>");
      for (String c : r) {
        body.append("<td>").append(esc(c)).append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("</tbody></table>\n");
  }

  int images() {
    return images;
  }

  String render(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>deadrelu report: " + esc(title)
        + "</title>\n<style>body{font-family:sans-serif;max-width:1320px;margin:2em auto;color:#222}"
        + "table{border-collapse:collapse;margin:1em 0;font-size:0.9em}th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}"
        + "th{background:#f0f0f0}figure.chart{margin:1em 0}img.plot{display:block;max-width:100%}"
        + "figcaption{font-size:0.8em;color:#555}div.grid{display:flex;flex-wrap:wrap;gap:0 1em}"
        + "div.grid figure.chart{flex:1 1 480px;max-width:640px}pre{background:#f6f6f6;padding:0.5em;white-space:pre-wrap}"
        + "</style></head><body>\n" + body + "</body></html>\n";
  }

  /** A number as the page shows it: 4 decimals, or 3 significant digits when very small or large; n/a for none. */
  static String fmt(Object v) {
    if (v == null) {
      return "n/a";
    }
    if (v instanceof Double d) {
      if (d.isNaN()) {
        return "n/a";
      }
      double a = Math.abs(d);
      return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3g", d) : String.format(Locale.ROOT, "%.4f", d);
    }
    return String.valueOf(v);
  }

  /** "value [low, high]", or the value alone when there is no interval. */
  static String withInterval(Object value, Object low, Object high) {
    return fmt(value) + (low == null || (low instanceof Double d && d.isNaN()) ? "" : " [" + fmt(low) + ", " + fmt(high) + "]");
  }

  private static String esc(String s) {
    return StringEscapeUtils.escapeHtml4(s == null ? "" : s);
  }
}
