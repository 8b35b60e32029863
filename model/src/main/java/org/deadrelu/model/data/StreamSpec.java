package org.deadrelu.model.data;

import java.io.Serializable;

/**
 * An online source (Dohare et al.'s slowly-changing regression): no table, but a target network and
 * how its inputs change. The inputs themselves are drawn while training, from each trial's seed.
 *
 * @param target the fixed network whose output is every input's target (from data.seed)
 * @param slowBits how many of the m input bits are slow: the first ones
 * @param period training steps between changes of the slow bits
 * @param flipOne a change flips one slow bit rather than drawing them all afresh
 */
public record StreamSpec(LtuTargetNetwork target, int slowBits, int period, boolean flipOne) implements Serializable {

  public StreamSpec {
    if (slowBits < 0 || slowBits > target.inputs() || period < 1) {
      throw new IllegalArgumentException("a stream needs 0 <= slow bits <= inputs and a period of at least 1 step, got "
          + slowBits + " of " + target.inputs() + " bits every " + period);
    }
  }

  public int inputs() {
    return target.inputs();
  }

  /** Distinct inputs of one task: every pattern of the fast bits with the slow bits fixed. */
  public int taskInputs() {
    return 1 << (target.inputs() - slowBits);
  }
}
