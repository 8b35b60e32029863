package org.deadrelu.jobs.sweep.yaml;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * One {@code key: value} of a YAML mapping, in file order. Keys that are not plain text were
 * already reported by {@link YamlReader} and are skipped here.
 */
public record YamlEntry(String key, Node keyNode, Node value) {

  public static List<YamlEntry> of(MappingNode mapping) {
    List<YamlEntry> entries = new ArrayList<>();
    for (NodeTuple t : mapping.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode key) {
        entries.add(new YamlEntry(key.getValue(), key, t.getValueNode()));
      }
    }
    return entries;
  }
}
