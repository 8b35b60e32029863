package org.deadrelu.model.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a population trains and is measured on, task by task: each step's batch for every network,
 * and the rows of the current task that its measures are taken on. The current task is that of the
 * last batch fed (task 0 before the first), so a checkpoint at step s measures the task the networks
 * have just trained on. Every network has as many rows as the others in each set (its own rows: a
 * network's task and inputs come from its trial's seed).
 */
abstract class Feed {

  /** Rows of each training batch. */
  abstract int batch();

  /** Rows of the current task's training set T. */
  abstract int trainRows();

  /** Held-out rows of the current task (0: none). */
  abstract int testRows();

  /** The current task's index. */
  abstract int task();

  /** Whether the task ever changes: death over every task seen so far is then measured too. */
  abstract boolean changesTasks();

  /**
   * Fills every network's batch for training step {@code step} (called once per step, in order);
   * a network marked {@code done} may keep its last batch.
   */
  abstract void next(int step, boolean[] done, INDArray input, INDArray targets);

  /** Network p gets rows rows[p] of the current task's T, inputs and targets. */
  abstract void fillTrain(int[][] rows, INDArray input, INDArray targets);

  /** Network p gets rows rows[p][from, from + count) of T (inputs only); the rest repeats the first. */
  abstract void fillTrainChunk(int[][] rows, int from, int count, INDArray input);

  /** Every network gets the current task's held-out rows. */
  abstract void fillTest(INDArray input, INDArray targets);

  /**
   * Rows, at most over the networks, of the training inputs of the tasks seen that are not the
   * current task's T (0 when there are none, or when they are the same inputs).
   */
  abstract int earlierRows();

  /**
   * Network p gets rows [from, from + count) of its earlier tasks' inputs; the rest of the input, and
   * every row past a network's own count, repeats a row of its current T (which leaves a maximum
   * over the union unchanged). Inputs only.
   */
  abstract void fillEarlierChunk(int from, int count, INDArray input);
}
