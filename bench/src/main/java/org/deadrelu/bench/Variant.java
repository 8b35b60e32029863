package org.deadrelu.bench;

import org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode;

/**
 * One way of training one reference configuration, held by a worker JVM. Step k trains on the
 * configuration's minibatch k mod {@link RefConfig#BATCHES} (slice s of a population on batch k + s).
 */
interface Variant {

  /** Networks trained by one step (the population size; 1 for DL4J). */
  int networks();

  /** ND4J profiling mode this variant runs under (a process-wide setting, switched before each block). */
  ProfilingMode profilingMode();

  /** Back to the initial weights (and the first minibatch). */
  void reset();

  /** One training step on the next minibatch. */
  void step();

  /** Each network's loss on its first minibatch, forward only (no update). */
  double[] evalLoss();

  /** FLOPs of one step (all networks), for the GFLOP/s column. */
  double flopsPerStep();
}
