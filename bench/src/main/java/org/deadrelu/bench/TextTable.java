package org.deadrelu.bench;

import java.util.ArrayList;
import java.util.List;

/** A plain text table: a header, a rule, rows; numbers right-aligned. */
final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... header) {
    this.header = List.of(header);
  }

  TextTable add(Object... cells) {
    List<String> r = new ArrayList<>();
    for (Object c : cells) {
      r.add(String.valueOf(c));
    }
    rows.add(r);
    return this;
  }

  void print(StringBuilder out) {
    int n = header.size();
    int[] w = new int[n];
    boolean[] right = new boolean[n];
    for (int i = 0; i < n; i++) {
      w[i] = header.get(i).length();
      right[i] = !rows.isEmpty();
    }
    for (List<String> r : rows) {
      for (int i = 0; i < n && i < r.size(); i++) {
        w[i] = Math.max(w[i], r.get(i).length());
        right[i] &= r.get(i).matches("[-+]?[0-9].*|-|");
      }
    }
    line(out, header, w, right);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < n; i++) {
      rule.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
    }
    out.append(rule).append('\n');
    for (List<String> r : rows) {
      line(out, r, w, right);
    }
  }

  private static void line(StringBuilder out, List<String> cells, int[] w, boolean[] right) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      String c = i < cells.size() ? cells.get(i) : "";
      String pad = " ".repeat(w[i] - c.length());
      s.append(i == 0 ? "" : "  ").append(right[i] ? pad + c : c + pad);
    }
    out.append(s.toString().stripTrailing()).append('\n');
  }
}
