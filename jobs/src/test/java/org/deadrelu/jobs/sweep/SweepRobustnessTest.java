package org.deadrelu.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;
import org.deadrelu.jobs.sweep.yaml.SweepValidationException;
import org.deadrelu.jobs.sweep.yaml.YamlReader;
import org.junit.jupiter.api.Test;

/** Whatever a file holds, the loader returns a spec or throws SweepValidationException: nothing else. */
class SweepRobustnessTest {

  @Test
  void randomBytesGiveAValidationProblemNeverAnotherException() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 300; i++) {
      byte[] garbage = new byte[random.nextInt(1, 400)];
      random.nextBytes(garbage);
      loadOrReject("garbage-" + i + ".yaml", garbage);
    }
  }

  @Test
  void controlCharactersInTextAreAProblemWithTheirLine() {
    SweepValidationException e = assertThrows(SweepValidationException.class,
        () -> SweepLoader.load("ctl.yaml", "name: ok\ndescription: bad \u0000\u0007 bytes\n"));

    assertTrue(e.getMessage().startsWith("ctl.yaml:2:"), e.getMessage());
    assertTrue(e.getMessage().contains("not a text file"), e.getMessage());
  }

  @Test
  void mutatedValidFilesGiveASpecOrAValidationProblem() {
    byte[] valid = SweepFiles.text("valid/design-example.yaml").getBytes(StandardCharsets.UTF_8);
    String alphabet = "-[]{}:,&*!|>'\"#.\n 0a%@`?";
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 300; i++) {
      byte[] mutated = valid.clone();
      for (int k = random.nextInt(1, 6); k > 0; k--) {
        mutated[random.nextInt(mutated.length)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
      }
      loadOrReject("mutated-" + i + ".yaml", mutated);
    }
  }

  @Test
  void recursiveAliasIsRejectedNotFollowedForever() {
    assertTimeout(Duration.ofSeconds(2), () -> assertThrows(SweepValidationException.class,
        () -> SweepLoader.load("loop.yaml", "name: loop\ngrid:\n  hidden: &h [*h]\n")));
  }

  @Test
  void fileAboveTheSizeLimitIsRejectedBeforeParsing() {
    String big = "name: big\ndescription: " + "x".repeat(YamlReader.MAX_CODE_POINTS + 1) + "\n";

    SweepValidationException e = assertTimeout(Duration.ofSeconds(2),
        () -> assertThrows(SweepValidationException.class, () -> SweepLoader.load("big.yaml", big)));
    assertTrue(e.getMessage().contains("larger than"), e.getMessage());
  }

  private static void loadOrReject(String name, byte[] bytes) {
    try {
      SweepLoader.load(name, bytes);
    } catch (SweepValidationException expected) {
      assertTrue(expected.getMessage().contains(name));
    } catch (RuntimeException | StackOverflowError other) {
      fail(name + " threw " + other, other);
    }
  }
}
