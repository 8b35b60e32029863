package org.deadrelu.model.result;

import java.io.Serializable;

/** One intervention of a revival strategy on one neuron, and what came of it. */
public record EventRecord(
    int step,
    int layer,
    int neuron,
    String kind,
    double magnitude,
    boolean revived,
    int stepsSurvived,
    double lossBefore,
    double lossAfter)
    implements Serializable {}
