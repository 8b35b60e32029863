package org.deadrelu.model.train;

/**
 * The steps at which the probe runs: 0, the last step, and either every {@code every} steps or, when
 * {@code geometric}, at every, 2 every, 4 every, ... (so a long run writes a number of checkpoints
 * logarithmic in its steps).
 */
public record Checkpoints(int steps, int every, boolean geometric) {

  public Checkpoints {
    if (steps < 0 || every < 1) {
      throw new IllegalArgumentException("steps must be >= 0 and every >= 1, got " + steps + ", " + every);
    }
  }

  /** Every {@code every} steps. */
  public Checkpoints(int steps, int every) {
    this(steps, every, false);
  }

  public boolean contains(int step) {
    if (step == 0 || step == steps) {
      return true;
    }
    if (step % every != 0) {
      return false;
    }
    int multiple = step / every;
    return !geometric || Integer.bitCount(multiple) == 1;
  }

  public int count() {
    if (!geometric) {
      int n = steps / every + 1; // 0, every, 2 every, ... <= steps
      return steps % every == 0 ? n : n + 1;
    }
    int n = 1; // step 0
    boolean lastIncluded = steps == 0;
    for (long at = every; at <= steps; at *= 2) {
      n++;
      lastIncluded |= at == steps;
    }
    return lastIncluded ? n : n + 1;
  }

  /** The checkpoints in order. */
  public int[] all() {
    int[] out = new int[count()];
    int k = 0;
    out[k++] = 0;
    if (geometric) {
      for (long at = every; at <= steps; at *= 2) {
        if (at > 0) {
          out[k++] = (int) at;
        }
      }
    } else {
      for (long at = every; at <= steps; at += every) {
        out[k++] = (int) at;
      }
    }
    if (out[k - 1] != steps) {
      out[k++] = steps;
    }
    return out;
  }
}
