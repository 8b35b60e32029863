package org.deadrelu.jobs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Rows printed as an aligned plain-text table, numbers with 4 significant decimals. */
final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(List<String> header) {
    this.header = header;
  }

  void add(List<?> values) {
    List<String> cells = new ArrayList<>();
    for (Object v : values) {
      cells.add(format(v));
    }
    rows.add(cells);
  }

  static String format(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Double d) {
      if (!Double.isFinite(d)) {
        return d.toString();
      }
      // small values keep their significant digits (a gradient ratio of 2e-7 is not 0.0000)
      return d != 0 && Math.abs(d) < 1e-3 ? String.format(Locale.ROOT, "%.3e", d) : String.format(Locale.ROOT, "%.4f", d);
    }
    if (v instanceof Float f) {
      return format(f.doubleValue());
    }
    return v.toString();
  }

  void print(PrintWriter out) {
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    printRow(out, header, width);
    StringBuilder rule = new StringBuilder();
    for (int w : width) {
      rule.append("-".repeat(w)).append("  ");
    }
    out.println(rule.toString().stripTrailing());
    for (List<String> r : rows) {
      printRow(out, r, width);
    }
    out.flush();
  }

  private static void printRow(PrintWriter out, List<String> cells, int[] width) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      s.append(String.format("%-" + width[i] + "s  ", cells.get(i)));
    }
    out.println(s.toString().stripTrailing());
  }
}
