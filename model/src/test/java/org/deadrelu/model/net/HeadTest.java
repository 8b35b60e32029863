package org.deadrelu.model.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.net.head.Head;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The heads' losses against values computed by hand. */
class HeadTest {
  // two rows, three classes; row 0 is class 0, row 1 is class 1
  private static final INDArray Z = Nd4j.create(new double[][][] {{{2.0, 1.0, -1.0}, {0.5, -0.5, 3.0}}});
  private static final INDArray Y = Nd4j.create(new double[][][] {{{1, 0, 0}, {0, 1, 0}}});

  /** The mean loss of the population of one. */
  private static double loss(HeadKind kind, INDArray z, INDArray y) {
    return Head.of(kind).lossAndGradient(z, y, z.ulike(), z.ulike(), Nd4j.create(z.dataType(), 1))[0];
  }

  @Test
  void reluNormalizeGivesAnInfiniteLossWhereTheTrueClassGetsProbabilityZero() {
    // row 1: relu(z) = (0.5, 0, 3), so the true class 1 gets p = 0
    assertEquals(Double.POSITIVE_INFINITY, loss(HeadKind.RELU_NORMALIZE, Z, Y));
  }

  @Test
  void softmaxOnTheSameInputStaysFiniteAndMatchesTheClosedForm() {
    double row0 = -2.0 + Math.log(Math.exp(2) + Math.exp(1) + Math.exp(-1));
    double row1 = 0.5 + Math.log(Math.exp(0.5) + Math.exp(-0.5) + Math.exp(3));
    double loss = loss(HeadKind.SOFTMAX, Z, Y);
    assertTrue(Double.isFinite(loss));
    assertEquals((row0 + row1) / 2, loss, 1e-12);
  }

  @Test
  void reluNormalizeMatchesTheClosedFormWhereEveryTrueClassIsPositive() {
    INDArray y = Nd4j.create(new double[][][] {{{1, 0, 0}, {0, 0, 1}}});
    double row0 = -Math.log(2.0 / 3.0);
    double row1 = -Math.log(3.0 / 3.5);
    assertEquals((row0 + row1) / 2, loss(HeadKind.RELU_NORMALIZE, Z, y), 1e-12);
  }

  @Test
  void meanSquaredErrorIsTheMeanOverRowsAndOutputs() {
    INDArray z = Nd4j.create(new double[][][] {{{1.0}, {3.0}}});
    INDArray y = Nd4j.create(new double[][][] {{{0.0}, {1.0}}});
    assertEquals((1.0 + 4.0) / 2, loss(HeadKind.LINEAR, z, y), 1e-12);
  }

