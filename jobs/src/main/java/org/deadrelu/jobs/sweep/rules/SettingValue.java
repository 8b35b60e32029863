package org.deadrelu.jobs.sweep.rules;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A setting's value and where it was written, so a problem found in a combination of values can
 * point at the line that chose it.
 *
 * @param value the value as the setting's rule read it
 * @param origin the node that gave it: a base setting, a grid value, a random axis
 */
public record SettingValue(Object value, Node origin) {}
