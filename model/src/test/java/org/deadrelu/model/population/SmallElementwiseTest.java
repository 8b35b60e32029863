package org.deadrelu.model.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The loops give what the engine's ND4J ops give, value for value, the odd values included. */
class SmallElementwiseTest {

  /** [3, 4, 5] of random values with NaN, both zeros and both infinities among them. */
  private static INDArray values(DataType t, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] v = new double[60];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextDouble(-2, 2);
    }
    v[3] = Double.NaN;
    v[7] = 0.0;
    v[11] = -0.0;
    v[13] = Double.POSITIVE_INFINITY;
    v[17] = Double.NEGATIVE_INFINITY;
    v[19] = 1e-40; // a float subnormal
    return Nd4j.create(v, new long[] {3, 4, 5}, DataType.DOUBLE).castTo(t);
  }

  private static void assertSameValues(INDArray want, INDArray got, String what) {
    double[] w = want.dup().data().asDouble();
    double[] g = got.dup().data().asDouble();
    for (int i = 0; i < w.length; i++) {
      // NaN equals NaN here; +0 and -0 count as one value, as they do in every later sum
      assertTrue(Double.isNaN(w[i]) ? Double.isNaN(g[i]) : w[i] == g[i], what + " at " + i + ": " + w[i] + " vs " + g[i]);
    }
  }

  @Test
  void reluAndItsDerivativeMatchTheNd4jOps() {
    for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
      INDArray z = values(t, 1);
      // the ND4J way, as Relu does it for f'(0) = 0 ...
      INDArray h0 = z.ulike();
      INDArray d0 = z.ulike();
      Nd4j.exec(new RectifiedLinear(z, h0, 0.0));
      Nd4j.exec(new Sign(h0, d0));
      // ... and for f'(0) = 1: d = 1 - [-z > 0], h = z d
      INDArray d1 = z.neg();
      Nd4j.exec(new Step(d1, d1, 0.0));
      d1.rsubi(1.0);
      INDArray h1 = z.ulike();
      Nd4j.exec(new MulOp(z, d1, h1));
      INDArray h = z.ulike();
      INDArray d = z.ulike();
      SmallElementwise.relu(z, h, d, 0);
      assertSameValues(h0, h, t + " h, f'(0) = 0");
      assertSameValues(d0, d, t + " d, f'(0) = 0");
      SmallElementwise.relu(z, h, d, 1);
      assertSameValues(h1, h, t + " h, f'(0) = 1");
      assertSameValues(d1, d, t + " d, f'(0) = 1");
      INDArray out = z.ulike();
      SmallElementwise.reluDerivative(z, out, 0);
      assertSameValues(d0, out, t + " derivative, f'(0) = 0");
      SmallElementwise.reluDerivative(z, out, 1);
      assertSameValues(d1, out, t + " derivative, f'(0) = 1");
    }
  }

  @Test
  void theProductMatchesTheNd4jOpBitForBit() {
    for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
      INDArray a = values(t, 2);
      INDArray b = values(t, 3);
      INDArray want = a.ulike();
      Nd4j.exec(new MulOp(a, b, want));
      INDArray got = a.ulike();
      SmallElementwise.multiply(a, b, got);
      assertSameValues(want, got, t + " product");
    }
  }

  @Test
  void theDecayTermMatchesWeightDecaysTwoNd4jOps() {
    for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
      INDArray g = values(t, 4);
      INDArray d = values(t, 5).muli(1e-3);
      INDArray v = values(t, 6);
      INDArray want = g.dup();
      INDArray scratch = g.ulike();
      Nd4j.exec(new MulOp(v, d, scratch));
      want.addi(scratch);
      INDArray got = g.dup();
      SmallElementwise.addProduct(got, d, v);
      assertSameValues(want, got, t + " g + d v");
    }
  }

  @Test
  void largeArraysViewsAndMixedTypesAreLeftToNd4j() {
    assertTrue(SmallElementwise.suits(Nd4j.create(DataType.FLOAT, 3, 4, 5)));
    assertFalse(SmallElementwise.suits(Nd4j.create(DataType.FLOAT, 1, 1, SmallElementwise.MAX_ELEMENTS + 1)));
    INDArray wide = Nd4j.create(DataType.FLOAT, 3, 4, 10);
    assertFalse(SmallElementwise.suits(wide.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 5))));
    assertFalse(SmallElementwise.suits(Nd4j.create(DataType.FLOAT, 3, 4, 5), Nd4j.create(DataType.DOUBLE, 3, 4, 5)));
    assertEquals(false, SmallElementwise.suits(Nd4j.create(DataType.INT, 3, 4, 5)));
  }
}
