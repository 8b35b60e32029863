package org.deadrelu.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.deadrelu.jobs.sweep.yaml.Problems;
import org.deadrelu.jobs.sweep.yaml.SweepProblem;
import org.deadrelu.jobs.sweep.yaml.SweepValidationException;
import org.junit.jupiter.api.Test;

/** How problems read: compiler-style lines, all of a file's problems at once. */
class SweepProblemReportTest {

  @Test
  void problemPrintsAsFileLineColumnFieldMessage() {
    assertEquals("quickstart.yaml:12:5: train.lr: must be > 0, got -0.1",
        new SweepProblem("quickstart.yaml", 12, 5, "train.lr", "must be > 0, got -0.1").toString());
  }

  @Test
  void problemWithoutPlaceOrFieldLeavesThemOut() {
    assertEquals("q.yaml: the file is empty", new SweepProblem("q.yaml", 0, 0, "", "the file is empty").toString());
  }

  @Test
  void everyProblemOfAFileIsReportedOnePerLine() {
    SweepValidationException e = assertThrows(SweepValidationException.class, () -> SweepLoader.load("many.yaml", """
        name: many
        model:
          activation: swish
          alpha: -1
        train:
          lr: 0
          steps: 1.5
        probe:
          dormant_tau: 2
        grid:
          l2: [-0.1]
        """));

    assertEquals(List.of(
        "many.yaml:3:15: model.activation: unknown value 'swish'; accepted: relu, leaky_relu, prelu, elu, sigmoid,"
            + " tanh, softplus, identity",
        "many.yaml:4:10: model.alpha: must be >= 0, got -1",
        "many.yaml:6:7: train.lr: must be > 0, got 0",
        "many.yaml:7:10: train.steps: must be an integer >= 0, got 1.5",
        "many.yaml:9:16: probe.dormant_tau: must be in [0, 1], got 2",
        "many.yaml:11:8: grid.l2: must be >= 0, got -0.1"), e.getMessage().lines().toList());
    assertEquals(6, e.problems().size());
  }

  @Test
  void combinationProblemIsReportedOnceNotOncePerTrial() {
    SweepValidationException e = assertThrows(SweepValidationException.class, () -> SweepLoader.load("c.yaml", """
        name: c
        seeds: 10
        model: {head: linear}
        grid:
          lr: [0.1, 0.2, 0.3]
          steps: [1, 2, 3]
        """));

    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals(3, e.problems().get(0).line());
  }

  @Test
  void aFileOfThousandsOfMistakesReportsTheFirstHundredAndCountsTheRest() {
    StringBuilder text = new StringBuilder("name: noisy\n");
    for (int i = 0; i < 500; i++) {
      text.append("unknown_").append(i).append(": 1\n");
    }

    SweepValidationException e = assertThrows(SweepValidationException.class,
        () -> SweepLoader.load("noisy.yaml", text.toString()));

    assertEquals(Problems.MAX_REPORTED + 1, e.problems().size());
    assertEquals("noisy.yaml: and 400 more problems not shown", e.problems().get(Problems.MAX_REPORTED).toString());
  }

  @Test
  void problemsOfSeveralSectionsAreCollectedInOnePass() {
    SweepValidationException e = assertThrows(SweepValidationException.class, () -> SweepLoader.load("s.yaml", """
        name: ../escape
        data: {source: csvv}
        grid:
          samples: [1, 2]
        random:
          samples: 0
          axes: {lr: {uniform: [1, 0]}}
        seeds: []
        """));

    assertEquals(6, e.problems().size(), e.getMessage());
  }
}
