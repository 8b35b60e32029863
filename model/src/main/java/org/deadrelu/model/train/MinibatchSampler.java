package org.deadrelu.model.train;

import java.util.random.RandomGenerator;

/**
 * Epoch-wise shuffled minibatches of a fixed size: a fresh permutation each epoch, and a tail too
 * short for a full batch is skipped, so every step sees exactly {@code batchSize} rows.
 */
public final class MinibatchSampler {
  private final int[] order;
  private final int batchSize;
  private final RandomGenerator rng;
  private int next;

  public MinibatchSampler(int rows, int batchSize, RandomGenerator rng) {
    this.order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    this.batchSize = Math.min(batchSize, rows);
    this.rng = rng;
    shuffle();
  }

  public int[] next() {
    return next(new int[batchSize]);
  }

  /** The next batch, written into {@code batch} (of the batch size), which is returned. */
  public int[] next(int[] batch) {
    if (next + batchSize > order.length) {
      shuffle();
    }
    System.arraycopy(order, next, batch, 0, batchSize);
    next += batchSize;
    return batch;
  }

  public int batchSize() {
    return batchSize;
  }

  private void shuffle() {
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    next = 0;
  }
}
