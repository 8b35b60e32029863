package org.deadrelu.model.net;

import static org.deadrelu.model.config.Settings.ACTIVATION;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.config.TrialConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link PopulationNetwork#preActivations}: the first layers' pre-activations are the full forward
 * pass's, to the bit, and the last of those layers' activation is not computed (its buffer keeps
 * what it held), since a scan for death reads z alone.
 */
class PreActivationsTest {

  @ParameterizedTest
  @EnumSource(value = ActivationKind.class, names = {"RELU", "LEAKY_RELU", "TANH"})
  void theFirstLayersMatchTheForwardPassAndTheLastActivationIsLeft(ActivationKind activation) {
    int p = 3;
    int[] sizes = {4, 6, 5, 3, 2};
    List<TrialConfig> trials = new ArrayList<>();
    SplittableRandom[] rng = new SplittableRandom[p];
    for (int s = 0; s < p; s++) {
      trials.add(TrialConfig.builder().set(ACTIVATION, activation).seed(s + 1).build());
      rng[s] = new SplittableRandom(40 + s);
    }
    PopulationNetwork net = PopulationNetwork.initialize(sizes, trials, rng, DataType.FLOAT);
    Pass full = net.pass("full", 9);
    Pass scan = net.pass("scan", 9);
    full.input().assign(Nd4j.rand(DataType.FLOAT, p, 9, 4).subi(0.5));
    scan.input().assign(full.input());
    net.forward(full);
    for (int through = 1; through <= 3; through++) {
      scan.h(through - 1).assign(-7.0); // a marker no activation of these layers gives
      net.preActivations(scan, through);
      for (int l = 0; l < through; l++) {
        assertArrayEquals(full.z(l).data().asFloat(), scan.z(l).data().asFloat(), "layer " + l + "'s z through " + through);
      }
      for (int l = 0; l + 1 < through; l++) {
        assertArrayEquals(full.h(l).data().asFloat(), scan.h(l).data().asFloat(), "layer " + l + "'s activation, read by layer " + (l + 1));
      }
      assertEquals(-7.0, scan.h(through - 1).minNumber().doubleValue(), 0.0, "the last layer's activation is left");
      assertEquals(-7.0, scan.h(through - 1).maxNumber().doubleValue(), 0.0, "the last layer's activation is left");
    }
  }
}
