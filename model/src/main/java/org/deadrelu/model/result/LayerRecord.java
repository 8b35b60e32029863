package org.deadrelu.model.result;

import java.io.Serializable;

/**
 * One layer at one checkpoint. Gradient norms are of the mean probe-set loss (no regularization).
 *
 * @param saturatedFraction mean saturated rate (sigmoid, tanh), null otherwise
 * @param effectiveRank the layer's probe-set features' effective rank (Roy and Vetterli); the rank
 *     measures are null for the output layer, when probe.ranks is off, or when a feature is not finite
 * @param stableRank their stable rank, sum(sigma^2) / max(sigma)^2
 * @param srank the fewest singular values holding 99% of their sum (Kumar et al. 2021)
 * @param approximateRank the fewest squared singular values holding 99% of their sum
 */
public record LayerRecord(
    int step,
    int layer,
    boolean outputLayer,
    int width,
    double deadFraction,
    double dormantFraction,
    Double saturatedFraction,
    double meanActiveRate,
    double weightGradNorm,
    double biasGradNorm,
    double weightNorm,
    double meanBias,
    Double effectiveRank,
    Double stableRank,
    Integer srank,
    Integer approximateRank)
    implements Serializable {}
