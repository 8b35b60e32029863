package org.deadrelu.model.probe;

/**
 * Rank measures of a layer's feature matrix (rows: probe rows; columns: the layer's neurons'
 * post-activations), all functions of its singular values sigma_1 >= ... >= sigma_n. A matrix of
 * zeros (a layer whose every output is 0) has every measure 0.
 *
 * @param effectiveRank exp of the Shannon entropy of sigma / sum(sigma) (Roy and Vetterli 2007; the
 *     effective rank Dohare et al. 2024 track); between 1 and the rank for a nonzero matrix
 * @param stableRank sum(sigma^2) / sigma_1^2 (the squared Frobenius norm over the squared spectral
 *     norm); between 1 and the rank for a nonzero matrix
 * @param srank the smallest k whose top k singular values hold at least 99% of sum(sigma) (Kumar et
 *     al. 2021, delta = 0.01)
 * @param approximateRank the smallest k whose top k squared singular values hold at least 99% of
 *     sum(sigma^2), the "approximate rank" of Dohare et al.'s public code (after Yang et al. 2020)
 */
public record FeatureRanks(double effectiveRank, double stableRank, int srank, int approximateRank) {
  /** The share of the singular values (srank) or their squares (approximateRank) the top k must hold. */
  public static final double HELD = 0.99;

  /** The measures of a matrix with these singular values (non-negative, in any order). */
  public static FeatureRanks fromSingularValues(double[] singularValues) {
    double[] sigma = singularValues.clone();
    java.util.Arrays.sort(sigma);
    int n = sigma.length;
    double sum = 0;
    double sumSquares = 0;
    for (double s : sigma) {
      sum += s;
      sumSquares += s * s;
    }
    if (n == 0 || sigma[n - 1] == 0) {
      return new FeatureRanks(0, 0, 0, 0);
    }
    double entropy = 0;
    for (double s : sigma) {
      double p = s / sum;
      if (p > 0) {
        entropy -= p * Math.log(p); // 0 log 0 = 0
      }
    }
    double top = sigma[n - 1];
    return new FeatureRanks(Math.exp(entropy), sumSquares / (top * top), heldBy(sigma, sum, false),
        heldBy(sigma, sumSquares, true));
  }

  /** How many of the largest values (or their squares) it takes to reach HELD of {@code total}. */
  private static int heldBy(double[] ascending, double total, boolean squared) {
    double held = 0;
    int k = 0;
    for (int i = ascending.length - 1; i >= 0; i--) {
      held += squared ? ascending[i] * ascending[i] : ascending[i];
      k++;
      if (held >= HELD * total) {
        break;
      }
    }
    return k;
  }
}
