/**
 * Expanding a sweep into its trials: grid axes ({@link org.deadrelu.jobs.sweep.expansion.AxisSpec}
 * with an optional {@link org.deadrelu.jobs.sweep.expansion.AxisCondition}), random axes ({@link
 * org.deadrelu.jobs.sweep.expansion.RandomSpec}, {@link org.deadrelu.jobs.sweep.expansion.RandomAxis}),
 * {@link org.deadrelu.jobs.sweep.expansion.Seeds}, the order of the levels ({@link
 * org.deadrelu.jobs.sweep.expansion.ExpansionOrder}), the walk over them ({@link
 * org.deadrelu.jobs.sweep.expansion.ExpansionWalker}) and its size ({@link
 * org.deadrelu.jobs.sweep.expansion.ExpansionSize}). Not to be confused with {@code jobs.plan}, which
 * places expanded trials into shards.
 */
package org.deadrelu.jobs.sweep.expansion;
