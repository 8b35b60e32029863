package org.deadrelu.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deadrelu.jobs.stats.Direction;
import org.deadrelu.jobs.stats.MetricKind;
import org.deadrelu.jobs.sweep.yaml.SweepValidationException;
import org.junit.jupiter.api.Test;

/** A sweep file's claims: list, read into claims, or rejected with every problem's line and field. */
class ClaimReaderTest {
  private static final String SWEEP = "name: c\ngrid: {lr: [0.01, 0.1]}\nseeds: 3\n";

  @Test
  void aComparisonClaimIsReadWithItsDefaults() {
    SweepSpec s = SweepLoader.load("c.yaml", SWEEP + """
        claims:
          - name: dies-with-lr
            statement: More neurons die at lr 0.1.
            metric: dead_fraction
            kind: proportion
            compare: {axis: lr, baseline: 0.01, expect: increase}
            diverged_as: 1.0
        """);
    assertEquals(1, s.claims().size());
    Claim c = s.claims().get(0);
    assertEquals("dies-with-lr", c.name());
    assertEquals("trials", c.from());
    assertEquals(MetricKind.PROPORTION, c.kind());
    assertEquals(new Claim.Compare("lr", "0.01", List.of(), Direction.INCREASE), c.compare());
    assertEquals(1.0, c.divergedAs());
    assertNull(c.where());
    assertEquals(List.of(), c.by());
    assertTrue(!c.allTrials());
  }

  @Test
  void everyProblemOfTheClaimsIsReportedWithItsLineAndField() {
    SweepValidationException e = assertThrows(SweepValidationException.class, () -> SweepLoader.load("c.yaml", SWEEP + """
        claims:
          - name: Bad Name
            statement: x
            metric: dead_fraction
            kind: share
            compare: {axis: lr, expect: up}
            estimate: {target: 0.5, margin: 0.1}
            colour: red
          - name: two
            statement: y
            metric: m
            kind: binary
            over: some
            bound: born_dead
        """));
    List<String> lines = e.getMessage().lines().toList();
    assertTrue(lines.contains("c.yaml:5:11: claims[0].name: must be 1 to 64 lower-case letters, digits and '-', got Bad Name"), lines.toString());
    assertTrue(lines.contains("c.yaml:8:11: claims[0].kind: unknown kind share; accepted: [binary, proportion, continuous, log]"), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("c.yaml:9:14: claims[0].compare.baseline: required")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("c.yaml:9:33: claims[0].compare.expect: must be increase or decrease")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("c.yaml:5:5: claims[0]: needs exactly one of compare:, estimate: or bound:")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("c.yaml:11:5: claims[0].colour: unknown key 'colour'")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("c.yaml:16:11: claims[1].over: must be finished")), lines.toString());
  }

  @Test
  void anEstimateIsWithinAMarginOrOnOneSideOfItsTarget() {
    SweepSpec s = SweepLoader.load("c.yaml", SWEEP + """
        claims:
          - name: about-half
            statement: About half.
            metric: dead_fraction
            kind: proportion
            estimate: {target: 0.5, margin: 0.1}
          - name: grows
            statement: Above zero.
            metric: dead_fraction
            kind: continuous
            estimate: {target: 0, expect: increase}
        """);
    assertEquals(new Claim.Estimate(0.5, 0.1, null), s.claims().get(0).estimate());
    assertEquals(new Claim.Estimate(0.0, null, Direction.INCREASE), s.claims().get(1).estimate());
    SweepValidationException e = assertThrows(SweepValidationException.class, () -> SweepLoader.load("c.yaml", SWEEP + """
        claims:
          - name: both
            statement: x
            metric: m
            kind: continuous
            estimate: {target: 0, margin: 0.1, expect: increase}
          - name: sideways
            statement: y
            metric: m
            kind: continuous
            estimate: {target: 0, expect: sideways}
        """));
    List<String> lines = e.getMessage().lines().toList();
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("c.yaml:9:15: claims[0].estimate: needs target: and either"
        + " margin: > 0")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("c.yaml:14:35: claims[1].estimate.expect: must be increase (the"
        + " mean is above target) or decrease")), lines.toString());
  }
}
