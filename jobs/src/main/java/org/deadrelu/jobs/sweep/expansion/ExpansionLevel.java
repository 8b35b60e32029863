package org.deadrelu.jobs.sweep.expansion;

import java.util.Set;
import org.deadrelu.jobs.sweep.rules.SweepKey;

/**
 * One nesting level of a sweep's expansion: a grid axis or the block of random points. Seeds are
 * always the innermost level and are not part of the walk.
 */
public sealed interface ExpansionLevel permits AxisSpec, RandomSpec {

  /** The settings this level gives values to. */
  Set<SweepKey> settings();

  /** How many values (axis) or points (random block) the level iterates. */
  int size();
}
