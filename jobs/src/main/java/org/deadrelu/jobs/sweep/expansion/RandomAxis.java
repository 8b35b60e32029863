package org.deadrelu.jobs.sweep.expansion;

import java.util.List;
import java.util.SplittableRandom;
import org.deadrelu.jobs.sweep.rules.NumericRule;
import org.deadrelu.jobs.sweep.rules.SettingValue;
import org.deadrelu.jobs.sweep.rules.SweepKey;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One axis of the random block: a setting and the distribution its values are drawn from.
 *
 * <p>Real settings draw from [low, high); integer settings from the integers in [low, high], so
 * {@code steps: {uniform: [100, 1000]}} can draw 1000. log_uniform is uniform in the logarithm:
 * [1e-3, 1] gives each decade the same share of draws.
 *
 * @param setting the drawn setting
 * @param field how problems name the axis, such as {@code random.axes.lr}
 * @param node the axis' key in the file; every drawn value points back to it
 * @param distribution how values are drawn
 * @param low lower bound (uniform, log_uniform)
 * @param high upper bound (uniform, log_uniform)
 * @param choices the values to pick from (choice), validated
 */
public record RandomAxis(SweepKey setting, String field, Node node, Distribution distribution, double low, double high,
    List<SettingValue> choices) {

  public enum Distribution {
    UNIFORM("uniform"),
    LOG_UNIFORM("log_uniform"),
    CHOICE("choice");

    public final String yamlName;

    Distribution(String yamlName) {
      this.yamlName = yamlName;
    }

    public static final List<String> NAMES = List.of("uniform", "log_uniform", "choice");

    public static Distribution named(String name) {
      for (Distribution d : values()) {
        if (d.yamlName.equals(name)) {
          return d;
        }
      }
      return null;
    }
  }

  public RandomAxis {
    choices = List.copyOf(choices);
  }

  SettingValue draw(SplittableRandom random) {
    if (distribution == Distribution.CHOICE) {
      return choices.get(random.nextInt(choices.size()));
    }
    NumericRule rule = (NumericRule) setting.rule();
    double x = rule.integral() ? drawInteger(random) : drawReal(random);
    return new SettingValue(rule.box(x), node);
  }

  private double drawReal(SplittableRandom random) {
    if (distribution == Distribution.UNIFORM) {
      return random.nextDouble(low, high);
    }
    double x = Math.exp(random.nextDouble(Math.log(low), Math.log(high)));
    // exp(log(x)) can round a hair outside the bounds
    return Math.max(low, Math.min(Math.nextDown(high), x));
  }

  private double drawInteger(SplittableRandom random) {
    long lo = (long) low;
    long hi = (long) high;
    if (distribution == Distribution.UNIFORM) {
      return random.nextLong(lo, hi + 1);
    }
    double x = Math.floor(Math.exp(random.nextDouble(Math.log(lo), Math.log(hi + 1.0))));
    return Math.max(lo, Math.min(hi, x));
  }
}
