package org.deadrelu.model.train;

import org.deadrelu.model.config.ShiftKind;
import org.deadrelu.model.data.Dataset;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A table's rows, in shuffled minibatches, each network through its current task's order of the
 * features or classes when the task shifts. The held-out rows are seen through the current task's
 * orders too, so test measures are on the current task.
 */
final class TableFeed extends Feed {
  private final PopulationData rows;
  private final PopulationData.Staging stage = new PopulationData.Staging();
  private final MinibatchSampler[] samplers;
  /** Per network; null when the data do not shift. */
  private final Shift[] shifts;
  /** The first this many training rows decide death, in every task. */
  private final int deathRows;
  private final int[][] batchRows;
  private int task;

  /**
   * @param shifts per network, all of one kind and period; null when the data do not shift
   * @param deathRows how many of the first training rows decide death
   */
  TableFeed(Dataset data, MinibatchSampler[] samplers, Shift[] shifts, int deathRows) {
    this.rows = new PopulationData(data);
    this.samplers = samplers;
    this.shifts = shifts;
    this.deathRows = deathRows;
    this.batchRows = new int[samplers.length][];
  }

  @Override
  int batch() {
    return samplers[0].batchSize();
  }

  @Override
  int trainRows() {
    return rows.trainRows();
  }

  @Override
  int testRows() {
    return rows.testRows();
  }

  @Override
  int task() {
    return task;
  }

  @Override
  boolean changesTasks() {
    return shifts != null;
  }

  @Override
  void next(int step, boolean[] done, INDArray input, INDArray targets) {
    for (int s = 0; s < samplers.length; s++) {
      // a finished network keeps its last rows: its sampler is its own and stops with it
      if (batchRows[s] == null) {
        batchRows[s] = samplers[s].next();
      } else if (!done[s]) {
        samplers[s].next(batchRows[s]);
      }
    }
    if (shifts != null && shifts[0].taskOf(step) != task) {
      task = shifts[0].taskOf(step);
      for (int s = 0; s < shifts.length; s++) {
        rows.setTask(s, shifts.length, shifts[s].features(task), shifts[s].classes(task));
      }
    }
    rows.fillTrain(batchRows, input, targets, stage);
  }

  @Override
  void fillTrain(int[][] which, INDArray input, INDArray targets) {
    rows.fillTrain(which, input, targets, stage);
  }

  @Override
  void fillTrainChunk(int[][] which, int from, int count, INDArray input) {
    rows.fillTrainChunk(which, from, count, input, stage);
  }

  @Override
  void fillTest(INDArray input, INDArray targets) {
    rows.fillTest((int) input.size(0), input, targets, stage);
  }

  /** Earlier tasks' inputs differ from the current one's only when the features are reordered. */
  @Override
  int earlierRows() {
    if (shifts == null || shifts[0].kind() != ShiftKind.PERMUTE_INPUTS) {
      return 0;
    }
    return Math.multiplyExact(task, deathRows);
  }

  @Override
  void fillEarlierChunk(int from, int count, INDArray input) {
    rows.fillEarlierTasks((p, k) -> shifts[p].features(k), deathRows, from, count, input, stage);
  }
}
