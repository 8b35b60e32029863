package org.deadrelu.model.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deadrelu.model.config.ShiftKind;

/**
 * One trial's task changes on a table (shift.kind, shift.every): task k is steps [k every, (k + 1)
 * every); task 0 sees the data as they are, each later task a fresh random order of the input features
 * (permute_inputs) or of the classes (permute_labels). The orders are drawn in task order from a stream
 * of the trial's seed that nothing else draws from, so every trial with that seed sees the same order
 * in task k, whatever its other settings (the period among them).
 */
final class Shift {
  /** Salts the trial's seed for the shift's own stream, apart from the streams the trial splits off its seed. */
  private static final long SALT = 0x5851F42D4C957F2DL;

  private final ShiftKind kind;
  private final int every;
  private final int size;
  private final SplittableRandom rng;
  private final List<int[]> orders = new ArrayList<>();

  /**
   * @param size the features (permute_inputs) or classes (permute_labels) to order
   */
  Shift(ShiftKind kind, int every, int size, long seed) {
    if (kind == ShiftKind.NONE || every < 1) {
      throw new IllegalArgumentException("a shift needs a kind and every >= 1, got " + kind + " every " + every);
    }
    this.kind = kind;
    this.every = every;
    this.size = size;
    this.rng = new SplittableRandom(seed ^ SALT);
    orders.add(null); // task 0: as they are
  }

  ShiftKind kind() {
    return kind;
  }

  /** The task training step {@code step} trains on. */
  int taskOf(int step) {
    return step / every;
  }

  /** Task {@code task}'s order (null for task 0: the identity), drawn on first use, in task order. */
  int[] order(int task) {
    while (orders.size() <= task) {
      orders.add(permutation());
    }
    return orders.get(task);
  }

  /** Task order of the features, or null when the features stay as they are. */
  int[] features(int task) {
    return kind == ShiftKind.PERMUTE_INPUTS ? order(task) : null;
  }

  int[] classes(int task) {
    return kind == ShiftKind.PERMUTE_LABELS ? order(task) : null;
  }

  /** A uniformly random permutation of 0..size-1 (Fisher-Yates). */
  private int[] permutation() {
    int[] p = new int[size];
    for (int i = 0; i < size; i++) {
      p[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
