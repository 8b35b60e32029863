package org.deadrelu.model.train;

/** The steps at which the probe runs: 0, every {@code every} steps, and the last step. */
public record Checkpoints(int steps, int every) {

  public Checkpoints {
    if (steps < 0 || every < 1) {
      throw new IllegalArgumentException("steps must be >= 0 and every >= 1, got " + steps + ", " + every);
    }
  }

  public boolean contains(int step) {
    return step == 0 || step == steps || step % every == 0;
  }

  public int count() {
    int n = steps / every + 1; // 0, every, 2 every, ... <= steps
    return steps % every == 0 ? n : n + 1;
  }
}
