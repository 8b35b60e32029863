package org.deadrelu.jobs.plan;

import java.util.Locale;

/**
 * How many times longer a machine takes than the one {@link CostModel} was fitted to, for the gemm
 * part of the work and for the rest. Machines differ unevenly: one measured 3.5x slower at the
 * populations' gemm and 2.4x at everything else.
 */
public record MachineSpeed(double gemm, double rest) {
  /** The machine the cost model was fitted to. */
  public static final MachineSpeed REFERENCE = new MachineSpeed(1, 1);

  public MachineSpeed {
    if (!(gemm > 0 && rest > 0 && Double.isFinite(gemm) && Double.isFinite(rest))) {
      throw new IllegalArgumentException("a machine's speed factors must be positive and finite: gemm " + gemm + ", rest " + rest);
    }
  }

  /** Seconds this machine takes for the work. */
  public double seconds(Work w) {
    return gemm * w.gemm() + rest * w.rest();
  }

  /**
   * The speed that makes the model's work of two measured runs come out at their measured seconds:
   * the two-by-two system solved exactly. Where the runs cannot tell the two factors apart (their
   * gemm shares too alike) or the solution is not positive, one factor for both: the runs' measured
   * seconds over their modelled ones.
   */
  public static MachineSpeed fit(Work a, double secondsA, Work b, double secondsB) {
    double det = a.gemm() * b.rest() - a.rest() * b.gemm();
    double scale = Math.abs(a.gemm() * b.rest()) + Math.abs(a.rest() * b.gemm());
    if (Math.abs(det) > 0.2 * scale) {
      double gemm = (secondsA * b.rest() - a.rest() * secondsB) / det;
      double rest = (a.gemm() * secondsB - secondsA * b.gemm()) / det;
      if (gemm > 0 && rest > 0) {
        return new MachineSpeed(gemm, rest);
      }
    }
    double k = (secondsA + secondsB) / (a.gemm() + a.rest() + b.gemm() + b.rest());
    return new MachineSpeed(k, k);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "gemm %.2fx, the rest %.2fx the reference machine's time", gemm, rest);
  }
}
