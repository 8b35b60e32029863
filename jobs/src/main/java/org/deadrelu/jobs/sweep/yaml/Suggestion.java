package org.deadrelu.jobs.sweep.yaml;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean ...?" for a misspelled key or value: the closest accepted spelling, if one is close. */
public final class Suggestion {

  private static final int MAX_EDITS = 2;
  private static final int MIN_PREFIX = 3;
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(MAX_EDITS);

  private Suggestion() {}

  /**
   * The accepted spelling within two edits of {@code given}, or sharing a prefix of at least three
   * letters with it ("optim" for "optimizer"); the fewest edits win, then the earliest listed.
   */
  public static Optional<String> closest(String given, Collection<String> accepted) {
    String g = given.toLowerCase(Locale.ROOT);
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String candidate : accepted) {
      int score = score(g, candidate.toLowerCase(Locale.ROOT));
      if (score < bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  /** "unknown key 'x' (did you mean 'y'?)" when one is close, else "unknown key 'x'; accepted: a, b". */
  public static String unknown(String what, String given, Collection<String> accepted) {
    return closest(given, accepted)
        .map(s -> "unknown " + what + " '" + given + "' (did you mean '" + s + "'?)")
        .orElse("unknown " + what + " '" + given + "'; accepted: " + String.join(", ", accepted));
  }

  /**
   * Edits needed, prefix matches just after every two-edit match, Integer.MAX_VALUE for no match.
   * Short words may differ by fewer edits: any two-letter word is two edits from "lr".
   */
  private static int score(String given, String candidate) {
    int edits = DISTANCE.apply(given, candidate);
    if (edits >= 0 && edits <= Math.max(1, given.length() / 2)) {
      return edits;
    }
    boolean prefix = Math.min(given.length(), candidate.length()) >= MIN_PREFIX
        && (candidate.startsWith(given) || given.startsWith(candidate));
    return prefix ? MAX_EDITS + 1 : Integer.MAX_VALUE;
  }
}
