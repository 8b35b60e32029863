package org.deadrelu.model.net.activation;

import java.util.IdentityHashMap;
import java.util.Map;
import org.deadrelu.model.config.ActivationKind;
import org.deadrelu.model.population.SmallElementwise;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * f(z) = max(z, 0). f'(z) = 1 for z > 0 and 0 for z < 0; at exactly 0 it is {@code gradAtZero}
 * (0 or 1), a setting because frameworks differ and a neuron sitting at 0 lives or dies by it.
 */
public final class Relu implements Activation {
  /** Kept ops at most; past it they are dropped and made again (a network meets a handful of passes). */
  private static final int KEPT_OPS = 64;
  private final int gradAtZero;
  /**
   * The ops run on each pass's pre-activations, kept: a new scalar op allocates its scalar in native
   * memory, about 20 us, three times the op itself on a training batch of a small population. A
   * network's passes keep their arrays, so the same few ops serve every step.
   */
  private final Map<INDArray, RectifiedLinear> relus = new IdentityHashMap<>();

  public Relu(int gradAtZero) {
    if (gradAtZero != 0 && gradAtZero != 1) {
      throw new IllegalArgumentException("relu_grad_at_zero must be 0 or 1, got " + gradAtZero);
    }
    this.gradAtZero = gradAtZero;
  }

  @Override
  public ActivationKind kind() {
    return ActivationKind.RELU;
  }

  @Override
  public void forward(INDArray z, INDArray param, INDArray h, INDArray d, INDArray scratch) {
    if (SmallElementwise.suits(z, h, d)) {
      SmallElementwise.relu(z, h, d, gradAtZero);
    } else if (gradAtZero == 0) {
      Nd4j.exec(relu(z, h));
      Nd4j.exec(new Sign(h, d)); // h >= 0, so sign(h) = [z > 0]: cheaper here than a comparison op
    } else {
      derivative(z, param, d);
      Nd4j.exec(new MulOp(z, d, h)); // z * f'(z) is f(z), since f(0) = 0
    }
  }

  @Override
  public void values(INDArray z, INDArray param, INDArray h, INDArray d, INDArray scratch) {
    if (gradAtZero == 0 && !SmallElementwise.suits(z, h, d)) {
      Nd4j.exec(relu(z, h)); // forward's h, without the derivative
    } else {
      forward(z, param, h, d, scratch);
    }
  }

  /** h = max(z, 0) as an op kept for this pair of arrays. */
  private RectifiedLinear relu(INDArray z, INDArray h) {
    RectifiedLinear op = relus.get(z);
    if (op == null || op.z() != h) {
      if (relus.size() >= KEPT_OPS) {
        relus.clear();
      }
      op = new RectifiedLinear(z, h, 0.0);
      relus.put(z, op);
    }
    return op;
  }

  /** With f'(0) = 1 the engine forms h as z f'(z), which is NaN where z is -infinity, not 0. */
  @Override
  public boolean valuesArePositivePart() {
    return gradAtZero == 0;
  }

  /** f'(z) = 0 on every row iff z <= 0 on all (z < 0 on all when f'(0) = 1: a row at exactly 0 still teaches). */
  @Override
  public boolean zeroGradientBelow(double maxPreact) {
    return gradAtZero == 0 ? maxPreact <= 0 : maxPreact < 0;
  }

  @Override
  public void derivative(INDArray z, INDArray param, INDArray out) {
    if (SmallElementwise.suits(z, out)) {
      SmallElementwise.reluDerivative(z, out, gradAtZero);
    } else if (gradAtZero == 0) {
      Nd4j.exec(new Step(z, out, 0.0)); // [z > 0]
    } else {
      out.assign(z).negi();
      Nd4j.exec(new Step(out, out, 0.0)); // [z < 0]
      out.rsubi(1.0); // [z >= 0]
    }
  }
}
