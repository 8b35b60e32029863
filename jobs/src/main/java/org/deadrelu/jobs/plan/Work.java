package org.deadrelu.jobs.plan;

/**
 * Modelled seconds on the machine {@link CostModel} was fitted to, split by what scales differently
 * from one machine to another: the populations' gemm arithmetic (the BLAS kernels and the memory
 * path) and the rest (each op's fixed cost, element-wise passes, the probe's reductions, rows).
 */
public record Work(double gemm, double rest) {
  static final Work NONE = new Work(0, 0);

  public Work plus(Work other) {
    return new Work(gemm + other.gemm, rest + other.rest);
  }

  Work times(double k) {
    return new Work(gemm * k, rest * k);
  }
}
