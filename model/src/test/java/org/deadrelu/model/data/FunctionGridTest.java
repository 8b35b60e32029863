package org.deadrelu.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deadrelu.model.DataException;
import org.junit.jupiter.api.Test;

class FunctionGridTest {

  private static double[] xs(LabeledTable t) {
    double[] x = new double[t.rows()];
    for (int i = 0; i < x.length; i++) {
      x[i] = t.features()[i][0];
    }
    return x;
  }

  @Test
  void absWithoutNoiseIsExactlyAbsOnTheGridEndsAndCentre() {
    LabeledTable t = FunctionGrid.generate(101, "abs", 0.0, 1);
    assertEquals(101, t.rows());
    assertEquals(1, t.columns());
    assertEquals(-1.0, t.features()[0][0]);
    assertEquals(1.0, t.labels()[0]);
    assertEquals(0.0, t.features()[50][0]);
    assertEquals(0.0, t.labels()[50]);
    assertEquals(1.0, t.features()[100][0]);
    assertEquals(1.0, t.labels()[100]);
  }

  @Test
  void gridIsEvenlySpacedFromMinusOneToOne() {
    LabeledTable t = FunctionGrid.generate(5, "square", 0.0, 1);
    assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, xs(t), 1e-15);
    assertArrayEquals(new double[] {1, 0.25, 0, 0.25, 1}, t.labels(), 1e-15);
  }

  @Test
  void sinAndStepHaveTheirValuesAtHandPickedPoints() {
    LabeledTable sin = FunctionGrid.generate(5, "sin", 0.0, 1);
    assertArrayEquals(new double[] {0, -1, 0, 1, 0}, sin.labels(), 1e-15);
    LabeledTable step = FunctionGrid.generate(5, "step", 0.0, 1);
    // step at exactly 0 is 0: the jump is strictly after the origin
    assertArrayEquals(new double[] {0, 0, 0, 1, 1}, step.labels());
  }

  @Test
  void unknownFunctionIsRejectedListingTheAcceptedNames() {
    DataException e =
        assertThrows(DataException.class, () -> FunctionGrid.generate(10, "cube", 0.0, 1));
    for (String name : new String[] {"cube", "abs", "sin", "square", "step"}) {
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
  }

  @Test
  void sameSeedGivesSameNoiseAndAnotherSeedDifferentNoise() {
    LabeledTable a = FunctionGrid.generate(50, "abs", 0.1, 4);
    LabeledTable b = FunctionGrid.generate(50, "abs", 0.1, 4);
    LabeledTable c = FunctionGrid.generate(50, "abs", 0.1, 5);
    assertArrayEquals(a.labels(), b.labels());
    assertFalse(java.util.Arrays.equals(a.labels(), c.labels()));
    assertArrayEquals(xs(a), xs(c));
  }
}
