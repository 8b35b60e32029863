package org.deadrelu.model.result;

import java.io.Serializable;

/**
 * One layer at one checkpoint. Gradient norms are of the mean probe-set loss (no regularization).
 *
 * @param saturatedFraction mean saturated rate (sigmoid, tanh), null otherwise
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
    double meanBias)
    implements Serializable {}
