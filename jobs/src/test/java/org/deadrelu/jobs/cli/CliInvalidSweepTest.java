package org.deadrelu.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the invalid corpus, given to `deadrelu sweep` as a user would: its expected
 * message on stderr, exit code 2, no stack trace, and no output folder; `validate` and `plan`
 * reject it alike.
 */
class CliInvalidSweepTest {
  static final Path CORPUS = Path.of("src/test/resources/sweeps/invalid");

  @TempDir Path tmp;

  static Stream<Path> corpus() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(CORPUS)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(files.size() >= 15, "the corpus has at least 15 files, found " + files.size());
    return files.stream();
  }

  static String expected(Path file) throws IOException {
    String first = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
    return first.startsWith("# expect:") ? first.substring("# expect:".length()).trim() : null;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void invalidSweepFileIsRejectedBeforeAnythingIsWritten(Path file) throws IOException {
    Path out = tmp.resolve("out");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code = Main.execute(new PrintWriter(stdout), new PrintWriter(stderr),
        "sweep", file.toString(), "--out", out.toString());
    String err = stderr.toString();
    assertEquals(Main.EXIT_INVALID_INPUT, code, err);
    String expect = expected(file);
    if (expect != null) {
      assertTrue(err.contains(expect), "expected '" + expect + "' in: " + err);
    }
    assertTrue(err.contains(file.getFileName().toString()), "the message names the file: " + err);
    assertFalse(err.contains("\tat "), "no stack trace on the console: " + err);
    assertFalse(Files.exists(out), "no output folder was created");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void validateAndPlanRejectItWithTheSameMessage(Path file) throws IOException {
    for (String command : List.of("validate", "plan")) {
      CliRun r = CliRun.of(command, file.toString());
      assertEquals(Main.EXIT_INVALID_INPUT, r.code(), command + ": " + r.err());
      String expect = expected(file);
      if (expect != null) {
        assertTrue(r.err().contains(expect), command + ": expected '" + expect + "' in: " + r.err());
      }
      assertTrue(r.err().contains(file.getFileName().toString()), command + ": the message names the file: " + r.err());
      assertFalse(r.err().contains("\tat "), command + ": no stack trace on the console: " + r.err());
    }
  }
}
