package org.deadrelu.model.config;

import java.io.Serializable;
import java.util.List;

/**
 * Which trials a setting means something for, decided by one other setting: alpha only for the
 * activations that take it, momentum only for the momentum optimizer. Elsewhere the setting is
 * dropped (null), so two spellings of one trial hash alike.
 *
 * @param on the setting that decides
 * @param test whether a value of {@code on} takes the setting
 */
public record Applicability<E>(Setting<E> on, Test<E> test) implements Serializable {

  /** A condition on one setting's value; serializable, since trials travel to executors. */
  public interface Test<E> extends Serializable {
    boolean test(E value);
  }

  boolean holds(SettingValues values) {
    return test.test(values.get(on));
  }

  /** "only for data.source csv, parquet"; the values are listed when {@code on} is a choice. */
  public String describe() {
    if (on.type() instanceof ChoiceType<E> choice) {
      List<String> names = choice.values().stream().filter(test::test).map(choice::text).toList();
      return "only for `" + on.path() + "` " + String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }
    return "only for some values of `" + on.path() + "`";
  }

  /** "when model.activation is leaky_relu, prelu or elu", for messages: after "applies only". */
  public String inWords() {
    if (on.type() instanceof ChoiceType<E> choice && choice.values().stream().anyMatch(test::test)) {
      List<String> names = choice.values().stream().filter(test::test).map(choice::text).toList();
      String last = names.get(names.size() - 1);
      String listed = names.size() == 1 ? last : String.join(", ", names.subList(0, names.size() - 1)) + " or " + last;
      return "when " + on.path() + " is " + listed;
    }
    return "for some values of " + on.path();
  }
}
