package org.deadrelu.model.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.deadrelu.model.config.HeadKind;
import org.deadrelu.model.net.head.Head;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Accuracy against its definition, computed here from the probabilities themselves: the share of
 * rows whose most probable class (the first, on a tie) is the target; a row with no distribution
 * (ReLU normalization with no positive output) predicts nothing. Three networks, one of them NaN,
 * with rows of tied outputs.
 */
class HeadAccuracyTest {
  private static final int P = 3;
  private static final int ROWS = 200;
  private static final int CLASSES = 4;

  private static double[][][] logits() {
    SplittableRandom rng = new SplittableRandom(5);
    double[][][] z = new double[P][ROWS][CLASSES];
    for (int s = 0; s < P; s++) {
      for (int r = 0; r < ROWS; r++) {
        for (int j = 0; j < CLASSES; j++) {
          // every fifth row all negative: ReLU normalization has no distribution there
          z[s][r][j] = s == 2 ? Double.NaN : r % 5 == 0 ? -1 - rng.nextDouble() : rng.nextGaussian() * 3;
        }
        if (r % 7 == 3 && s != 2) {
          // a tie for the top: classes 1 and 2 share the largest output, and the first one is predicted
          z[s][r][1] = z[s][r][2] = 10.0 + r;
        }
      }
    }
    return z;
  }

  private static double[][][] targets() {
    double[][][] y = new double[P][ROWS][CLASSES];
    for (int s = 0; s < P; s++) {
      for (int r = 0; r < ROWS; r++) {
        y[s][r][(r * 7 + s) % CLASSES] = 1;
      }
    }
    return y;
  }

  /** The definition: probabilities first, then the first most probable class. */
  private static double expected(HeadKind kind, double[][] z, double[][] y) {
    int right = 0;
    for (int r = 0; r < ROWS; r++) {
      double[] p = new double[CLASSES];
      double total = 0;
      for (int j = 0; j < CLASSES; j++) {
        p[j] = kind == HeadKind.SOFTMAX ? Math.exp(z[r][j]) : Math.max(z[r][j], 0);
        total += p[j];
      }
      int best = -1;
      double bestP = 0;
      for (int j = 0; j < CLASSES; j++) {
        if (total > 0 && p[j] / total > bestP) {
          best = j;
          bestP = p[j] / total;
        }
      }
      right += best >= 0 && y[r][best] == 1 ? 1 : 0;
    }
    return (double) right / ROWS;
  }

  @Test
  void accuracyIsTheShareOfRowsWhoseMostProbableClassIsTheTarget() {
    double[][][] z = logits();
    double[][][] y = targets();
    for (HeadKind kind : new HeadKind[] {HeadKind.SOFTMAX, HeadKind.RELU_NORMALIZE}) {
      for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
        INDArray zs = Nd4j.create(z).castTo(type);
        double[] got = Head.of(kind).accuracy(zs, Nd4j.create(y).castTo(type));
        double[][][] rounded = type == DataType.FLOAT ? floats(z) : z;
        for (int s = 0; s < 2; s++) {
          assertEquals(expected(kind, rounded[s], y[s]), got[s], 0.0, kind + " " + type + ", network " + s);
        }
        assertEquals(0.0, got[2], kind + ": a NaN network predicts nothing");
        assertTrue(got[0] > 0.1 && got[0] < 0.9, "a test that can tell right from wrong: " + got[0]);
      }
    }
  }

  /**
   * The accuracy a head gives with its loss (the softmax head scores rows in its loss loop) is the
   * definition's too, and the loss and gradient beside it are bit for bit those of the loss alone.
   */
  @Test
  void accuracyWithTheLossIsTheSameAccuracyAndLeavesTheLossUnchanged() {
    double[][][] z = logits();
    double[][][] y = targets();
    for (HeadKind kind : new HeadKind[] {HeadKind.SOFTMAX, HeadKind.RELU_NORMALIZE}) {
      for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
        INDArray zs = Nd4j.create(z).castTo(type);
        INDArray ys = Nd4j.create(y).castTo(type);
        double[][][] rounded = type == DataType.FLOAT ? floats(z) : z;
        INDArray dzAlone = zs.ulike();
        double[] lossAlone = Head.of(kind).lossAndGradient(zs, ys, zs.ulike(), dzAlone, Nd4j.create(type, P));
        INDArray dz = zs.ulike();
        Head.Scores withGradient = Head.of(kind).lossGradientAndAccuracy(zs, ys, zs.ulike(), dz, Nd4j.create(type, P));
        Head.Scores evaluated = Head.of(kind).lossAndAccuracy(zs, ys, zs.ulike(), zs.ulike(), Nd4j.create(type, P));
        for (Head.Scores got : new Head.Scores[] {withGradient, evaluated}) {
          for (int s = 0; s < 2; s++) {
            assertEquals(expected(kind, rounded[s], y[s]), got.accuracy()[s], 0.0, kind + " " + type + ", network " + s);
          }
          assertEquals(0.0, got.accuracy()[2], kind + ": a NaN network predicts nothing");
          assertArrayEquals(lossAlone, got.loss(), 0.0, kind + " " + type + ": the losses");
        }
        assertArrayEquals(dzAlone.ravel().toDoubleVector(), dz.ravel().toDoubleVector(), 0.0, kind + " " + type + ": the gradient");
      }
    }
  }

  @Test
  void aRegressionHeadHasNoAccuracy() {
    double[] got = Head.of(HeadKind.LINEAR).accuracy(Nd4j.zeros(DataType.FLOAT, 2, 5, 1), Nd4j.zeros(DataType.FLOAT, 2, 5, 1));
    assertArrayEquals(new double[] {Double.NaN, Double.NaN}, got);
  }

  private static double[][][] floats(double[][][] z) {
    double[][][] f = new double[P][ROWS][CLASSES];
    for (int s = 0; s < P; s++) {
      for (int r = 0; r < ROWS; r++) {
        for (int j = 0; j < CLASSES; j++) {
          f[s][r][j] = (float) z[s][r][j];
        }
      }
    }
    return f;
  }
}
