package org.deadrelu.model.data;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.deadrelu.model.DataException;

/**
 * 1-D regression of a named function on an evenly spaced grid over [-1, 1]. Small, exact targets
 * such as |x| (two ReLUs) make it easy to see which units a fit needs and which have died.
 */
public final class FunctionGrid {
  private FunctionGrid() {}

  /** The accepted function names, in the order messages list them. */
  public static final List<String> FUNCTIONS = List.of("abs", "sin", "square", "step");

  /** x_i = -1 + 2i / (samples - 1), y_i = f(x_i) + noise * N(0, 1). */
  public static LabeledTable generate(int samples, String function, double noise, long seed) {
    String source = name(samples, function, noise);
    DoubleUnaryOperator f = function(source, function);
    GeneratorSettings.atLeast(source, "data.samples", samples, LabeledTable.MIN_ROWS);
    GeneratorSettings.noise(source, noise);
    Random rng = new Random(seed); // fixed algorithm across JDKs, see Blobs
    double[][] x = new double[samples][1];
    double[] y = new double[samples];
    for (int i = 0; i < samples; i++) {
      // 2.0 * i / (n - 1) is exactly 1 at the middle of an odd grid and 2 at the end: x hits -1, 0, 1
      double xi = -1 + 2.0 * i / (samples - 1);
      x[i][0] = xi;
      y[i] = f.applyAsDouble(xi) + noise * rng.nextGaussian();
    }
    return new LabeledTable(source, new String[] {"x"}, x, y);
  }

  private static DoubleUnaryOperator function(String source, String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    switch (key) {
      case "abs":
        return Math::abs;
      case "sin":
        return v -> Math.sin(Math.PI * v);
      case "square":
        return v -> v * v;
      case "step":
        return v -> v > 0 ? 1 : 0;
      default:
        throw new DataException(source + ": unknown data.function '" + name + "'; accepted: "
            + String.join(", ", FUNCTIONS));
    }
  }

  static String name(int samples, String function, double noise) {
    return "function(" + function + ",n=" + samples + ",noise=" + noise + ")";
  }
}
