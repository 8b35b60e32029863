package org.deadrelu.jobs.sweep;

import static org.deadrelu.jobs.sweep.SettingRegistry.HEAD;
import static org.deadrelu.jobs.sweep.SettingRegistry.LABEL;
import static org.deadrelu.jobs.sweep.SettingRegistry.PATH;
import static org.deadrelu.jobs.sweep.SettingRegistry.SOURCE;
import static org.deadrelu.jobs.sweep.SettingRegistry.TASK;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.deadrelu.model.config.EnumNames;
import org.deadrelu.model.config.TrialConfig;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Rules between settings, checked on every combination a sweep expands to (each value alone was
 * checked when read): the head must suit the task, the task the source, and only file sources
 * take a path and a label column.
 */
final class CombinationRules {

  /** The settings these rules read: a walk need not iterate any other axis. */
  static final Set<Setting> INPUTS = Set.of(SOURCE, TASK, HEAD, PATH, LABEL);

  private CombinationRules() {}

  static void check(Map<Setting, SettingValue> given, Problems problems) {
    TrialConfig.Builder b = TrialResolver.resolve(given);
    checkTask(given, b, problems);
    checkHead(given, b, problems);
    checkFileSettings(given, b, problems);
  }

  /** Built-in data sets pose one task; only csv and parquet files can pose either. */
  private static void checkTask(Map<Setting, SettingValue> given, TrialConfig.Builder b, Problems problems) {
    String natural = TrialResolver.naturalTask(b.dataSource);
    if (!b.dataSource.isFile() && given.containsKey(TASK) && !natural.equals(b.dataTask)) {
      problems.at(origin(given, TASK, SOURCE), TASK.path(), "source " + EnumNames.of(b.dataSource)
          + " poses a " + natural + " task, got task " + b.dataTask
          + "; only csv and parquet sources take either task" + combination(given, b, SOURCE, TASK));
    }
  }

  /** Classifying heads (softmax, relu_normalize) need a classification task, linear needs regression. */
  private static void checkHead(Map<Setting, SettingValue> given, TrialConfig.Builder b, Problems problems) {
    boolean classification = "classification".equals(b.dataTask);
    if (b.head.classifies() != classification) {
      String needed = b.head.classifies() ? "classification" : "regression";
      problems.at(origin(given, HEAD, TASK, SOURCE), HEAD.path(), "head " + EnumNames.of(b.head) + " needs a "
          + needed + " task, but the task is " + b.dataTask + combination(given, b, SOURCE, TASK, HEAD));
    }
  }

  private static void checkFileSettings(Map<Setting, SettingValue> given, TrialConfig.Builder b, Problems problems) {
    String source = EnumNames.of(b.dataSource);
    if (b.dataSource.isFile() && b.dataPath == null) {
      problems.at(origin(given, SOURCE), PATH.path(), "required for source " + source
          + ": the file's Hadoop path, such as file:///data/wine.csv or hdfs:///data/wine.parquet");
    }
    for (Setting fileOnly : List.of(PATH, LABEL)) {
      if (!b.dataSource.isFile() && given.containsKey(fileOnly)) {
        problems.at(origin(given, fileOnly), fileOnly.path(), "only csv and parquet sources take a "
            + fileOnly.key() + ", but the source is " + source + combination(given, b, SOURCE, fileOnly));
      }
    }
  }

  /** The node that gave the first of these settings, null if all are defaults. */
  private static Node origin(Map<Setting, SettingValue> given, Setting... settings) {
    for (Setting s : settings) {
      if (given.containsKey(s)) {
        return given.get(s).origin();
      }
    }
    return null;
  }

  /** " (in the combination data.source=blobs, model.head=linear)": the values the problem is about. */
  private static String combination(Map<Setting, SettingValue> given, TrialConfig.Builder b, Setting... settings) {
    String values = Arrays.stream(settings)
        .map(s -> s.path() + "=" + shown(s.valueIn(b)) + (given.containsKey(s) ? "" : " (default)"))
        .collect(Collectors.joining(", "));
    return " (in the combination " + values + ")";
  }

  private static String shown(Object value) {
    return value instanceof Enum<?> e ? EnumNames.of(e) : String.valueOf(value);
  }
}
