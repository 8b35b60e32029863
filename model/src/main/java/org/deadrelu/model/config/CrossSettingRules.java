package org.deadrelu.model.config;

import static org.deadrelu.model.config.Settings.DATA_LABEL;
import static org.deadrelu.model.config.Settings.DATA_PATH;
import static org.deadrelu.model.config.Settings.DATA_SOURCE;
import static org.deadrelu.model.config.Settings.DATA_TASK;
import static org.deadrelu.model.config.Settings.HEAD;
import static org.deadrelu.model.config.Settings.SHIFT_KIND;

import java.util.List;

/**
 * The rules between settings, checked whenever a trial is built (and reported by the sweep reader
 * at the lines that chose the values): the head must suit the task, the task the source, and only
 * file sources take a path and a label column.
 */
public final class CrossSettingRules {

  /** Built-in data sets pose one task; only csv and parquet files can pose either. */
  public static final CrossSettingRule TASK_SUITS_SOURCE = new CrossSettingRule(DATA_TASK,
      "a built-in source poses one task (`teacher`, `function` and `slowly_changing` regression, the others"
          + " classification);"
          + " only `csv` and `parquet` take either",
      List.of(DATA_TASK, DATA_SOURCE), v -> {
        DataSourceKind source = v.get(DATA_SOURCE);
        String natural = source.naturalTask();
        String task = v.get(DATA_TASK);
        return source.isFile() || natural.equals(task) ? null
            : "source " + EnumNames.of(source) + " poses a " + natural + " task, got task " + task
                + "; only csv and parquet sources take either task" + v.combination(DATA_SOURCE, DATA_TASK);
      });

  /** Classifying heads (softmax, relu_normalize) need a classification task, linear needs regression. */
  public static final CrossSettingRule HEAD_SUITS_TASK = new CrossSettingRule(HEAD,
      "`softmax` and `relu_normalize` need a classification task, `linear` a regression task",
      List.of(HEAD, DATA_TASK, DATA_SOURCE), v -> {
        HeadKind head = v.get(HEAD);
        String task = v.get(DATA_TASK);
        if (head.classifies() == Settings.CLASSIFICATION.equals(task)) {
          return null;
        }
        String needed = head.classifies() ? Settings.CLASSIFICATION : Settings.REGRESSION;
        return "head " + EnumNames.of(head) + " needs a " + needed + " task, but the task is " + task
            + v.combination(DATA_SOURCE, DATA_TASK, HEAD);
      });

  public static final CrossSettingRule FILE_NEEDS_PATH = new CrossSettingRule(DATA_PATH,
      "`csv` and `parquet` sources need `data.path`",
      List.of(DATA_SOURCE, DATA_PATH), v -> {
        DataSourceKind source = v.get(DATA_SOURCE);
        return !source.isFile() || v.get(DATA_PATH) != null ? null
            : "required for source " + EnumNames.of(source)
                + ": the file's Hadoop path, such as file:///data/wine.csv or hdfs:///data/wine.parquet";
      });

  /** Relabelling needs classes to relabel. */
  public static final CrossSettingRule LABEL_SHIFT_NEEDS_CLASSES = new CrossSettingRule(SHIFT_KIND,
      "`permute_labels` needs a classification task",
      List.of(SHIFT_KIND, DATA_TASK, DATA_SOURCE), v -> {
        ShiftKind kind = v.get(SHIFT_KIND);
        String task = v.get(DATA_TASK);
        return kind != ShiftKind.PERMUTE_LABELS || Settings.CLASSIFICATION.equals(task) ? null
            : "permute_labels relabels classes, but the task is " + task + v.combination(DATA_SOURCE, DATA_TASK, SHIFT_KIND);
      });

  /** A stream changes its task itself; a second schedule of changes on top of it would make "the current task" two things. */
  public static final CrossSettingRule NO_SHIFT_ON_STREAMS = new CrossSettingRule(SHIFT_KIND,
      "a `slowly_changing` stream changes its task itself (`data.period`); `shift` applies to the other sources",
      List.of(SHIFT_KIND, DATA_SOURCE), v -> {
        DataSourceKind source = v.get(DATA_SOURCE);
        return !source.isStream() || v.get(SHIFT_KIND) == ShiftKind.NONE ? null
            : "source " + EnumNames.of(source) + " changes its task itself every data.period steps; shift.kind must"
                + " be none for it" + v.combination(DATA_SOURCE, SHIFT_KIND);
      });

  public static final CrossSettingRule PATH_ONLY_FOR_FILES = onlyForFiles(DATA_PATH);
  public static final CrossSettingRule LABEL_ONLY_FOR_FILES = onlyForFiles(DATA_LABEL);

  static final List<CrossSettingRule> ALL = List.of(TASK_SUITS_SOURCE, HEAD_SUITS_TASK, FILE_NEEDS_PATH,
      PATH_ONLY_FOR_FILES, LABEL_ONLY_FOR_FILES, LABEL_SHIFT_NEEDS_CLASSES, NO_SHIFT_ON_STREAMS);

  private CrossSettingRules() {}

  /** A file setting given for another source is refused, not silently dropped: it is surely a mistake. */
  private static CrossSettingRule onlyForFiles(Setting<String> fileOnly) {
    String doc = "only `csv` and `parquet` sources take `" + fileOnly.path() + "`";
    return new CrossSettingRule(fileOnly, doc, List.of(fileOnly, DATA_SOURCE), v -> {
      DataSourceKind source = v.get(DATA_SOURCE);
      return source.isFile() || !v.given(fileOnly) ? null
          : "only csv and parquet sources take a " + fileOnly.key() + ", but the source is "
              + EnumNames.of(source) + v.combination(DATA_SOURCE, fileOnly);
    });
  }
}
