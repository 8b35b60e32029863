/**
 * Reading a sweep file's YAML as data only, within size and depth limits, and reporting what is
 * wrong with it: {@link org.deadrelu.jobs.sweep.yaml.YamlReader}, {@link
 * org.deadrelu.jobs.sweep.yaml.YamlEntry} and {@link org.deadrelu.jobs.sweep.yaml.Scalar} for the
 * document, {@link org.deadrelu.jobs.sweep.yaml.Problems} collecting every {@link
 * org.deadrelu.jobs.sweep.yaml.SweepProblem} of a file with its line and column, {@link
 * org.deadrelu.jobs.sweep.yaml.Suggestion} for misspelt names, and the {@link
 * org.deadrelu.jobs.sweep.yaml.SweepValidationException} a file that cannot be run raises.
 */
package org.deadrelu.jobs.sweep.yaml;
