package org.deadrelu.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.deadrelu.jobs.sweep.yaml.SweepValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in sweeps/invalid/ must be rejected. Each starts with {@code # expect: <text>}, a
 * piece of the expected message, and, where the problem has a place, {@code # line: <n>}.
 */
class SweepInvalidCorpusTest {

  private static final String EXPECT = "# expect: ";
  private static final String LINE = "# line: ";

  static Stream<Path> invalidFiles() throws IOException, URISyntaxException {
    Path dir = Path.of(SweepInvalidCorpusTest.class.getResource("/sweeps/invalid").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void corpusHasAtLeastTwentyFiles() throws Exception {
    assertTrue(invalidFiles().count() >= 20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFiles")
  void invalidFileIsRejectedWithItsExpectedMessageFileAndLine(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    List<String> header = header(bytes);
    String expected = header.stream().filter(l -> l.startsWith(EXPECT)).findFirst()
        .map(l -> l.substring(EXPECT.length())).orElseThrow(() -> new AssertionError(file + " has no # expect:"));
    Optional<String> line = header.stream().filter(l -> l.startsWith(LINE)).findFirst()
        .map(l -> l.substring(LINE.length()).trim());
    String name = file.getFileName().toString();

    // every rejection is fast, the alias bomb and the 10^8-trial grid included
    SweepValidationException e = assertTimeout(Duration.ofSeconds(2),
        () -> assertThrows(SweepValidationException.class, () -> SweepLoader.load(name, bytes)));

    String message = e.getMessage();
    assertTrue(message.contains(expected), () -> name + ": expected '" + expected + "' in:\n" + message);
    assertTrue(message.contains(name), message);
    line.ifPresent(n -> assertTrue(message.contains(name + ":" + n + ":"),
        () -> name + ": expected line " + n + " in:\n" + message));
    assertFalse(e.problems().isEmpty());
  }

  /** The leading comment lines, read as ASCII so a file of binary garbage still has a header. */
  private static List<String> header(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    return Arrays.stream(text.split("\n")).takeWhile(l -> l.startsWith("#")).toList();
  }
}
