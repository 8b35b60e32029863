package org.deadrelu.model.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The lower-case names by which sweep files and tables spell enum values (LEAKY_RELU is "leaky_relu"). */
public final class EnumNames {
  private EnumNames() {}

  public static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** The constant spelled {@code name}, or null when there is none. */
  public static <E extends Enum<E>> E parse(Class<E> type, String name) {
    if (name == null) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (of(e).equals(name.trim().toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    return null;
  }

  public static List<String> all(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(EnumNames::of).toList();
  }
}
