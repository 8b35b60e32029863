package org.deadrelu.jobs.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deadrelu.jobs.sweep.expansion.RandomAxis;
import org.deadrelu.jobs.sweep.expansion.RandomAxis.Distribution;
import org.deadrelu.jobs.sweep.expansion.RandomSpec;
import org.deadrelu.jobs.sweep.rules.IntegerRule;
import org.deadrelu.jobs.sweep.rules.NumericRule;
import org.deadrelu.jobs.sweep.rules.SettingRegistry;
import org.deadrelu.jobs.sweep.rules.SettingValue;
import org.deadrelu.jobs.sweep.rules.SweepKey;
import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.jobs.sweep.yaml.Scalar;
import org.deadrelu.jobs.sweep.yaml.Suggestion;
import org.deadrelu.jobs.sweep.yaml.YamlEntry;
import org.deadrelu.model.config.Interval;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the {@code random:} block: {@code {samples: N, seed: S, axes: {lr: {log_uniform: [1e-3, 1]},
 * activation: {choice: [relu, elu]}}}}. Bounds are checked against the setting's rule, so no draw
 * can produce a value the setting would reject.
 */
final class RandomReader {

  private static final List<String> KEYS = List.of("samples", "seed", "axes");
  private static final IntegerRule SAMPLES = IntegerRule.atLeast(1);
  private static final IntegerRule SEED = IntegerRule.wideAtLeast(0);

  private final SettingRegistry registry;
  private final Problems problems;
  private final Map<SweepKey, Node> named = new LinkedHashMap<>();

  RandomReader(SettingRegistry registry, Problems problems) {
    this.registry = registry;
    this.problems = problems;
  }

  /** The random block, or null when there is none or it is unusable (then reported). */
  RandomSpec read(Node node) {
    if (Scalar.of(node).kind() == Scalar.Kind.NULL) {
      return null;
    }
    if (!(node instanceof MappingNode mapping)) {
      problems.at(node, "random", "must be a mapping {samples: N, seed: S, axes: {...}}, got " + Scalar.describe(node));
      return null;
    }
    Integer samples = null;
    long seed = 0;
    List<RandomAxis> axes = null;
    boolean ok = true;
    for (YamlEntry e : YamlEntry.of(mapping)) {
      switch (e.key()) {
        case "samples" -> samples = (Integer) SAMPLES.read(e.value(), "random.samples", problems);
        case "seed" -> {
          Long s = (Long) SEED.read(e.value(), "random.seed", problems);
          ok &= s != null;
          seed = s == null ? 0 : s;
        }
        case "axes" -> axes = readAxes(e.value());
        default -> {
          problems.at(e.keyNode(), "random." + e.key(), Suggestion.unknown("key", e.key(), KEYS));
          ok = false;
        }
      }
    }
    requireKey(mapping, "samples", "how many random points to draw, an integer >= 1");
    requireKey(mapping, "axes", "the settings to draw, such as {lr: {log_uniform: [0.001, 1]}}");
    return ok && samples != null && axes != null ? new RandomSpec(samples, seed, axes, node) : null;
  }

  private void requireKey(MappingNode mapping, String key, String what) {
    if (YamlEntry.of(mapping).stream().noneMatch(e -> e.key().equals(key))) {
      problems.at(mapping, "random." + key, "required: " + what);
    }
  }

  /** Every setting the random block names as an axis, valid or not. */
  Map<SweepKey, Node> named() {
    return named;
  }

