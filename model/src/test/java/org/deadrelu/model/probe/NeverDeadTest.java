package org.deadrelu.model.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.net.Pass;
import org.deadrelu.model.net.PopulationNetwork;
import org.deadrelu.model.population.Parameter;
import org.deadrelu.model.population.ParameterKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which activations can die, shown by the gradient itself rather than by
 * {@link ActivationKind#canDie}: on DeadNeuronTest's network, hidden neuron 0 has z = x - 10,
 * negative on every row. The gradient backpropagation gives its incoming weight and bias is checked
 * against finite differences of the loss: not 0 for every kind but ReLU, exactly 0 for ReLU (and so
 * is the difference, the loss not moving at all) whichever derivative it takes at 0.
 */
class NeverDeadTest {
  private static final double[] X = DeadNeuronTest.X;
  private static final INDArray Y = DeadNeuronTest.Y;
  /** The neuron whose pre-activation x - 10 is negative on every row. */
  private static final int NEURON = 0;
  /** The finite-difference step: it moves the neuron's z by at most 3 H, so z stays below -6.9. */
  private static final double H = 1e-2;
  private static final double RELATIVE = 1e-6;

  private record Network(PopulationNetwork net, Pass pass) {
    double loss() {
      net.forward(pass);
      return net.loss(pass, Y)[0];
    }

    /** d(loss)/d(value[index]) by a central difference of step h; value is left as it was. */
    double centralDifference(INDArray value, long index, double h) {
      double original = value.getDouble(index);
      value.putScalar(index, original + h);
      double up = loss();
      value.putScalar(index, original - h);
      double down = loss();
      value.putScalar(index, original);
      return (up - down) / (2 * h);
    }

    /**
     * Central differences of steps H and H/2 combined (Richardson extrapolation) so that their
     * h^2 errors cancel: a step this large keeps the rounding of the loss small next to gradients
     * of 1e-7 (tanh's, deep in saturation), which a step of 1e-6 would not.
     */
    double finiteDifference(INDArray value, long index) {
      return (4 * centralDifference(value, index, H / 2) - centralDifference(value, index, H)) / 3;
    }
  }

  /** DeadNeuronTest's network, with the gradients of one pass over its four rows. */
  private static Network network(ActivationKind kind, int reluGradAtZero) {
    PopulationNetwork net = DeadNeuronTest.handBuilt(kind, reluGradAtZero);
    Pass pass = net.pass("check", X.length);
    pass.input().assign(Nd4j.create(X, new long[] {1, X.length, 1}, DataType.DOUBLE));
    net.forward(pass);
    net.loss(pass, Y);
    net.backward(pass);
    return new Network(net, pass);
  }

  @Test
  void theNeuronIsNegativeOnEveryRow() {
    for (ActivationKind kind : ActivationKind.values()) {
      INDArray z = network(kind, 0).pass().z(0);
      for (int r = 0; r < X.length; r++) {
        assertEquals(X[r] - 10, z.getDouble(0, r, NEURON), 0.0, kind + ", row " + r);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = ActivationKind.class, names = "RELU", mode = EnumSource.Mode.EXCLUDE)
  void everyOtherActivationPassesAGradientToANeuronNegativeOnEveryRow(ActivationKind kind) {
    Network n = network(kind, 0);
    double weightGradient = n.net().weightGradient(0).getDouble(NEURON);
    double biasGradient = n.net().biasGradient(0).getDouble(NEURON);
    matchesTheLoss(kind + " weight", weightGradient, n.finiteDifference(n.net().weights(0), NEURON));
    matchesTheLoss(kind + " bias", biasGradient, n.finiteDifference(n.net().bias(0), NEURON));
  }

  @Test
  void preluAlsoLearnsTheSlopeOfANeuronNegativeOnEveryRow() {
    Network n = network(ActivationKind.PRELU, 0);
    Parameter slope = n.net().parameters().stream()
        .filter(p -> p.kind() == ParameterKind.SLOPE && p.layer() == 0)
        .findFirst().orElseThrow();
    matchesTheLoss("PRELU slope", slope.gradient().getDouble(NEURON), n.finiteDifference(slope.value(), NEURON));
  }

  @ParameterizedTest(name = "relu_grad_at_zero {0}")
  @ValueSource(ints = {0, 1})
  void reluPassesNoGradientAtAllToANeuronNegativeOnEveryRow(int atZero) {
    Network n = network(ActivationKind.RELU, atZero);
    assertEquals(0.0, n.net().weightGradient(0).getDouble(NEURON), 0.0, "weight gradient");
    assertEquals(0.0, n.net().biasGradient(0).getDouble(NEURON), 0.0, "bias gradient");
    assertEquals(0.0, n.centralDifference(n.net().weights(0), NEURON, H), 0.0, "the loss ignores the weight");
    assertEquals(0.0, n.centralDifference(n.net().bias(0), NEURON, H), 0.0, "the loss ignores the bias");
    // the same pass does reach a live neuron (1: z = x), so the zeros above are the neuron's own
    matchesTheLoss("live neuron's weight", n.net().weightGradient(0).getDouble(1),
        n.finiteDifference(n.net().weights(0), 1));
  }

  private static void matchesTheLoss(String what, double analytic, double numeric) {
    assertNotEquals(0.0, analytic, what + " gradient is 0");
    assertTrue(Math.abs(numeric) > 0, what + ": the loss does not move");
    assertEquals(numeric, analytic, RELATIVE * Math.abs(numeric), what + " gradient against finite differences of the loss");
  }
}
