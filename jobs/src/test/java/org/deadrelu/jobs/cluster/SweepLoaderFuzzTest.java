package org.deadrelu.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.deadrelu.jobs.sweep.SweepLoader;
import org.deadrelu.jobs.sweep.SweepSpec;
import org.deadrelu.jobs.sweep.yaml.SweepValidationException;
import org.deadrelu.model.config.TrialConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the sweep-file loader with thousands of files: generated from a grammar of sweep files
 * (every section, setting and top-level key, values of every YAML type, tags, anchors and aliases,
 * flow and block style) and mutated from every sweep file in the repository (bytes flipped, lines
 * dropped, duplicated, swapped, files cut short and spliced). Each file must, within a time limit,
 * either load (and then expand to trials with ids, when its plan is of a size a driver holds) or
 * throw {@link SweepValidationException} naming the file; any other exception, error, stack
 * overflow or hang fails. SweepRobustnessTest covers random bytes and a few hundred byte mutations
 * of one file; this covers the structure.
 */
class SweepLoaderFuzzTest {
  static final int GENERATED = 2500;
  static final int MUTATED = 2500;
  /** Per file: the loader answers in milliseconds; this only catches a hang. */
  static final long LIMIT_MS = 5000;

  static ExecutorService worker;
  static List<byte[]> seeds;
  static int accepted;
  static int rejected;
  static long slowestMs;

