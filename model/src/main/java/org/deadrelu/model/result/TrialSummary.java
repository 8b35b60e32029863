package org.deadrelu.model.result;

import java.io.Serializable;
import java.util.List;

/**
 * A trial's outcome in one row. Fractions count hidden neurons only; "final" values are from the
 * last checkpoint measured.
 *
 * @param divergedStep step at which a non-finite value appeared; null unless diverged
 * @param deadFractionByLayer final dead fraction of each hidden layer, input side first
 * @param bornDead hidden neurons dead at step 0
 * @param collapsed the network's output is constant over the probe set at the last checkpoint
 * @param collapsedAtInit ... at step 0 (Lu et al.'s "born dead" network)
 */
public record TrialSummary(
    TrialStatus status,
    String error,
    int stepsCompleted,
    Integer divergedStep,
    Double finalTrainLoss,
    Double finalProbeLoss,
    Double finalProbeAccuracy,
    Double finalTestLoss,
    Double finalTestAccuracy,
    Double deadFraction,
    List<Double> deadFractionByLayer,
    Double dormantFraction,
    int hiddenNeurons,
    int bornDead,
    int revivals,
    Boolean collapsed,
    Boolean collapsedAtInit,
    int checkpoints,
    String probeSet,
    int probeSize,
    String dataset,
    long wallMillis)
    implements Serializable {}
