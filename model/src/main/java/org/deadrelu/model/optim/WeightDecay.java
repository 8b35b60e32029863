package org.deadrelu.model.optim;

import java.util.List;
import org.deadrelu.model.population.Parameter;
import org.deadrelu.model.population.SmallElementwise;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * L2 weight decay: adds (lambda / 2) |p|^2 to each network's objective, so lambda * p to its
 * gradient. Weights are always decayed; biases and PReLU slopes only when that network's
 * {@code decay_bias} is set (a swept choice, because common code silently differs here). The
 * strengths live in each parameter's {@code decay} array.
 */
public final class WeightDecay {
  private WeightDecay() {}

  /** gradient += decay * value, for every parameter with a decay array. */
  public static void addGradient(List<Parameter> parameters) {
    for (Parameter p : parameters) {
      if (p.decay() == null) {
        continue;
      }
      if (SmallElementwise.suits(p.gradient(), p.decay(), p.value())) {
        SmallElementwise.addProduct(p.gradient(), p.decay(), p.value());
      } else {
        Nd4j.exec(new MulOp(p.value(), p.decay(), p.scratch()));
        p.gradient().addi(p.scratch());
      }
    }
  }

  /** Each network's regularization term, sum of (decay / 2) value^2. */
  public static double[] penalty(List<Parameter> parameters, int population) {
    double[] total = new double[population];
    for (Parameter p : parameters) {
      if (p.decay() == null) {
        continue;
      }
      INDArray sq = p.value().mul(p.value()).muli(p.decay());
      int[] dims = new int[sq.rank() - 1];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = i + 1;
      }
      double[] s = Nd4j.exec(new Sum(sq, dims)).toDoubleVector();
      for (int k = 0; k < population; k++) {
        total[k] += 0.5 * s[k];
      }
    }
    return total;
  }
}
