package org.deadrelu.jobs.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * Swept settings whose values are functions of one another over the trials: alpha is null exactly
 * for relu and 0.1 for leaky_relu, so alpha tells nothing that activation does not. A method that
 * credits settings separately (importance, one heatmap axis per setting) must see them as one.
 */
final class Dependence {
  private Dependence() {}

  /**
   * Whether {@code b} takes one value at each level of {@code a}. A setting with a level per
   * configuration (random search) trivially determines every other, which says nothing about the
   * design, so {@code a} must have fewer levels than there are configurations.
   */
  static boolean determines(ReportData data, String a, String b) {
    int ai = data.index(a);
    int bi = data.index(b);
    int config = data.index("config_id");
    Map<Object, Set<Object>> valuesOfB = new TreeMap<>(ReportData.SPARK_ORDER);
    Set<Object> configs = new HashSet<>();
    for (Row r : data.rows) {
      valuesOfB.computeIfAbsent(r.get(ai), k -> new HashSet<>()).add(r.get(bi));
      configs.add(r.get(config));
    }
    return valuesOfB.size() < configs.size() && valuesOfB.values().stream().allMatch(s -> s.size() == 1);
  }

  /**
   * The axes in groups of settings that determine one another, directly or through a chain (the
   * connected parts of "determines"), in the order of each group's first member; most groups are one setting.
   */
  static List<List<String>> groups(ReportData data, List<String> axes) {
    Map<String, String> parent = new LinkedHashMap<>();
    for (String a : axes) {
      parent.put(a, a);
    }
    for (String a : axes) {
      for (String b : axes) {
        if (!a.equals(b) && determines(data, a, b)) {
          parent.put(root(parent, b), root(parent, a));
        }
      }
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String a : axes) {
      out.computeIfAbsent(root(parent, a), k -> new ArrayList<>()).add(a);
    }
    return List.copyOf(out.values());
  }

  /** The axes less those another axis determines: of a group, the first member that determines the rest, else the first. */
  static List<String> independent(ReportData data, List<String> axes) {
    List<String> out = new ArrayList<>();
    for (List<String> g : groups(data, axes)) {
      out.add(g.stream().filter(a -> g.stream().allMatch(b -> a.equals(b) || determines(data, a, b))).findFirst()
          .orElse(g.get(0)));
    }
    return out;
  }

  /** "alpha is determined by activation (relu: null, leaky_relu: 0.1)". */
  static String describe(ReportData data, List<String> group) {
    String head = independent(data, group).get(0);
    List<String> parts = new ArrayList<>();
    for (String b : group) {
      if (b.equals(head)) {
        continue;
      }
      Map<Object, Object> map = new TreeMap<>(ReportData.SPARK_ORDER);
      for (Row r : data.rows) {
        map.put(r.get(data.index(head)), r.get(data.index(b)));
      }
      List<String> pairs = new ArrayList<>();
      map.forEach((k, v) -> pairs.add(k + ": " + v));
      parts.add(b + " is determined by " + head + " (" + String.join(", ", pairs) + ")");
    }
    return String.join("; ", parts);
  }

  private static String root(Map<String, String> parent, String a) {
    while (!parent.get(a).equals(a)) {
      a = parent.get(a);
    }
    return a;
  }
}
