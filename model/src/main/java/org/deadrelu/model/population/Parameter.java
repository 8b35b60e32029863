package org.deadrelu.model.population;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One trainable array of a population with its gradient, its weight-decay strengths (an array of
 * the same shape, null when nothing is decayed) and a scratch buffer for the optimizer. All are
 * allocated once and updated in place.
 */
public record Parameter(int layer, ParameterKind kind, INDArray value, INDArray gradient, INDArray decay,
    INDArray scratch) {}
