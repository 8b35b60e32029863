package org.deadrelu.model.result;

import java.io.Serializable;

/**
 * Losses at one logged step.
 *
 * @param trainLoss mean minibatch loss over the steps since the previous log; null at step 0
 * @param probeAccuracy null for regression
 * @param testLoss null when nothing is held out
 * @param warmingOffset the bias-warming offset in force (0 without warming)
 */
public record CurvePoint(
    int step,
    Double trainLoss,
    double probeLoss,
    Double probeAccuracy,
    Double testLoss,
    Double testAccuracy,
    double lr,
    double warmingOffset)
    implements Serializable {}
