package org.deadrelu.jobs.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.deadrelu.jobs.stats.Direction;
import org.deadrelu.jobs.stats.MetricKind;
import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.jobs.sweep.yaml.Scalar;
import org.deadrelu.jobs.sweep.yaml.Suggestion;
import org.deadrelu.jobs.sweep.yaml.YamlEntry;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a sweep file's {@code claims:} list. Every problem names the claim's field and line; the
 * SQL in it is checked when the claim is evaluated, against the sweep's tables.
 */
final class ClaimReader {
  static final List<String> KEYS = List.of("name", "statement", "metric", "from", "kind", "where", "over", "by",
      "compare", "estimate", "bound", "diverged_as", "published");
  private static final List<String> COMPARE_KEYS = List.of("axis", "baseline", "levels", "expect");
  private static final List<String> ESTIMATE_KEYS = List.of("target", "margin", "expect");
  private static final List<String> PUBLISHED_KEYS = List.of("source", "values");
  private static final List<String> BOUNDS = List.of("born_dead");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final Problems problems;
  /** The mapping being read, where a missing key is reported. */
  private Node current;

  ClaimReader(Problems problems) {
    this.problems = problems;
  }

  List<Claim> read(Node node) {
    if (!(node instanceof SequenceNode list)) {
      problems.at(node, "claims", "must be a list of claims (- name: ..., statement: ..., metric: ...), got "
          + Scalar.describe(node));
      return List.of();
    }
    List<Claim> claims = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.getValue().size(); i++) {
      Claim c = readClaim(list.getValue().get(i), "claims[" + i + "]");
      if (c != null && !names.add(c.name())) {
        problems.at(list.getValue().get(i), "claims[" + i + "].name", "claim " + c.name() + " is named twice");
      }
      if (c != null) {
        claims.add(c);
      }
    }
    return claims;
  }

  private Claim readClaim(Node node, String field) {
    Map<String, YamlEntry> e = entries(node, field, KEYS);
    if (e == null) {
      return null;
    }
    String name = text(e, "name", field, true);
    if (name != null && !NAME.matcher(name).matches()) {
      problems.at(e.get("name").value(), field + ".name", "must be 1 to 64 lower-case letters, digits and '-', got " + name);
    }
    String statement = text(e, "statement", field, true);
    String metric = text(e, "metric", field, true);
    String from = e.containsKey("from") ? text(e, "from", field, true) : "trials";
    String where = e.containsKey("where") ? text(e, "where", field, true) : null;
    boolean allTrials = false;
    if (e.containsKey("over")) {
      String over = text(e, "over", field, true);
      if (over != null && !List.of("finished", "all").contains(over)) {
        problems.at(e.get("over").value(), field + ".over", "must be finished (trials with status ok, the default)"
            + " or all (every trial, for a claim about divergence itself), got " + over);
      }
      allTrials = "all".equals(over);
    }
    MetricKind kind = MetricKind.CONTINUOUS;
    if (!e.containsKey("kind")) {
      problems.at(node, field + ".kind", "required: one of " + kinds() + " (it decides the interval)");
    } else {
      String k = text(e, "kind", field, true);
      kind = k == null ? null : parseKind(k, e.get("kind").value(), field);
    }
    List<String> by = e.containsKey("by") ? textList(e.get("by").value(), field + ".by") : List.of();
    Claim.Compare compare = e.containsKey("compare") ? readCompare(e.get("compare").value(), field + ".compare") : null;
    Claim.Estimate estimate = e.containsKey("estimate") ? readEstimate(e.get("estimate").value(), field + ".estimate") : null;
    String bound = null;
    if (e.containsKey("bound")) {
      bound = text(e, "bound", field, true);
      if (bound != null && !BOUNDS.contains(bound)) {
        problems.at(e.get("bound").value(), field + ".bound", "unknown bound " + bound + "; accepted: " + BOUNDS);
      }
    }
    int verdicts = (compare == null ? 0 : 1) + (estimate == null ? 0 : 1) + (bound == null ? 0 : 1);
    if (verdicts != 1 && e.containsKey("name")) {
      problems.at(node, field, "needs exactly one of compare:, estimate: or bound: (how its verdict is reached), got " + verdicts);
    }
    Double divergedAs = e.containsKey("diverged_as") ? number(e.get("diverged_as").value(), field + ".diverged_as") : null;
    Map<String, Double> published = Map.of();
    String source = null;
    if (e.containsKey("published")) {
      Map<String, YamlEntry> p = entries(e.get("published").value(), field + ".published", PUBLISHED_KEYS);
      if (p != null) {
        source = text(p, "source", field + ".published", true);
        published = p.containsKey("values") ? numberMap(p.get("values").value(), field + ".published.values") : Map.of();
      }
    }
    return new Claim(name, statement, metric, from, kind, where, allTrials, by, compare, estimate, bound, divergedAs,
        published, source);
  }

  private Claim.Compare readCompare(Node node, String field) {
    Map<String, YamlEntry> e = entries(node, field, COMPARE_KEYS);
    if (e == null) {
      return null;
    }
    String axis = text(e, "axis", field, true);
    String baseline = e.containsKey("baseline") ? level(e.get("baseline").value()) : null;
    if (baseline == null) {
      problems.at(node, field + ".baseline", "required: the level the others are compared with");
    }
    List<String> levels = new ArrayList<>();
    if (e.containsKey("levels")) {
      Node l = e.get("levels").value();
      if (l instanceof SequenceNode seq) {
        seq.getValue().forEach(n -> levels.add(level(n)));
      } else {
        problems.at(l, field + ".levels", "must be a list of levels, got " + Scalar.describe(l));
      }
    }
    Direction expect = null;
    String x = text(e, "expect", field, true);
    if (x != null) {
      try {
        expect = Direction.valueOf(x.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException ex) {
        problems.at(e.get("expect").value(), field + ".expect", "must be increase or decrease (the compared level"
            + " minus the baseline), got " + x);
      }
    }
    return new Claim.Compare(axis, baseline, List.copyOf(levels), expect);
  }

  private Claim.Estimate readEstimate(Node node, String field) {
    Map<String, YamlEntry> e = entries(node, field, ESTIMATE_KEYS);
    if (e == null) {
      return null;
    }
    Double target = e.containsKey("target") ? number(e.get("target").value(), field + ".target") : null;
    Double margin = e.containsKey("margin") ? number(e.get("margin").value(), field + ".margin") : null;
    Direction expect = null;
    String x = text(e, "expect", field, false);
    if (x != null) {
      try {
        expect = Direction.valueOf(x.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException ex) {
        problems.at(e.get("expect").value(), field + ".expect", "must be increase (the mean is above target) or"
            + " decrease (below it), got " + x);
        return null;
      }
    }
    if (target == null || (margin == null) == (expect == null) || (margin != null && margin <= 0)) {
      problems.at(node, field, "needs target: and either margin: > 0 (the claim: the mean is within margin of"
          + " target) or expect: increase or decrease (the mean is above or below target)");
      return null;
    }
    return new Claim.Estimate(target, margin, expect);
  }

  /** A level as written; numbers are matched by value when the claim is evaluated (0 is 0.0). */
  private static String level(Node node) {
    Scalar s = Scalar.of(node);
    return s.kind() == Scalar.Kind.BOOLEAN ? Boolean.toString(s.flag()) : s.text().strip();
  }

  private MetricKind parseKind(String k, Node at, String field) {
    try {
      return MetricKind.valueOf(k.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException ex) {
      problems.at(at, field + ".kind", "unknown kind " + k + "; accepted: " + kinds());
      return null;
    }
  }

  private static String kinds() {
    return java.util.Arrays.stream(MetricKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList().toString();
  }

  private Map<String, YamlEntry> entries(Node node, String field, List<String> accepted) {
    if (!(node instanceof MappingNode m)) {
      problems.at(node, field, "must be a mapping of " + accepted + ", got " + Scalar.describe(node));
      return null;
    }
    current = m;
    Map<String, YamlEntry> out = new LinkedHashMap<>();
    for (YamlEntry e : YamlEntry.of(m)) {
      if (!accepted.contains(e.key())) {
        problems.at(e.keyNode(), field + "." + e.key(), Suggestion.unknown("key", e.key(), accepted));
      } else {
        out.putIfAbsent(e.key(), e);
      }
    }
    return out;
  }

  private String text(Map<String, YamlEntry> e, String key, String field, boolean required) {
    YamlEntry entry = e.get(key);
    if (entry == null) {
      if (required) {
        problems.at(current, field + "." + key, "required");
      }
      return null;
    }
    Scalar s = Scalar.of(entry.value());
    if (s.kind() == Scalar.Kind.LIST || s.kind() == Scalar.Kind.MAPPING || s.kind() == Scalar.Kind.NULL
        || s.text().isBlank()) {
      problems.at(entry.value(), field + "." + key, "must be text, got " + s.shown());
      return null;
    }
    return s.text().strip();
  }

  private List<String> textList(Node node, String field) {
    if (!(node instanceof SequenceNode seq)) {
      problems.at(node, field, "must be a list of column names, got " + Scalar.describe(node));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Node n : seq.getValue()) {
      Scalar s = Scalar.of(n);
      if (s.kind() != Scalar.Kind.TEXT) {
        problems.at(n, field, "must be a column name, got " + s.shown());
      } else {
        out.add(s.text());
      }
    }
    return List.copyOf(out);
  }

  private Double number(Node node, String field) {
    Scalar s = Scalar.of(node);
    if (!s.isNumber() || !Double.isFinite(s.number())) {
      problems.at(node, field, "must be a finite number, got " + s.shown());
      return null;
    }
    return s.number();
  }

  private Map<String, Double> numberMap(Node node, String field) {
    if (!(node instanceof MappingNode m)) {
      problems.at(node, field, "must be a mapping of cell to value, got " + Scalar.describe(node));
      return Map.of();
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (YamlEntry x : YamlEntry.of(m)) {
      Double v = number(x.value(), field + "." + x.key());
      if (v != null) {
        out.put(x.key(), v);
      }
    }
    return out;
  }
}
