package org.deadrelu.model.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The probe's weight magnitudes and feature ranks for each network of a float population, against the
 * parameters and post-activations read element by element from the network and, for the ranks,
 * commons-math3's SVD of those post-activations.
 */
class WeightAndRankMeasuresTest {
  static final int[] SIZES = {3, 6, 5, 2};
  static final int ROWS = 24;
  static final int P = 3;
  static final boolean[] RANKS = {true, false, true};
  static PopulationNetwork net;
  static Pass pass;
  static List<ProbeMeasurement> measured;

  @BeforeAll
  static void probe() {
    SplittableRandom[] rngs = new SplittableRandom[P];
    for (int s = 0; s < P; s++) {
      rngs[s] = new SplittableRandom(40 + s);
    }
    net = PopulationNetwork.initialize(SIZES, Collections.nCopies(P, TrialConfig.builder().build()), rngs, DataType.FLOAT);
    // network 2: every first-layer neuron is off on every row, so the second layer sees relu(b) on every row
    net.bias(0).get(org.nd4j.linalg.indexing.NDArrayIndex.point(2)).assign(-100);
    net.bias(1).get(org.nd4j.linalg.indexing.NDArrayIndex.point(2))
        .assign(Nd4j.create(new float[] {0.5f, -1, 2, 0, 1}, new long[] {1, 5}));
    SplittableRandom rng = new SplittableRandom(3);
    double[] x = new double[P * ROWS * SIZES[0]];
    double[] y = new double[P * ROWS * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextGaussian();
    }
    for (int r = 0; r < P * ROWS; r++) {
      y[r * 2 + r % 2] = 1;
    }
    pass = net.pass("probe", ROWS);
    pass.input().assign(Nd4j.create(x, new long[] {P, ROWS, SIZES[0]}, DataType.DOUBLE));
    INDArray targets = Nd4j.create(y, new long[] {P, ROWS, 2}, DataType.DOUBLE).castTo(DataType.FLOAT);
    NeuronProbe probe = new NeuronProbe(new double[] {0.1, 0.1, 0.1},
        Nd4j.create(new double[] {0.01, 0.01, 0.01}, new long[] {P, 1, 1}, DataType.FLOAT), RANKS);
    measured = probe.measure(0, net, pass, targets);
  }

  @Test
  void incomingAndOutgoingWeightNormsAndBiasesAreTheParameters() {
    for (int s = 0; s < P; s++) {
      for (int l = 0; l < SIZES.length - 1; l++) {
        LayerMeasures m = measured.get(s).layers().get(l);
        INDArray w = net.weights(l);
        for (int i = 0; i < SIZES[l + 1]; i++) {
          String where = "network " + s + " layer " + l + " neuron " + i;
          double in = 0;
          for (int k = 0; k < SIZES[l]; k++) {
            in += w.getDouble(s, k, i) * w.getDouble(s, k, i);
          }
          assertEquals(Math.sqrt(in), m.weightNorm()[i], 1e-6, where);
          assertEquals(net.bias(l).getDouble(s, 0, i), m.bias()[i], 0.0, where);
          if (l + 1 < SIZES.length - 1) {
            INDArray next = net.weights(l + 1);
            double out = 0;
            for (int j = 0; j < SIZES[l + 2]; j++) {
              out += next.getDouble(s, i, j) * next.getDouble(s, i, j);
            }
            assertEquals(Math.sqrt(out), m.outgoingWeightNorm()[i], 1e-6, where);
          }
        }
      }
      assertNull(measured.get(s).layers().get(SIZES.length - 2).outgoingWeightNorm(), "the output layer has no outgoing weights");
    }
  }

  @Test
  void hiddenLayerRanksAreThoseOfTheSvdOfThePostActivations() {
    for (int l = 0; l < 2; l++) {
      double[] h = new double[ROWS * SIZES[l + 1]];
      for (int r = 0; r < ROWS; r++) {
        for (int i = 0; i < SIZES[l + 1]; i++) {
          h[r * SIZES[l + 1] + i] = pass.h(l).getDouble(0, r, i);
        }
      }
      double[] sigma = FeatureRanksTest.svd(h, ROWS, SIZES[l + 1]);
      double sum = 0;
      double squares = 0;
      for (double v : sigma) {
        sum += v;
        squares += v * v;
      }
      double entropy = 0;
      for (double v : sigma) {
        entropy -= v > 0 ? v / sum * Math.log(v / sum) : 0;
      }
      int srank = 0;
      int approximate = 0;
      double held = 0;
      double heldSquares = 0;
      for (double v : sigma) {
        srank += held < 0.99 * sum ? 1 : 0;
        approximate += heldSquares < 0.99 * squares ? 1 : 0;
        held += v;
        heldSquares += v * v;
      }
      FeatureRanks r = measured.get(0).layers().get(l).ranks();
      assertEquals(Math.exp(entropy), r.effectiveRank(), 1e-6, "layer " + l);
      assertEquals(squares / (sigma[0] * sigma[0]), r.stableRank(), 1e-9, "layer " + l);
      assertEquals(srank, r.srank(), "layer " + l);
      assertEquals(approximate, r.approximateRank(), "layer " + l);
    }
  }

  @Test
  void aDeadLayerHasRankZeroAndALayerOfIdenticalRowsRankOne() {
    List<LayerMeasures> layers = measured.get(2).layers();
    assertEquals(new FeatureRanks(0, 0, 0, 0), layers.get(0).ranks());
    FeatureRanks one = layers.get(1).ranks();
    assertEquals(1, one.effectiveRank(), 1e-12);
    assertEquals(1, one.stableRank(), 1e-12);
    assertEquals(1, one.srank());
    assertEquals(1, one.approximateRank());
  }

  @Test
  void ranksAreNullWhereNotAskedForAndOnTheOutputLayer() {
    for (LayerMeasures m : measured.get(1).layers()) {
      assertNull(m.ranks());
    }
    for (int s = 0; s < P; s++) {
      assertNull(measured.get(s).layers().get(SIZES.length - 2).ranks());
    }
  }
}
