package org.deadrelu.jobs.report;

import java.util.List;
import java.util.Locale;
import org.apache.commons.text.StringEscapeUtils;

/** The report page: a minimal HTML builder in which every text is escaped, and how numbers are shown. */
final class HtmlPage {
  private final StringBuilder body = new StringBuilder();
  private int images;

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

  void img(String dataUri, String alt) {
    images++;
    body.append("<img class=\"plot\" alt=\"").append(esc(alt)).append("\" src=\"").append(dataUri).append("\">\n");
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
        + "</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
        + "table{border-collapse:collapse;margin:1em 0;font-size:0.9em}th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}"
        + "th{background:#f0f0f0}img.plot{display:block;margin:1em 0;max-width:100%}pre{background:#f6f6f6;padding:0.5em;white-space:pre-wrap}"
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
