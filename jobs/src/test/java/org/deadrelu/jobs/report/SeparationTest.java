package org.deadrelu.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases where whether the logistic MLE exists is known from the definition (Albert and Anderson 1984):
 * a coefficient is infinite exactly when some direction that moves it keeps every observation on the
 * side of its outcome.
 */
class SeparationTest {
  /** Columns: dummy for level b, numeric x, intercept. */
  static final double[][] X = {
      {0, 0, 1}, {0, 1, 1}, {0, 2, 1}, {0, 3, 1},
      {1, 0, 1}, {1, 1, 1}, {1, 2, 1}, {1, 3, 1}};

  @Test
  void overlappingOutcomesHaveFiniteEstimates() {
    double[] events = {1, 2, 3, 4, 2, 3, 4, 5};
    double[] non = {9, 8, 7, 6, 8, 7, 6, 5};
    assertEquals(List.of(), Separation.infinite(X, events, non));
  }

  /**
   * No event at level b (quickstart's Leaky ReLU, where no neuron dies): the dummy's coefficient
   * goes to minus infinity; x and the intercept are fixed by the level-a rows, where outcomes mix.
   */
  @Test
  void aLevelWithoutEventsMakesItsDummyInfinite() {
    double[] events = {1, 2, 3, 4, 0, 0, 0, 0};
    double[] non = {9, 8, 7, 6, 10, 10, 10, 10};
    assertEquals(List.of(0), Separation.infinite(X, events, non));
  }

  /** The baseline level is the one without events: both its intercept and the other level's dummy are infinite. */
  @Test
  void aBaselineWithoutEventsMakesTheInterceptAndTheDummyInfinite() {
    double[] events = {0, 0, 0, 0, 2, 3, 4, 5};
    double[] non = {10, 10, 10, 10, 8, 7, 6, 5};
    assertEquals(List.of(0, 2), Separation.infinite(X, events, non));
  }

  /**
   * Events exactly where x >= 2 (complete separation): x - 1.5 separates, and so does
   * x - 1.5 + e [level b] for a small e, which moves the dummy too: no coefficient is finite.
   */
  @Test
  void aThresholdInANumericSettingSeparatesCompletely() {
    double[] events = {0, 0, 3, 3, 0, 0, 5, 5};
    double[] non = {10, 10, 0, 0, 10, 10, 0, 0};
    assertEquals(List.of(0, 1, 2), Separation.infinite(X, events, non));
  }
}
