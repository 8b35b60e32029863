package org.deadrelu.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One trainable array of the network with its gradient buffer, updated in place.
 *
 * @param layer layer index, 0 = first hidden layer; the output layer is last
 */
public record Parameter(int layer, ParameterKind kind, INDArray value, INDArray gradient) {}
