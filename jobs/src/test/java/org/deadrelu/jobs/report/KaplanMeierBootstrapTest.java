package org.deadrelu.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/** The cluster bootstrap's interval, where the answer is known. */
class KaplanMeierBootstrapTest {
  /** 40 trials; trial i's neurons all die at step 100 * (1 + i % 5), or every third trial's survive (censored at 600). */
  static Map<String, List<KaplanMeier.Count>> trials(long neuronsPerTrial) {
    Map<String, List<KaplanMeier.Count>> out = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      boolean dies = i % 3 != 0;
      long time = dies ? 100L * (1 + i % 5) : 600;
      out.put(String.format("t%02d", i), List.of(new KaplanMeier.Count(time, dies ? neuronsPerTrial : 0, dies ? 0 : neuronsPerTrial)));
    }
    return out;
  }

  /**
   * When a trial's neurons die together, a trial of 32 neurons carries what a trial of one does:
   * the interval is the same as with one neuron per trial. Greenwood's, which counts 32 times as
   * many independent subjects, is about sqrt(32) times narrower.
   */
  @Test
  void neuronsThatDieTogetherGiveTheIntervalOfOneNeuronPerTrial() {
    List<KaplanMeier.Point> one = KaplanMeier.clustered(trials(1), 0.95, 2000, 1);
    List<KaplanMeier.Point> many = KaplanMeier.clustered(trials(32), 0.95, 2000, 1);
    List<KaplanMeier.Point> greenwood = KaplanMeier.estimate(flatten(trials(32)), 0.95);
    assertEquals(one.size(), many.size());
    for (int i = 0; i < one.size(); i++) {
      assertEquals(one.get(i).survival(), many.get(i).survival(), 1e-12);
      assertEquals(one.get(i).low(), many.get(i).low(), 1e-12, "at " + one.get(i).time());
      assertEquals(one.get(i).high(), many.get(i).high(), 1e-12, "at " + one.get(i).time());
    }
    // at step 300 the curve is well inside (0, 1): compare widths there
    int at300 = 2;
    assertEquals(300, many.get(at300).time());
    double bootstrap = many.get(at300).high() - many.get(at300).low();
    double gw = greenwood.get(at300).high() - greenwood.get(at300).low();
    assertTrue(bootstrap > 0.2, "a real interval over 40 trials: " + bootstrap);
    assertTrue(gw < bootstrap / 4, "Greenwood understates it: " + gw + " vs " + bootstrap);
  }

  /**
   * One neuron per trial, 200 trials, 100 of them dead at step 10 and the rest censored at 20: S(10)
   * is the share alive, and resampling trials draws it from Binomial(200, 0.5) / 200, whose 2.5% and
   * 97.5% quantiles give the interval.
   */
  @Test
  void oneNeuronPerTrialGivesTheBinomialInterval() {
    Map<String, List<KaplanMeier.Count>> m = new LinkedHashMap<>();
    for (int i = 0; i < 200; i++) {
      m.put("t" + i, List.of(i < 100 ? new KaplanMeier.Count(10, 1, 0) : new KaplanMeier.Count(20, 0, 1)));
    }
    KaplanMeier.Point p = KaplanMeier.clustered(m, 0.95, 4000, 3).get(0);
    BinomialDistribution alive = new BinomialDistribution(200, 0.5);
    assertEquals(0.5, p.survival(), 1e-12);
    assertEquals(alive.inverseCumulativeProbability(0.025) / 200.0, p.low(), 0.011);
    assertEquals(alive.inverseCumulativeProbability(0.975) / 200.0, p.high(), 0.011);
    assertEquals(Math.sqrt(0.25 / 200), p.stdError(), 0.003);
  }

  @Test
  void theSameInputAndSeedGiveTheSameIntervalAndOneTrialNone() {
    assertEquals(KaplanMeier.clustered(trials(5), 0.95, 500, 9), KaplanMeier.clustered(trials(5), 0.95, 500, 9));
    Map<String, List<KaplanMeier.Count>> single = Map.of("t", List.of(new KaplanMeier.Count(10, 3, 2)));
    assertTrue(Double.isNaN(KaplanMeier.clustered(single, 0.95, 500, 9).get(0).low()));
  }

  private static List<KaplanMeier.Count> flatten(Map<String, List<KaplanMeier.Count>> m) {
    List<KaplanMeier.Count> out = new ArrayList<>();
    m.values().forEach(out::addAll);
    return out;
  }
}
