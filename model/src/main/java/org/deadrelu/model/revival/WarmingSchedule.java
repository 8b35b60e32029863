package org.deadrelu.model.revival;

/**
 * Bias warming's offset over time: gamma for the first {@code hold} steps, then annealed to exactly
 * 0 over {@code anneal} steps, and 0 from then on. Linear falls evenly; cosine follows half a cosine
 * wave; exponential decays as e^(-5u), shifted and scaled so it ends at exactly 0.
 */
public record WarmingSchedule(double gamma, int hold, int anneal, String shape) {
  private static final double EXPONENTIAL_RATE = 5.0;

  public double offsetAt(int step) {
    if (step < hold) {
      return gamma;
    }
    if (anneal == 0 || step >= hold + anneal) {
      return 0.0;
    }
    double u = (step - hold) / (double) anneal; // in [0, 1)
    return gamma * switch (shape) {
      case "linear" -> 1 - u;
      case "cosine" -> 0.5 * (1 + Math.cos(Math.PI * u));
      case "exponential" -> (Math.exp(-EXPONENTIAL_RATE * u) - Math.exp(-EXPONENTIAL_RATE))
          / (1 - Math.exp(-EXPONENTIAL_RATE));
      default -> throw new IllegalArgumentException("unknown warming schedule " + shape
          + "; accepted: linear, cosine, exponential");
    };
  }
}
