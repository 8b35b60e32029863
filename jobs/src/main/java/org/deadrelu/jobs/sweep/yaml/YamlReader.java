package org.deadrelu.jobs.sweep.yaml;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a sweep file into a YAML node tree (nodes keep their line and column) and nothing more: no
 * object is ever constructed from a tag, so a file can only ever be data. A first streaming pass
 * over the parser's events rejects what would be dangerous or expensive to compose (foreign tags,
 * alias bombs, absurd nesting) before any tree exists.
 */
public final class YamlReader {

  /** 1 Mi code points: far more than any hand-written sweep, far less than a memory problem. */
  public static final int MAX_CODE_POINTS = 1 << 20;
  /** Enough anchors/aliases for reuse; a "billion laughs" file needs many more. */
  static final int MAX_ALIASES = 50;
  /** Sweep files nest four levels deep; the margin is generous, the limit keeps recursion bounded. */
  static final int MAX_DEPTH = 32;

  private static final Set<String> DATA_TAGS = Set.of(Tag.STR.getValue(), Tag.INT.getValue(),
      Tag.FLOAT.getValue(), Tag.BOOL.getValue(), Tag.NULL.getValue(), Tag.SEQ.getValue(),
      Tag.MAP.getValue(), "!");

  private YamlReader() {}

  /** The file's top-level mapping, or empty after reporting why there is no usable one. */
  public static Optional<MappingNode> read(String text, Problems problems) {
    if (text.length() > MAX_CODE_POINTS && text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
      problems.general("", "the file is larger than " + MAX_CODE_POINTS
          + " characters; a sweep file describes a plan, it does not hold data");
      return Optional.empty();
    }
    LoadSettings settings = settings();
    if (!scanEvents(text, settings, problems)) {
      return Optional.empty();
    }
    Optional<Node> root = compose(text, settings, problems);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    if (!(root.get() instanceof MappingNode mapping)) {
      problems.at(root.get(), "", "the top level must be a mapping of keys such as name:, data:, grid:; got "
          + Scalar.describe(root.get()));
      return Optional.empty();
    }
    checkKeys(mapping, "", Collections.newSetFromMap(new IdentityHashMap<>()), problems);
    return Optional.of(mapping);
  }

  private static LoadSettings settings() {
    // the composer never builds objects; these limits are a second line behind scanEvents
    return LoadSettings.builder()
        .setSchema(new CoreSchema())
        .setAllowDuplicateKeys(false)
        .setAllowRecursiveKeys(false)
        .setMaxAliasesForCollections(MAX_ALIASES)
        .setCodePointLimit(MAX_CODE_POINTS + 1)
        .setUseMarks(true)
        .build();
  }

  /** Streams the parser's events; returns false after reporting the first reason to stop. */
  private static boolean scanEvents(String text, LoadSettings settings, Problems problems) {
    int depth = 0;
    int aliases = 0;
    int documents = 0;
    boolean dataOnly = true;
    try {
      for (Event event : new Parse(settings).parseString(text)) {
        Optional<String> tag = Optional.empty();
        if (event instanceof CollectionStartEvent start) {
          tag = start.getTag();
          if (++depth > MAX_DEPTH) {
            problems.at(event.getStartMark(), "", "lists and mappings nest deeper than " + MAX_DEPTH + " levels");
            return false;
          }
        } else if (event instanceof CollectionEndEvent) {
          depth--;
        } else if (event instanceof ScalarEvent scalar) {
          tag = scalar.getTag();
        } else if (event instanceof AliasEvent && ++aliases > MAX_ALIASES) {
          problems.at(event.getStartMark(), "", "more than " + MAX_ALIASES
              + " aliases (*name); aliases are for reusing a value, not for expanding a file");
          return false;
        } else if (event instanceof DocumentStartEvent && ++documents > 1) {
          problems.at(event.getStartMark(), "", "a sweep file holds one YAML document, found a second (---)");
          return false;
        }
        if (tag.isPresent() && !DATA_TAGS.contains(tag.get())) {
          dataOnly = false;
          problems.at(event.getStartMark(), "", "tag " + shortTag(tag.get())
              + " is not allowed: a sweep file is plain data (text, numbers, true/false, lists, mappings)");
        }
      }
    } catch (RuntimeException e) {
      reportParseFailure(e, text, problems);
      return false;
    }
    return dataOnly;
  }