  @Test
  void theLossWithoutTheGradientIsTheSameLossAndLeavesDzAlone() {
    // a population of two: one ordinary network, one with a NaN logit (its loss NaN), in float
    INDArray z = Nd4j.create(new float[] {2f, 1f, -1f, 0.5f, -0.5f, 3f, Float.NaN, 0f, 1f, 4f, 4f, 4f},
        new long[] {2, 2, 3}, 'c');
    INDArray y = Nd4j.create(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0}, new long[] {2, 2, 3}, 'c');
    for (HeadKind kind : HeadKind.values()) {
      INDArray target = kind == HeadKind.LINEAR ? z.add(1) : y;
      double[] withGradient = Head.of(kind).lossAndGradient(z, target, z.ulike(), z.ulike(), Nd4j.create(z.dataType(), 2));
      INDArray untouched = Nd4j.valueArrayOf(z.shape(), 7.0, z.dataType());
      double[] alone = Head.of(kind).loss(z, target, z.ulike(), untouched, Nd4j.create(z.dataType(), 2));
      for (int s = 0; s < 2; s++) {
        assertEquals(withGradient[s], alone[s], 0.0, kind + ", network " + s);
      }
      if (kind == HeadKind.SOFTMAX) {
        assertTrue(Double.isNaN(alone[1]), "a NaN logit makes the loss NaN");
        assertEquals(7.0 * 12, untouched.sumNumber().doubleValue(), 0.0, "no gradient written");
      }
    }
  }

  @Test
  void softmaxGradientIsProbabilitiesMinusTargetsOverRows() {
    INDArray dz = Z.ulike();
    Head.of(HeadKind.SOFTMAX).lossAndGradient(Z, Y, Z.ulike(), dz, Nd4j.create(Z.dataType(), 1));
    double[][] z = {{2.0, 1.0, -1.0}, {0.5, -0.5, 3.0}};
    double[][] y = {{1, 0, 0}, {0, 1, 0}};
    for (int r = 0; r < 2; r++) {
      double total = Math.exp(z[r][0]) + Math.exp(z[r][1]) + Math.exp(z[r][2]);
      for (int j = 0; j < 3; j++) {
        assertEquals((Math.exp(z[r][j]) / total - y[r][j]) / 2, dz.getDouble(0, r, j), 1e-12, "row " + r + " class " + j);
      }
    }
  }

  @Test
  void softmaxStaysFiniteForHugeLogitsAndANaNNetworkLeavesItsNeighbourAlone() {
    // network 0: the logits of Z shifted by 1000 (same loss: softmax ignores a shift); network 1: a NaN
    INDArray z = Nd4j.concat(0, Z.add(1000.0), Z.dup());
    z.putScalar(new long[] {1, 1, 2}, Double.NaN);
    INDArray y = Nd4j.concat(0, Y, Y);
    INDArray dz = z.ulike();
    double[] loss = Head.of(HeadKind.SOFTMAX).lossAndGradient(z, y, z.ulike(), dz, Nd4j.create(z.dataType(), 2));
    assertEquals(loss(HeadKind.SOFTMAX, Z, Y), loss[0], 1e-9);
    assertTrue(Double.isNaN(loss[1]), "the NaN network's loss is NaN, got " + loss[1]);
    for (double g : dz.slice(0).dup().data().asDouble()) {
      assertTrue(Double.isFinite(g), "network 0's gradient is finite, got " + g);
    }
  }

  @Test
  void floatArraysGiveTheDoubleLossesToFloatPrecision() {
    for (HeadKind kind : new HeadKind[] {HeadKind.SOFTMAX, HeadKind.LINEAR}) {
      double exact = loss(kind, Z, Y);
      double single = loss(kind, Z.castTo(DataType.FLOAT), Y.castTo(DataType.FLOAT));
      assertEquals(exact, single, 1e-6 * Math.abs(exact), kind.toString());
    }
  }

  /**
   * Softmax's loss and gradient, bit for bit, against the textbook loop that takes exp of every
   * element (z - max included): the head leaves out exp(0), which must be exactly 1. Rows with tied
   * largest logits, -inf logits, +inf, NaN and 2 to 5 classes.
   */
  @Test
  void softmaxGivesTheBitsOfAnExpOnEveryElement() {
    assertEquals(1.0, Math.exp(0.0));
    assertEquals(1.0, Math.exp(-0.0));
    java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
    for (int classes = 2; classes <= 5; classes++) {
      int rows = 40;
      double[] z = new double[2 * rows * classes];
      double[] y = new double[z.length];
      for (int i = 0; i < z.length; i++) {
        z[i] = rng.nextGaussian() * 3;
      }
      for (int r = 0; r < 2 * rows; r++) {
        int at = r * classes;
        y[at + rng.nextInt(classes)] = 1;
        switch (r % 8) {
          case 1 -> z[at + 1] = z[at]; // a tie, possibly for the largest
          case 2 -> java.util.Arrays.fill(z, at, at + classes, 0.75); // every logit tied
          case 3 -> z[at] = Double.NEGATIVE_INFINITY;
          case 4 -> z[at + classes - 1] = Double.POSITIVE_INFINITY;
          case 5 -> z[at] = Double.NaN;
          default -> { }
        }
      }
      INDArray zs = Nd4j.create(z, new long[] {2, rows, classes}, DataType.DOUBLE);
      INDArray ys = Nd4j.create(y, new long[] {2, rows, classes}, DataType.DOUBLE);
      INDArray dz = zs.ulike();
      double[] loss = Head.of(HeadKind.SOFTMAX).lossAndGradient(zs, ys, zs.ulike(), dz, Nd4j.create(DataType.DOUBLE, 2));
      double[] g = dz.data().asDouble();
      for (int s = 0; s < 2; s++) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
          int at = (s * rows + r) * classes;
          double max = Double.NEGATIVE_INFINITY;
          for (int j = 0; j < classes; j++) {
            max = Math.max(max, z[at + j]);
          }
          double[] e = new double[classes];
          double total = 0;
          for (int j = 0; j < classes; j++) {
            e[j] = Math.exp(z[at + j] - max);
            total += e[j];
          }
          double logTotal = max + Math.log(total);
          for (int j = 0; j < classes; j++) {
            if (y[at + j] != 0) {
              sum -= y[at + j] * (z[at + j] - logTotal);
            }
            double expected = (e[j] / total - y[at + j]) / rows;
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(g[at + j]),
                classes + " classes, network " + s + ", row " + r + ", class " + j + ": " + expected + " vs " + g[at + j]);
          }
        }
        assertEquals(Double.doubleToLongBits(sum / rows), Double.doubleToLongBits(loss[s]), classes + " classes, network " + s);
      }
    }
  }
}
