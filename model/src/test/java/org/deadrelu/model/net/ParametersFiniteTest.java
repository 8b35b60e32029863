package org.deadrelu.model.net;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.population.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@link PopulationNetwork#parametersFinite}: a network is flagged by any one non-finite value in
 * any of its parameters, and by nothing of its neighbours'. Values near the largest float are
 * finite however many of them a parameter holds (a sum of them would overflow).
 */
class ParametersFiniteTest {

  @ParameterizedTest
  @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
  void eachNetworkIsJudgedOnItsOwnValuesOnly(DataType dtype) {
    int p = 4;
    List<TrialConfig> trials = new ArrayList<>();
    SplittableRandom[] rng = new SplittableRandom[p];
    for (int s = 0; s < p; s++) {
      trials.add(TrialConfig.builder().set(ACTIVATION, ActivationKind.PRELU).seed(s + 1).build());
      rng[s] = new SplittableRandom(s);
    }
    PopulationNetwork net = PopulationNetwork.initialize(new int[] {3, 5, 4, 2}, trials, rng, dtype);
    assertArrayEquals(new boolean[] {true, true, true, true}, net.parametersFinite());
    for (Parameter param : net.parameters()) {
      long per = param.value().length() / p;
      // network 3: every value of every parameter near the float maximum, still finite
      for (long i = 3 * per; i < 4 * per; i++) {
        param.value().putScalar(i, 3.0e38);
      }
    }
    assertArrayEquals(new boolean[] {true, true, true, true}, net.parametersFinite());
    for (Parameter param : net.parameters()) {
      long per = param.value().length() / p;
      double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
      for (int k = 0; k < bad.length; k++) {
        // one bad value, in network 1, at the last element of its slice; each kind in turn
        param.value().putScalar(2 * per - 1, bad[k]);
        assertArrayEquals(new boolean[] {true, false, true, true}, net.parametersFinite(),
            param.kind() + " of layer " + param.layer() + " holding " + bad[k]);
        param.value().putScalar(2 * per - 1, 0.5);
      }
      param.value().putScalar(0, Double.NaN);
      assertArrayEquals(new boolean[] {false, true, true, true}, net.parametersFinite(), "network 0's first element");
      param.value().putScalar(0, 0.5);
    }
  }
}