  private static Optional<Node> compose(String text, LoadSettings settings, Problems problems) {
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(text);
    } catch (RuntimeException e) {
      reportParseFailure(e, text, problems);
      return Optional.empty();
    }
    if (root.isEmpty() || isNull(root.get())) {
      problems.general("", "the file is empty; a sweep needs at least a name: and usually a grid:");
      return Optional.empty();
    }
    return root;
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
  }

  /** Rejects duplicate and non-text keys in every mapping; each shared (aliased) node is checked once. */
  private static void checkKeys(Node node, String path, Set<Node> seen, Problems problems) {
    if (!seen.add(node)) {
      return;
    }
    if (node instanceof SequenceNode sequence) {
      for (int i = 0; i < sequence.getValue().size(); i++) {
        checkKeys(sequence.getValue().get(i), path + "[" + i + "]", seen, problems);
      }
    } else if (node instanceof MappingNode mapping) {
      Map<String, Node> firstByKey = new HashMap<>();
      for (NodeTuple entry : mapping.getValue()) {
        String key = checkKey(entry.getKeyNode(), path, firstByKey, problems);
        checkKeys(entry.getValueNode(), path.isEmpty() ? key : path + "." + key, seen, problems);
      }
    }
  }

  /** The key's text, after reporting it if it is not plain text or repeats an earlier key. */
  private static String checkKey(Node keyNode, String path, Map<String, Node> firstByKey, Problems problems) {
    if (!(keyNode instanceof ScalarNode key)) {
      problems.at(keyNode, path, "keys must be plain names, got " + Scalar.describe(keyNode));
      return "?";
    }
    Node first = firstByKey.putIfAbsent(key.getValue(), key);
    if (first != null) {
      problems.at(key, path.isEmpty() ? key.getValue() : path + "." + key.getValue(), "duplicate key '"
          + key.getValue() + "' (first given on line " + Problems.lineOf(first)
          + "); each key may appear once per mapping");
    }
    return key.getValue();
  }

  private static void reportParseFailure(RuntimeException e, String text, Problems problems) {
    if (e instanceof MarkedYamlEngineException marked) {
      String context = marked.getContext() == null ? "" : " (" + marked.getContext()
          + marked.getContextMark().map(m -> " that starts on line " + (m.getLine() + 1)).orElse("") + ")";
      problems.at(marked.getProblemMark(), "", "YAML syntax error: " + marked.getProblem() + context);
    } else if (e instanceof ReaderException unreadable) {
      int[] lineColumn = lineAndColumn(text, unreadable.getPosition());
      problems.atLine(lineColumn[0], lineColumn[1], "", String.format(
          "not a text file: character U+%04X is not allowed in YAML", unreadable.getCodePoint()));
    } else {
      problems.general("", "cannot read the file as YAML: " + e.getMessage());
    }
  }

  /** The 1-based line and column of a code-point offset, for errors that only know the offset. */
  private static int[] lineAndColumn(String text, int codePointOffset) {
    int line = 1;
    int column = 1;
    int seen = 0;
    for (int i = 0; i < text.length() && seen < codePointOffset; i += Character.charCount(text.codePointAt(i))) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      seen++;
    }
    return new int[] {line, column};
  }

  /** {@code tag:yaml.org,2002:java.io.File} is written {@code !!java.io.File} in the file. */
  private static String shortTag(String tag) {
    return tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
  }
}
