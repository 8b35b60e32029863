package org.deadrelu.jobs.sweep;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.deadrelu.jobs.sweep.expansion.AxisSpec;
import org.deadrelu.jobs.sweep.expansion.ExpansionLevel;
import org.deadrelu.jobs.sweep.expansion.ExpansionOrder;
import org.deadrelu.jobs.sweep.expansion.ExpansionSize;
import org.deadrelu.jobs.sweep.expansion.RandomAxis;
import org.deadrelu.jobs.sweep.expansion.RandomSpec;
import org.deadrelu.jobs.sweep.expansion.Seeds;
import org.deadrelu.jobs.sweep.rules.IntegerRule;
import org.deadrelu.jobs.sweep.rules.SettingRegistry;
import org.deadrelu.jobs.sweep.rules.SweepKey;
import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.jobs.sweep.yaml.Scalar;
import org.deadrelu.jobs.sweep.yaml.Suggestion;
import org.deadrelu.jobs.sweep.yaml.YamlEntry;
import org.deadrelu.jobs.sweep.yaml.YamlReader;
import org.deadrelu.model.config.SettingCatalog;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a sweep file into a {@link SweepSpec}, or fails with every problem the file has. The file
 * is read as data only: no YAML tag can construct an object, aliases and size are bounded.
 *
 * <p>Checks run in passes (YAML, then every key and value, then the plan's size, then the rules
 * between settings on every combination, then that every axis applies to some trial); each pass
 * reports all it finds, a later pass runs only when the earlier ones found nothing, since it needs
 * their results.
 */
public final class SweepLoader {

  /** Plans larger than this need an explicit, higher max_trials: a typo should not launch a million trials. */
  public static final int DEFAULT_MAX_TRIALS = 10_000;


  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final IntegerRule SEED_COUNT = IntegerRule.atLeast(1);
  private static final IntegerRule SEED = IntegerRule.wideAtLeast(0);
  private static final IntegerRule MAX_TRIALS = IntegerRule.atLeast(1);

  private final SettingRegistry registry;
  private final Problems problems;
  /** The top-level keys: name and description, a section per setting section, then the plan. */
  private final List<String> topKeys = new ArrayList<>();

  private SweepLoader(SettingRegistry registry, Problems problems) {
    this.registry = registry;
    this.problems = problems;
    topKeys.addAll(List.of("name", "description"));
    topKeys.addAll(registry.sections());
    topKeys.addAll(List.of("seeds", "grid", "random", "max_trials", "claims"));
  }

  /**
   * @param fileName how problems name the file (a display name, not opened here)
   * @param yamlText the file's text
   * @throws SweepValidationException listing every problem found
   */
  public static SweepSpec load(String fileName, String yamlText) {
    return load(SettingCatalog.standard(), fileName, yamlText);
  }

  /** As {@link #load(String, String)}, for trials with the settings of {@code catalog}. */
  public static SweepSpec load(SettingCatalog catalog, String fileName, String yamlText) {
    Problems problems = new Problems(fileName);
    MappingNode root = YamlReader.read(yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText, problems)
        .orElse(null);
    problems.throwIfAny();
    return new SweepLoader(SettingRegistry.of(catalog), problems).read(root);
  }

  /** As {@link #load(String, String)} for the file's bytes, which must be UTF-8. */
  public static SweepSpec load(String fileName, byte[] bytes) {
    return load(SettingCatalog.standard(), fileName, bytes);
  }

  /** As {@link #load(String, byte[])}, for trials with the settings of {@code catalog}. */
  public static SweepSpec load(SettingCatalog catalog, String fileName, byte[] bytes) {
    Problems problems = new Problems(fileName);
    if (bytes.length > 4L * YamlReader.MAX_CODE_POINTS) {
      problems.general("", "the file is larger than " + 4 * YamlReader.MAX_CODE_POINTS + " bytes;"
          + " a sweep file describes a plan, it does not hold data");
    }
    problems.throwIfAny();
    return load(catalog, fileName, decodeUtf8(bytes, problems));
  }