  /** The axes, or null if any is unusable. */
  private List<RandomAxis> readAxes(Node node) {
    if (!(node instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
      problems.at(node, "random.axes", "must map settings to distributions, such as {lr: {log_uniform: [0.001, 1]}};"
          + " got " + Scalar.describe(node));
      return null;
    }
    List<RandomAxis> axes = new ArrayList<>();
    boolean ok = true;
    for (YamlEntry e : YamlEntry.of(mapping)) {
      String field = "random.axes." + e.key();
      SweepKey setting = registry.byAxisName(e.key(), e.keyNode(), field, problems);
      Node earlier = setting == null ? null : named.putIfAbsent(setting, e.keyNode());
      if (earlier != null) {
        problems.at(e.keyNode(), field, setting.path() + " is already drawn ('" + ((ScalarNode) earlier).getValue()
            + "' on line " + Problems.lineOf(earlier) + ")");
      }
      RandomAxis axis = setting == null || earlier != null ? null : readAxis(setting, field, e);
      ok &= axis != null;
      axes.add(axis);
    }
    return ok ? axes : null;
  }

  private RandomAxis readAxis(SweepKey setting, String field, YamlEntry e) {
    if (!(e.value() instanceof MappingNode spec) || spec.getValue().size() != 1) {
      problems.at(e.value(), field, "must be one distribution: {uniform: [low, high]}, {log_uniform: [low, high]}"
          + " or {choice: [a, b, ...]}; got " + Scalar.describe(e.value()));
      return null;
    }
    YamlEntry d = YamlEntry.of(spec).get(0);
    Distribution distribution = Distribution.named(d.key());
    if (distribution == null) {
      problems.at(d.keyNode(), field, Suggestion.unknown("distribution", d.key(), Distribution.NAMES));
      return null;
    }
    if (distribution == Distribution.CHOICE) {
      List<SettingValue> choices = readChoices(setting, field, d.value());
      return choices == null ? null : new RandomAxis(setting, field, e.keyNode(), distribution, 0, 0, choices);
    }
    if (!(setting.rule() instanceof NumericRule rule)) {
      problems.at(d.keyNode(), field, d.key() + " draws numbers, but " + setting.path() + " is "
          + setting.rule().accepts() + "; use {choice: [...]}");
      return null;
    }
    double[] bounds = readBounds(rule, distribution, field, d.value());
    return bounds == null ? null
        : new RandomAxis(setting, field, e.keyNode(), distribution, bounds[0], bounds[1], List.of());
  }

  /** [low, high] with low < high, log_uniform low > 0, and every possible draw valid for the setting. */
  private double[] readBounds(NumericRule rule, Distribution distribution, String field, Node node) {
    String form = distribution.yamlName + ": [low, high]";
    if (!(node instanceof SequenceNode list) || list.getValue().size() != 2) {
      problems.at(node, field, "must be " + form + ", got " + Scalar.describe(node));
      return null;
    }
    Scalar low = Scalar.of(list.getValue().get(0));
    Scalar high = Scalar.of(list.getValue().get(1));
    Scalar.Kind wanted = rule.integral() ? Scalar.Kind.INTEGER : null;
    for (Scalar bound : List.of(low, high)) {
      boolean number = wanted == null ? bound.isNumber() && Double.isFinite(bound.number()) : bound.kind() == wanted;
      if (!number) {
        problems.at(node, field, form + " needs " + (wanted == null ? "finite numbers" : "integers")
            + ", got " + bound.shown());
        return null;
      }
    }
    String complaint = boundsComplaint(rule, distribution, low.number(), high.number());
    if (complaint != null) {
      problems.at(node, field, complaint);
      return null;
    }
    return new double[] {low.number(), high.number()};
  }

  private static String boundsComplaint(NumericRule rule, Distribution distribution, double low, double high) {
    String shown = "[" + Interval.format(low) + ", " + Interval.format(high) + "]";
    if (!(low < high)) {
      return "low must be below high, got " + shown;
    }
    if (distribution == Distribution.LOG_UNIFORM && low <= 0) {
      return "log_uniform needs low > 0, got " + shown;
    }
    if (rule.check(low) != null) {
      return "low bound " + rule.check(low);
    }
    // real draws stay below high, integer draws can reach it
    double highest = rule.integral() ? high : Math.nextDown(high);
    if (rule.check(highest) != null) {
      return "high bound " + (rule.check(high) != null ? rule.check(high) : rule.check(highest));
    }
    return null;
  }

  private List<SettingValue> readChoices(SweepKey setting, String field, Node node) {
    if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
      problems.at(node, field, "choice needs a non-empty list of values, got " + Scalar.describe(node));
      return null;
    }
    List<SettingValue> choices = new ArrayList<>();
    boolean ok = true;
    for (Node item : list.getValue()) {
      Object value = setting.rule().read(item, field, problems);
      ok &= value != null;
      choices.add(new SettingValue(value, item));
    }
    return ok ? choices : null;
  }
}
