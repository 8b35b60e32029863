/**
 * What a sweep file may set and what a value and a combination of values may be: {@link
 * org.deadrelu.jobs.sweep.rules.SettingRegistry} (the sweep-file names of the catalog's settings,
 * each a {@link org.deadrelu.jobs.sweep.rules.SweepKey}), the {@link
 * org.deadrelu.jobs.sweep.rules.ValueRule} derived from each setting's type, {@link
 * org.deadrelu.jobs.sweep.rules.TrialResolver} (the values a trial was given into its settings) and
 * {@link org.deadrelu.jobs.sweep.rules.CombinationRules} (the rules between settings, checked on
 * every combination).
 */
package org.deadrelu.jobs.sweep.rules;
