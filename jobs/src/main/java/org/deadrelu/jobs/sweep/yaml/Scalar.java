package org.deadrelu.jobs.sweep.yaml;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML node read as one plain value, typed the way YAML 1.2's core schema resolved it: {@code 5}
 * is an integer, {@code 5.0} and {@code .nan} are floats, {@code "5"} is text. Rules decide what
 * they accept; this only says what was written.
 *
 * @param kind what the node holds
 * @param text the scalar as written (empty for lists and mappings)
 * @param integer the value of an INTEGER
 * @param number the value of an INTEGER or FLOAT (may be NaN or infinite)
 * @param flag the value of a BOOLEAN
 */
public record Scalar(Kind kind, String text, BigInteger integer, double number, boolean flag) {

  public enum Kind { INTEGER, FLOAT, BOOLEAN, NULL, TEXT, LIST, MAPPING }

  private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");

  public static Scalar of(Node node) {
    if (node instanceof SequenceNode) {
      return new Scalar(Kind.LIST, "", null, Double.NaN, false);
    }
    if (node instanceof MappingNode) {
      return new Scalar(Kind.MAPPING, "", null, Double.NaN, false);
    }
    if (!(node instanceof ScalarNode scalar)) {
      // the composer only builds scalars, sequences and mappings; anything else is no value
      return new Scalar(Kind.TEXT, String.valueOf(node), null, Double.NaN, false);
    }
    String text = scalar.getValue();
    Tag tag = scalar.getTag();
    try {
      if (Tag.INT.equals(tag)) {
        BigInteger i = parseInteger(text.trim());
        return new Scalar(Kind.INTEGER, text, i, i.doubleValue(), false);
      }
      if (Tag.FLOAT.equals(tag)) {
        return new Scalar(Kind.FLOAT, text, null, parseFloat(text.trim()), false);
      }
    } catch (NumberFormatException e) {
      // an explicit !!int or !!float on text that is no number: treat it as the text it is
      return new Scalar(Kind.TEXT, text, null, Double.NaN, false);
    }
    if (Tag.BOOL.equals(tag)) {
      return new Scalar(Kind.BOOLEAN, text, null, Double.NaN, Boolean.parseBoolean(text.trim()));
    }
    if (Tag.NULL.equals(tag)) {
      return new Scalar(Kind.NULL, text, null, Double.NaN, false);
    }
    return new Scalar(Kind.TEXT, text, null, Double.NaN, false);
  }

  public boolean isNumber() {
    return kind == Kind.INTEGER || kind == Kind.FLOAT;
  }

  /** How a message shows what was given: the scalar as written, or what kind of thing it was. */
  public String shown() {
    return switch (kind) {
      case LIST -> "a list";
      case MAPPING -> "a mapping";
      case NULL -> "nothing";
      case TEXT -> "'" + text + "'";
      default -> text;
    };
  }

  public static String describe(Node node) {
    return of(node).shown();
  }

  /** The core schema's integer forms: decimal with sign, 0o octal, 0x hexadecimal. */
  private static BigInteger parseInteger(String text) {
    if (OCTAL.matcher(text).matches()) {
      return new BigInteger(text.substring(2), 8);
    }
    if (HEX.matcher(text).matches()) {
      return new BigInteger(text.substring(2), 16);
    }
    return new BigInteger(text.startsWith("+") ? text.substring(1) : text);
  }

  private static double parseFloat(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals(".nan")) {
      return Double.NaN;
    }
    if (lower.endsWith(".inf")) {
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(text);
  }
}