  /** Strict UTF-8: a byte that is not UTF-8 is reported with its line, never replaced. */
  private static String decodeUtf8(byte[] bytes, Problems problems) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      for (int i = 0; i < offset; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      problems.atLine(line, 0, "", String.format("not UTF-8 text: byte 0x%02X at offset %d is not valid UTF-8; "
          + "a sweep file is a UTF-8 text file", bytes[offset], offset));
      problems.throwIfAny();
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  private SweepSpec read(MappingNode root) {
    Map<String, YamlEntry> top = topLevel(root);
    String name = readName(top.get("name"), root);
    String description = readDescription(top.get("description"));
    SectionReader sections = new SectionReader(registry, problems);
    registry.sections().stream().filter(top::containsKey).forEach(s -> sections.read(s, top.get(s).value()));
    Seeds seeds = top.containsKey("seeds") ? readSeeds(top.get("seeds").value()) : Seeds.DEFAULT;
    int maxTrials = top.containsKey("max_trials") ? readMaxTrials(top.get("max_trials").value()) : DEFAULT_MAX_TRIALS;
    GridReader gridReader = new GridReader(registry, problems);
    List<AxisSpec> grid = top.containsKey("grid") ? gridReader.read(top.get("grid").value()) : List.of();
    RandomReader randomReader = new RandomReader(registry, problems);
    RandomSpec random = top.containsKey("random") ? randomReader.read(top.get("random").value()) : null;
    List<Claim> claims = top.containsKey("claims") ? new ClaimReader(problems).read(top.get("claims").value()) : List.of();
    checkLayerShape(List.of(sections.written(), gridReader.named(), randomReader.named()));
    checkGridRandomOverlap(grid, random);
    List<ExpansionLevel> levels = ExpansionOrder.of(registry, grid, random, problems);
    problems.throwIfAny();

    SweepSpec spec = new SweepSpec(registry, problems.file(), name, description, sections.base(), levels, seeds,
        maxTrials, claims);
    checkSize(spec, top, root);
    problems.throwIfAny();
    spec.checkCombinations(problems);
    problems.throwIfAny();
    spec.checkAxesApply(problems);
    problems.throwIfAny();
    return spec;
  }

  /** The known top-level entries; unknown keys are reported, with the section a setting belongs in. */
  private Map<String, YamlEntry> topLevel(MappingNode root) {
    Map<String, YamlEntry> top = new LinkedHashMap<>();
    for (YamlEntry e : YamlEntry.of(root)) {
      if (topKeys.contains(e.key())) {
        top.putIfAbsent(e.key(), e);
      } else if (!sectionsOf(e.key()).isEmpty()) {
        problems.at(e.keyNode(), e.key(), "settings go in their section: write " + String.join(" or ",
            sectionsOf(e.key())) + ", or sweep it under grid:");
      } else {
        problems.at(e.keyNode(), e.key(), Suggestion.unknown("top-level key", e.key(), topKeys));
      }
    }
    return top;
  }

  /** "train: {lr: ...}" for each section that has a setting spelled {@code name} (short or dotted). */
  private List<String> sectionsOf(String name) {
    return registry.all().stream().filter(s -> s.key().equals(name) || s.path().equals(name))
        .map(s -> s.section() + ": {" + s.key() + ": ...}").toList();
  }

  private String readName(YamlEntry entry, MappingNode root) {
    if (entry == null) {
      problems.at(root, "name", "required: every sweep needs a name (1 to 64 letters, digits, '-' or '_'),"
          + " which names its output folder");
      return null;
    }
    Scalar s = Scalar.of(entry.value());
    boolean text = s.kind() == Scalar.Kind.TEXT || s.kind() == Scalar.Kind.INTEGER;
    if (!text || !NAME.matcher(s.text()).matches()) {
      problems.at(entry.value(), "name", "must be 1 to 64 letters, digits, '-' or '_' (it names the output"
          + " folder), got " + s.shown());
      return null;
    }
    return s.text();
  }

  private String readDescription(YamlEntry entry) {
    if (entry == null || Scalar.of(entry.value()).kind() == Scalar.Kind.NULL) {
      return "";
    }
    Scalar s = Scalar.of(entry.value());
    if (s.kind() == Scalar.Kind.LIST || s.kind() == Scalar.Kind.MAPPING) {
      problems.at(entry.value(), "description", "must be text, got " + s.shown());
      return "";
    }
    return s.text().strip();
  }

  /** {@code seeds: N} for 0..N-1, or an explicit list {@code seeds: [3, 7]}. */
  private Seeds readSeeds(Node node) {
    if (node instanceof SequenceNode list) {
      return readSeedList(list);
    }
    if (Scalar.of(node).kind() != Scalar.Kind.INTEGER) {
      problems.at(node, "seeds", "must be a count >= 1 (seeds 0..N-1) or a list of seeds such as [3, 7], got "
          + Scalar.describe(node));
      return Seeds.DEFAULT;
    }
    Integer count = (Integer) SEED_COUNT.read(node, "seeds", problems);
    return count == null ? Seeds.DEFAULT : Seeds.first(count);
  }

  private Seeds readSeedList(SequenceNode list) {
    if (list.getValue().isEmpty()) {
      problems.at(list, "seeds", "empty list; give at least one seed, or a count such as seeds: 5");
      return Seeds.DEFAULT;
    }
    Set<Long> seeds = new LinkedHashSet<>();
    boolean ok = true;
    for (Node item : list.getValue()) {
      Long seed = (Long) SEED.read(item, "seeds", problems);
      if (seed != null && !seeds.add(seed)) {
        problems.at(item, "seeds", "seed " + seed + " is listed twice");
      }
      ok &= seed != null;
    }
    return ok ? Seeds.listed(List.copyOf(seeds)) : Seeds.DEFAULT;
  }

  private int readMaxTrials(Node node) {
    Integer max = (Integer) MAX_TRIALS.read(node, "max_trials", problems);
    return max == null ? DEFAULT_MAX_TRIALS : max;
  }

  /**
   * model.hidden, or model.depth with model.width: one spelling of the layers, complete. Judged on
   * the keys written (in sections, grid or random), valid or not, so an invalid width is not also
   * reported as a missing one.
   */
  private void checkLayerShape(List<Map<SweepKey, Node>> written) {
    Map<SweepKey, Node> givenAt = new HashMap<>();
    written.forEach(w -> w.forEach(givenAt::putIfAbsent));
    Node hidden = givenAt.get(SettingRegistry.HIDDEN);
    Node depth = givenAt.get(SettingRegistry.DEPTH);
    Node width = givenAt.get(SettingRegistry.WIDTH);
    if (hidden != null && (depth != null || width != null)) {
      problems.at(depth != null ? depth : width, depth != null ? "model.depth" : "model.width",
          "model.hidden and model.depth/width both set the hidden layers; use hidden: [64, 64] or depth: + width:");
    } else if (depth != null && width == null) {
      problems.at(depth, "model.depth", "needs model.width too: hidden layers are width units, depth times");
    } else if (width != null && depth == null) {
      problems.at(width, "model.width", "needs model.depth too: hidden layers are width units, depth times");
    }
  }

  private void checkGridRandomOverlap(List<AxisSpec> grid, RandomSpec random) {
    if (random == null) {
      return;
    }
    for (RandomAxis r : random.axes()) {
      grid.stream().filter(g -> g.setting().equals(r.setting())).findFirst().ifPresent(g ->
          problems.at(r.node(), r.field(), r.setting().path() + " is already a grid axis (line "
              + Problems.lineOf(g.node()) + "); sweep it in one place"));
    }
  }

  private void checkSize(SweepSpec spec, Map<String, YamlEntry> top, MappingNode root) {
    ExpansionSize size = spec.size();
    if (!size.exceeds(spec.maxTrials())) {
      return;
    }
    Node at = root;
    for (String key : List.of("max_trials", "grid", "random", "seeds")) {
      if (top.containsKey(key)) {
        at = top.get(key).keyNode();
        break;
      }
    }
    String count = (size.exact() ? "" : "at least ") + size.trials();
    problems.at(at, "max_trials", "the sweep expands to " + count + " trials (grid x random samples x seeds,"
        + " before removing duplicates), more than max_trials " + spec.maxTrials() + "; sweep fewer values, or,"
        + " if you mean it, raise the limit with a top-level max_trials: " + (size.exact() ? size.trials() : "N"));
  }
}
