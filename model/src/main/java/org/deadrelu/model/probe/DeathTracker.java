package org.deadrelu.model.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows every neuron's dead flag across checkpoints, to give each its birth state, death step and
 * revivals once training is over.
 */
public final class DeathTracker {
  private final List<int[]> steps = new ArrayList<>();
  /** per checkpoint, per layer, per neuron */
  private final List<boolean[][]> deadAt = new ArrayList<>();

  public void record(ProbeMeasurement m) {
    boolean[][] flags = new boolean[m.layers().size()][];
    for (int l = 0; l < flags.length; l++) {
      flags[l] = m.layers().get(l).dead().clone();
    }
    steps.add(new int[] {m.step()});
    deadAt.add(flags);
  }

  public boolean bornDead(int layer, int neuron) {
    return !deadAt.isEmpty() && deadAt.get(0)[layer][neuron];
  }

  /** First checkpoint from which the neuron stays dead to the last one; null if alive at the end. */
  public Integer deathStep(int layer, int neuron) {
    Integer death = null;
    for (int c = deadAt.size() - 1; c >= 0 && deadAt.get(c)[layer][neuron]; c--) {
      death = steps.get(c)[0];
    }
    return death;
  }

  /** Dead-to-alive transitions up to and including checkpoint {@code c}. */
  public int revivalsUpTo(int c, int layer, int neuron) {
    int n = 0;
    for (int k = 1; k <= c; k++) {
      if (deadAt.get(k - 1)[layer][neuron] && !deadAt.get(k)[layer][neuron]) {
        n++;
      }
    }
    return n;
  }

  public int stepAt(int checkpoint) {
    return steps.get(checkpoint)[0];
  }

  public boolean deadAt(int checkpoint, int layer, int neuron) {
    return deadAt.get(checkpoint)[layer][neuron];
  }

  public int checkpoints() {
    return deadAt.size();
  }
}
