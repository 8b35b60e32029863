package org.deadrelu.model.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

class SlopeSelectTest {
  /** z's odd values: both zeros, both infinities, NaN, the smallest subnormals, the largest float. */
  private static final float[] ODD = {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
      Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL};

  /** The op chain the leaky family ran before: d = [z > 0] (1 - a) + a, a broadcast over rows. */
  private static INDArray byOps(INDArray z, INDArray slope) {
    INDArray d = z.ulike();
    Nd4j.exec(new Step(z, d, 0.0));
    INDArray oneMinus = z.ulike().assign(1.0).subi(slope);
    return d.muli(oneMinus).addi(slope);
  }

  private static INDArray population(int p, int rows, int width, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] v = new float[p * rows * width];
    for (int i = 0; i < v.length; i++) {
      v[i] = i < ODD.length * 3 ? ODD[i % ODD.length] : (float) rng.nextDouble(-2, 2);
    }
    return Nd4j.create(v, new long[] {p, rows, width}, 'c');
  }

  /** Per network and neuron slopes: fixed alphas, 0, 1, above 1, negative (a learned slope), tiny, NaN. */
  private static INDArray slopes(int p, int width) {
    float[] kinds = {0.01f, 0.1f, 0.3f, 0f, 1f, 1.7f, -0.2f, 1e-30f, Float.NaN, 0.999f};
    float[] v = new float[p * width];
    for (int i = 0; i < v.length; i++) {
      v[i] = kinds[(i * 7) % kinds.length];
    }
    return Nd4j.create(v, new long[] {p, 1, width}, 'c');
  }

  @Test
  void givesTheOpChainsBitsOnOddValuesAndUnevenSlopes() {
    for (int[] shape : new int[][] {{3, 100, 70}, {2, 5, 3}, {64, 32, 32}, {1, 1, 1}}) {
      INDArray z = population(shape[0], shape[1], shape[2], shape[0]);
      INDArray slope = slopes(shape[0], shape[2]);
      INDArray want = byOps(z, slope);
      INDArray got = z.ulike().assign(12345f); // stale contents must be overwritten
      assertTrue(SlopeSelect.suits(z, slope, got));
      SlopeSelect.derivative(z, slope, got);
      float[] w = want.data().asFloat();
      float[] g = got.data().asFloat();
      int nans = 0;
      for (int i = 0; i < w.length; i++) {
        if (Float.isNaN(w[i])) {
          nans++;
          assertTrue(Float.isNaN(g[i]), "at " + i);
        } else {
          assertEquals(Float.floatToRawIntBits(w[i]), Float.floatToRawIntBits(g[i]), "at " + i + ": " + w[i] + " vs " + g[i]);
        }
      }
      assertTrue(shape[0] * shape[2] < 9 || nans > 0, "a NaN slope was exercised");
    }
  }

  @Test
  void picksTheSlopeOfEachNeuronByTheSignOfZ() {
    // closed form, independent of the op chain: above 0 the positive side ((1 - a) + a, 1 for these a), else a
    INDArray z = Nd4j.create(new float[] {-1f, 2f, 0f, -0f, 5f, -3f, Float.NaN, 1e-45f}, new long[] {2, 2, 2}, 'c');
    INDArray slope = Nd4j.create(new float[] {0.25f, 0.5f, 0.125f, 0.75f}, new long[] {2, 1, 2}, 'c');
    INDArray d = z.ulike();
    SlopeSelect.derivative(z, slope, d);
    float[] want = {0.25f, 1f, 0.25f, 0.5f, 1f, 0.75f, 0.125f, 1f};
    float[] got = d.data().asFloat();
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], "at " + i);
    }
  }

  @Test
  void takesOnlyWholeFloatArraysOfMatchingShapes() {
    INDArray z = Nd4j.zeros(DataType.FLOAT, 2, 3, 4);
    INDArray slope = Nd4j.zeros(DataType.FLOAT, 2, 1, 4);
    assertTrue(SlopeSelect.suits(z, slope, z.ulike()));
    assertFalse(SlopeSelect.suits(z.castTo(DataType.DOUBLE), slope.castTo(DataType.DOUBLE), z.ulike().castTo(DataType.DOUBLE)));
    assertFalse(SlopeSelect.suits(z, Nd4j.zeros(DataType.FLOAT, 2, 1, 3), z.ulike()));
    assertFalse(SlopeSelect.suits(z, slope, Nd4j.zeros(DataType.FLOAT, 2, 3, 5)));
    assertFalse(SlopeSelect.suits(z, null, z.ulike()));
    assertFalse(SlopeSelect.suits(Nd4j.zeros(DataType.FLOAT, 2, 4, 3).permute(0, 2, 1), slope, z.ulike()));
    // the loop works in chunks, so any size suits
    INDArray large = Nd4j.zeros(DataType.FLOAT, 2, SlopeSelect.CHUNK, 4);
    assertTrue(SlopeSelect.suits(large, slope, large.ulike()));
  }

  /**
   * Shapes that cut the arrays every way the chunks can: many networks per chunk (and a last chunk
   * of fewer), one network per chunk exactly, a network longer than a chunk (its rows in several
   * chunks, the last one short), a row longer than a chunk.
   */
  private static final int[][] CHUNKED = {
    {90, 1, 5}, {7, 3, 100}, {3, SlopeSelect.CHUNK / 8, 8}, {2, SlopeSelect.CHUNK / 32 + 3, 96},
    {64, 256, 32}, {2, 3, SlopeSelect.CHUNK + 5}};

  @Test
  void givesTheOpChainsBitsWhateverTheChunks() {
    for (int[] shape : CHUNKED) {
      INDArray z = population(shape[0], shape[1], shape[2], shape[1]);
      INDArray slope = slopes(shape[0], shape[2]);
      INDArray got = z.ulike().assign(12345f);
      SlopeSelect.derivative(z, slope, got);
      assertSameBits(byOps(z, slope), got, java.util.Arrays.toString(shape));
    }
  }

  @Test
  void forwardGivesTheDerivativeAndItsProductWithZAsNd4jsMultiply() {
    for (int[] shape : CHUNKED) {
      INDArray z = population(shape[0], shape[1], shape[2], 31 * shape[0]);
      INDArray slope = slopes(shape[0], shape[2]);
      INDArray d = z.ulike().assign(12345f);
      INDArray h = z.ulike().assign(-777f);
      SlopeSelect.forward(z, slope, d, h);
      INDArray wantD = byOps(z, slope);
      assertSameBits(wantD, d, "d " + java.util.Arrays.toString(shape));
      INDArray wantH = z.ulike();
      Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp(z, wantD, wantH));
      assertSameBits(wantH, h, "h " + java.util.Arrays.toString(shape));
    }
  }

  @Test
  void forwardRefusesAnOutputOfAnotherShapeOrType() {
    INDArray z = Nd4j.zeros(DataType.FLOAT, 2, 3, 4);
    INDArray slope = Nd4j.zeros(DataType.FLOAT, 2, 1, 4);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> SlopeSelect.forward(z, slope, z.ulike(), Nd4j.zeros(DataType.FLOAT, 2, 4, 3)));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> SlopeSelect.forward(z, slope, z.ulike(), Nd4j.zeros(DataType.DOUBLE, 2, 3, 4)));
  }

  /** Equal bits everywhere, NaN for NaN (ND4J and Java may form different NaN payloads). */
  private static void assertSameBits(INDArray want, INDArray got, String what) {
    float[] w = want.data().asFloat();
    float[] g = got.data().asFloat();
    assertEquals(w.length, g.length, what);
    for (int i = 0; i < w.length; i++) {
      if (Float.isNaN(w[i])) {
        assertTrue(Float.isNaN(g[i]), what + " at " + i);
      } else {
        assertEquals(Float.floatToRawIntBits(w[i]), Float.floatToRawIntBits(g[i]), what + " at " + i + ": " + w[i] + " vs " + g[i]);
      }
    }
  }
}
