package org.deadrelu.jobs.sweep;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.deadrelu.model.config.EnumNames;
import org.snakeyaml.engine.v2.nodes.Node;

/** A setting with a fixed set of names (an enum or a few words); unknown names list the accepted ones. */
record ChoiceRule(List<String> names, Function<String, Object> value) implements ValueRule {

  /** The lower-case names of an enum ("leaky_relu"), read as its constants. */
  static <E extends Enum<E>> ChoiceRule of(Class<E> type) {
    return new ChoiceRule(EnumNames.all(type), name -> EnumNames.parse(type, name));
  }

  /** Plain words, read as themselves. */
  static ChoiceRule ofWords(String... words) {
    List<String> names = List.of(words);
    return new ChoiceRule(names, name -> names.contains(name) ? name : null);
  }

  @Override
  public Object read(Node node, String field, Problems problems) {
    Scalar s = Scalar.of(node);
    if (s.kind() != Scalar.Kind.TEXT) {
      return reject(node, field, problems);
    }
    Object v = value.apply(s.text().trim().toLowerCase(Locale.ROOT));
    if (v == null) {
      problems.at(node, field, Suggestion.closest(s.text(), names)
          .map(close -> "unknown value '" + s.text() + "' (did you mean '" + close + "'?); accepted: ")
          .orElse("unknown value '" + s.text() + "'; accepted: ") + String.join(", ", names));
    }
    return v;
  }

  @Override
  public String accepts() {
    return "one of " + String.join(", ", names);
  }
}
