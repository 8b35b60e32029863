package org.deadrelu.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deadrelu.jobs.sweep.yaml.SweepNote;
import org.junit.jupiter.api.Test;

/**
 * The notes on a valid sweep whose axes give fewer distinct configurations than they list: which
 * axis (file, line), how many values it lists, how many configurations they give and where; none
 * for axes that give what they list.
 */
class SweepNotesTest {

  @Test
  void anUnconditionalAlphaCrossedWithReluIsNotedWithWhereAlphaApplies() {
    SweepSpec spec = SweepLoader.load("t.yaml", """
        name: t
        grid:
          activation: [relu, leaky_relu]
          alpha: [0.1, 0.2]
          lr: [0.01, 0.1]
        """);

    assertEquals(List.of("t.yaml:4:3: grid.alpha: lists 2 values, but they give 1 distinct configuration in 2 of the"
        + " 4 combinations of the other axes (the first: model.activation=relu, train.lr=0.01), since model.alpha"
        + " applies only when model.activation is leaky_relu, prelu or elu; trials that come out the same run once"),
        texts(spec));
    // what the note says: 2 relu configurations, not 4, beside the 4 leaky_relu ones
    assertEquals(6, spec.plannedTrialCount());
  }

  @Test
  void widthsCrossedWithDepthZeroAreOneConfigurationThere() {
    SweepSpec spec = SweepLoader.load("t.yaml", """
        name: t
        grid:
          depth: [0, 2]
          width: [8, 16, 32]
        """);

    List<SweepNote> notes = spec.notes();
    assertEquals(1, notes.size(), notes::toString);
    SweepNote note = notes.get(0);
    assertEquals("grid.width", note.field());
    assertEquals(4, note.line());
    assertEquals("lists 3 values, but they give 1 distinct configuration in 1 of the 2 combinations of the other"
        + " axes (the first: model.depth=0); trials that come out the same run once", note.message());
    assertEquals(4, spec.plannedTrialCount());
  }

  @Test
  void aWashoutOfZeroMeansNoneAndCollapsesWithTheOthersWhereNoCureIntervenes() {
    SweepSpec spec = SweepLoader.load("t.yaml", """
        name: t
        grid:
          strategy: [none, kick]
          washout: [0, 50]
        """);

    assertEquals(List.of("t.yaml:4:3: grid.washout: lists 2 values, but they give 1 distinct configuration in 1 of"
        + " the 2 combinations of the other axes (the first: revival.strategy=none), since revival.washout applies"
        + " only when revival.strategy is kick, redo, shrink_perturb or cbp; trials that come out the same run once"), texts(spec));
  }

  @Test
  void randomDrawsOfASmallIntegerRangeAreNotedOnTheRandomBlock() {
    SweepSpec spec = SweepLoader.load("t.yaml", """
        name: t
        random:
          samples: 10
          axes:
            train.steps: {uniform: [1, 2]}
        """);

    assertEquals(List.of("t.yaml:3:3: random: draws 10 samples, but they give 2 distinct configurations;"
        + " trials that come out the same run once"), texts(spec));
  }

  @Test
  void axesThatGiveWhatTheyListHaveNoNotes() {
    SweepSpec conditional = SweepLoader.load("t.yaml", """
        name: t
        grid:
          activation: [relu, leaky_relu, prelu]
          alpha:
            when: {activation: [leaky_relu, prelu]}
            values: [0.01, 0.1, 0.3]
          lr: [0.01, 0.1]
        random:
          samples: 5
          axes:
            train.l2: {log_uniform: [1.0e-6, 1.0e-3]}
        """);

    assertEquals(List.of(), conditional.notes());
    assertEquals(List.of(), SweepFiles.load("valid/design-example.yaml").notes());
  }

  @Test
  void everySweepOfTheRepositoryLoadsWithoutNotes() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of("..", "sweeps"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(files.size() >= 10, "the repository's sweeps: " + files);
    for (Path file : files) {
      SweepSpec spec = SweepLoader.load(file.getFileName().toString(), Files.readAllBytes(file));
      assertEquals(List.of(), spec.notes(), file.toString());
    }
  }

  private static List<String> texts(SweepSpec spec) {
    return spec.notes().stream().map(SweepNote::toString).toList();
  }
}