  @BeforeAll
  static void setUp() throws IOException, URISyntaxException {
    worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(null, r, "fuzz-loader", 1 << 20); // a normal thread stack: deep nesting must not overflow it
      t.setDaemon(true);
      return t;
    });
    seeds = new ArrayList<>();
    for (String dir : List.of("/sweeps/valid", "/sweeps/invalid", "/cluster")) {
      try (Stream<Path> files = Files.list(Path.of(SweepLoaderFuzzTest.class.getResource(dir).toURI()))) {
        for (Path p : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
          seeds.add(Files.readAllBytes(p));
        }
      }
    }
    Path repoSweeps = LocalCluster.ROOT.resolve("sweeps");
    if (Files.isDirectory(repoSweeps)) {
      try (Stream<Path> files = Files.list(repoSweeps)) {
        for (Path p : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
          seeds.add(Files.readAllBytes(p));
        }
      }
    }
  }

  @AfterAll
  static void tearDown() {
    worker.shutdownNow();
    System.out.printf(Locale.ROOT, "[fuzz] %d files: %d accepted, %d rejected with a validation error, "
        + "slowest %d ms, from %d seed files%n", accepted + rejected, accepted, rejected, slowestMs, seeds.size());
  }

  @Test
  void generatedSweepFilesLoadOrGiveAValidationError() throws Exception {
    SplittableRandom random = new SplittableRandom(20261129);
    int before = accepted;
    for (int i = 0; i < GENERATED; i++) {
      String text = new Generator(random).document();
      check("generated-" + i + ".yaml", text.getBytes(StandardCharsets.UTF_8));
    }
    // the grammar is close enough to real files that some load
    assertTrue(accepted > before, "no generated file was accepted: the generator is off");
  }

  @Test
  void mutatedSweepFilesLoadOrGiveAValidationError() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < MUTATED; i++) {
      byte[] base = seeds.get(random.nextInt(seeds.size()));
      check("mutated-" + i + ".yaml", mutate(base, random));
    }
  }

  private static void check(String name, byte[] bytes) throws InterruptedException {
    long t0 = System.nanoTime();
    Future<String> f = worker.submit(() -> {
      try {
        SweepSpec spec = SweepLoader.load(name, bytes);
        if (spec.plannedTrialCount() <= 2000) {
          for (TrialConfig t : spec.expand()) {
            if (t.trialId() == null || t.trialId().isEmpty()) {
              return "a trial without an id";
            }
          }
        }
        accepted++;
        return null;
      } catch (SweepValidationException e) {
        rejected++;
        String m = e.getMessage();
        return m != null && m.contains(name) && !e.problems().isEmpty() ? null
            : "a validation error that does not name the file: " + m;
      }
    });
    try {
      String problem = f.get(LIMIT_MS, TimeUnit.MILLISECONDS);
      if (problem != null) {
        fail(name + ": " + problem + "\n--- file ---\n" + show(bytes));
      }
    } catch (TimeoutException e) {
      f.cancel(true);
      fail(name + ": no answer within " + LIMIT_MS + " ms\n--- file ---\n" + show(bytes));
    } catch (ExecutionException e) {
      fail(name + " threw " + e.getCause() + "\n--- file ---\n" + show(bytes), e.getCause());
    }
    slowestMs = Math.max(slowestMs, (System.nanoTime() - t0) / 1_000_000);
  }

  private static String show(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.UTF_8);
    return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
  }

  // --- mutation -------------------------------------------------------------------------------------

  static final String[] TOKENS = {"-", "[", "]", "{", "}", ":", ",", "&a", "*a", "!!", "!", "|", ">", "'", "\"",
      "#", ".", "\n", " ", "  ", "\t", "0", "-1", "1e308", ".nan", "~", "null", "?", "%", "@", "`", "---", "...",
      "<<", "\u00e9", "\u0000", "\uFEFF", "\\", "\r\n"};

  static byte[] mutate(byte[] base, SplittableRandom random) {
    String text = new String(base, StandardCharsets.UTF_8);
    int ops = random.nextInt(1, 5);
    for (int k = 0; k < ops; k++) {
      List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
      switch (random.nextInt(9)) {
        case 0 -> { // insert a token
          int at = random.nextInt(text.length() + 1);
          text = text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at);
        }
        case 1 -> { // delete a run of characters
          if (!text.isEmpty()) {
            int at = random.nextInt(text.length());
            text = text.substring(0, at) + text.substring(Math.min(text.length(), at + random.nextInt(1, 12)));
          }
        }
        case 2 -> { // drop a line
          lines.remove(random.nextInt(lines.size()));
          text = String.join("\n", lines);
        }
        case 3 -> { // duplicate a line (duplicate keys, repeated axes)
          int i = random.nextInt(lines.size());
          lines.add(i, lines.get(i));
          text = String.join("\n", lines);
        }
        case 4 -> { // swap two lines (indentation moves)
          int i = random.nextInt(lines.size());
          int j = random.nextInt(lines.size());
          String l = lines.get(i);
          lines.set(i, lines.get(j));
          lines.set(j, l);
          text = String.join("\n", lines);
        }
        case 5 -> // cut short
            text = text.substring(0, random.nextInt(text.length() + 1));
        case 6 -> { // splice with another file
          String other = new String(seeds.get(random.nextInt(seeds.size())), StandardCharsets.UTF_8);
          text = text.substring(0, random.nextInt(text.length() + 1)) + other.substring(random.nextInt(other.length() + 1));
        }
        case 7 -> { // change indentation of a line
          int i = random.nextInt(lines.size());
          lines.set(i, " ".repeat(random.nextInt(0, 6)) + lines.get(i).strip());
          text = String.join("\n", lines);
        }
        default -> { // replace a number with an extreme one
          text = text.replaceFirst("\\b\\d+(\\.\\d+)?\\b", Generator.EXTREMES[random.nextInt(Generator.EXTREMES.length)]);
        }
      }
    }
    byte[] out = text.getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(20) == 0 && out.length > 0) { // and sometimes a raw byte, not UTF-8
      out[random.nextInt(out.length)] = (byte) random.nextInt(256);
    }
    return out;
  }

  // --- generation -----------------------------------------------------------------------------------

  /** Random sweep files: mostly well-formed YAML over the real vocabulary, with wrong turns. */
  static final class Generator {
    static final String[] SECTIONS = {"data", "model", "train", "probe", "revival"};
    static final String[][] KEYS = {
        {"source", "path", "label", "task", "samples", "noise", "classes", "features", "function", "test_fraction", "seed"},
        {"hidden", "depth", "width", "activation", "alpha", "head", "init", "init_bias", "relu_grad_at_zero"},
        {"optimizer", "steps", "batch_size", "lr", "momentum", "adam_beta1", "adam_beta2", "l2", "decay_bias", "fault_at_step"},
        {"every", "samples", "dormant_tau", "saturation_eps"},
        {"strategy", "every", "sigma", "target", "scope", "offset", "hold", "anneal", "schedule"}};
    static final String[] WORDS = {"blobs", "spirals", "teacher", "function", "digits", "breast_cancer", "csv", "parquet",
        "relu", "leaky_relu", "prelu", "elu", "sigmoid", "tanh", "softplus", "identity", "softmax", "relu_normalize",
        "linear", "he_normal", "he_uniform", "xavier_normal", "rai", "sgd", "momentum", "adam", "classification",
        "regression", "abs", "sin", "square", "step", "kick", "redo", "warming", "none", "dead", "all", "cosine",
        "file:///tmp/x.csv", "label", "", "yes", "no", "on", "true", "false"};
    static final String[] EXTREMES = {"0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483649",
        "9223372036854775808", "1e308", "-1e308", "1e-320", ".inf", "-.inf", ".nan", ".NaN", "0x10", "0o17", "1_000",
        "3.", ".5", "1e3", "0.1", "1.0e6", "65", "100000000"};
    static final String[] SHORT = {"lr", "alpha", "activation", "init_bias", "l2", "hidden", "depth", "width", "steps",
        "batch_size", "optimizer", "momentum", "decay_bias", "head", "init", "noise", "classes", "seed", "samples",
        "every", "train.lr", "model.hidden", "data.noise", "data.seed", "probe.every", "nope", "revival.strategy"};

    final SplittableRandom r;
    final StringBuilder out = new StringBuilder();

    Generator(SplittableRandom r) {
      this.r = r;
    }

    String document() {
      if (r.nextInt(30) == 0) {
        out.append("%YAML 1.2\n---\n");
      }
      if (r.nextInt(8) != 0) {
        out.append("name: ").append(r.nextInt(6) == 0 ? scalar() : "fuzz" + r.nextInt(100)).append('\n');
      }
      if (r.nextInt(4) == 0) {
        out.append("description: ").append(quoted()).append('\n');
      }
      for (int s = 0; s < SECTIONS.length; s++) {
        if (r.nextInt(3) == 0) {
          section(s);
        }
      }
      if (r.nextInt(3) == 0) {
        out.append("seeds: ").append(r.nextBoolean() ? String.valueOf(r.nextInt(-1, 6)) : list(this::smallInt)).append('\n');
      }
      if (r.nextInt(2) == 0) {
        grid();
      }
      if (r.nextInt(4) == 0) {
        randomSection();
      }
      if (r.nextInt(6) == 0) {
        out.append("max_trials: ").append(r.nextBoolean() ? EXTREMES[r.nextInt(EXTREMES.length)] : "5000").append('\n');
      }
      if (r.nextInt(15) == 0) {
        out.append(SHORT[r.nextInt(SHORT.length)]).append(": ").append(scalar()).append('\n'); // a stray key
      }
      if (r.nextInt(25) == 0) {
        out.append("---\nname: second\n");
      }
      return out.toString();
    }

    void section(int s) {
      String[] keys = KEYS[s];
      int n = r.nextInt(1, 5);
      if (r.nextBoolean()) {
        out.append(SECTIONS[s]).append(":\n");
        for (int i = 0; i < n; i++) {
          out.append("  ").append(keys[r.nextInt(keys.length)]).append(": ").append(value()).append('\n');
        }
      } else {
        out.append(SECTIONS[s]).append(": {");
        for (int i = 0; i < n; i++) {
          out.append(i == 0 ? "" : ", ").append(keys[r.nextInt(keys.length)]).append(": ").append(value());
        }
        out.append("}\n");
      }
    }

    void grid() {
      out.append("grid:\n");
      for (int i = r.nextInt(1, 4); i > 0; i--) {
        String axis = SHORT[r.nextInt(SHORT.length)];
        if (r.nextInt(5) == 0) {
          out.append("  ").append(axis).append(":\n    when: {").append(SHORT[r.nextInt(SHORT.length)])
              .append(": ").append(list(this::scalar)).append("}\n    values: ").append(list(this::value)).append('\n');
        } else {
          out.append("  ").append(axis).append(": ").append(r.nextInt(8) == 0 ? scalar() : list(this::value)).append('\n');
        }
      }
    }

    void randomSection() {
      out.append("random:\n  samples: ").append(r.nextInt(6) == 0 ? EXTREMES[r.nextInt(EXTREMES.length)] : String.valueOf(r.nextInt(0, 6)))
          .append("\n  seed: ").append(r.nextInt(0, 9)).append("\n  axes:\n");
      String[] dists = {"uniform", "log_uniform", "choice", "loguniform", "normal"};
      for (int i = r.nextInt(1, 3); i > 0; i--) {
        out.append("    ").append(SHORT[r.nextInt(SHORT.length)]).append(": {").append(dists[r.nextInt(dists.length)])
            .append(": ").append(list(this::value)).append("}\n");
      }
    }

    String value() {
      return switch (r.nextInt(12)) {
        case 0 -> list(this::smallInt);
        case 1 -> list(() -> list(this::smallInt)); // hidden axes are lists of lists
        case 2 -> "{" + SHORT[r.nextInt(SHORT.length)] + ": " + scalar() + "}";
        case 3 -> r.nextBoolean() ? "&x " + scalar() : "*x";
        case 4 -> (r.nextBoolean() ? "!!str " : r.nextBoolean() ? "!!java.lang.Runtime " : "!custom ") + scalar();
        default -> scalar();
      };
    }

    String scalar() {
      return switch (r.nextInt(6)) {
        case 0 -> EXTREMES[r.nextInt(EXTREMES.length)];
        case 1 -> WORDS[r.nextInt(WORDS.length)];
        case 2 -> String.format(Locale.ROOT, "%.4g", r.nextDouble(-2, 2));
        case 3 -> smallInt();
        case 4 -> quoted();
        default -> r.nextBoolean() ? "true" : r.nextBoolean() ? "null" : "~";
      };
    }

    String smallInt() {
      return String.valueOf(r.nextInt(-2, 40));
    }

    String quoted() {
      String w = WORDS[r.nextInt(WORDS.length)];
      return r.nextBoolean() ? "'" + w + "'" : "\"" + w + (r.nextInt(10) == 0 ? "\\u0000" : "") + "\"";
    }

    String list(java.util.function.Supplier<String> item) {
      int n = r.nextInt(0, 5);
      StringBuilder s = new StringBuilder("[");
      for (int i = 0; i < n; i++) {
        s.append(i == 0 ? "" : ", ").append(item.get());
      }
      return s.append(']').toString();
    }
  }

  @Test
  void theGeneratorItselfIsDeterministic() {
    String a = new Generator(new SplittableRandom(1)).document();
    String b = new Generator(new SplittableRandom(1)).document();
    assertFalse(a.isEmpty());
    assertTrue(a.equals(b));
  }
}
