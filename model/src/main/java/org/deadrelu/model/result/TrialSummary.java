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
 * @param deadFraction hidden neurons dead (over the training split) at the last checkpoint
 * @param collapsed every output of the network is exactly the same on every probe row at the last
 *     checkpoint
 * @param collapsedAtInit ... at step 0 (Lu et al.'s "born dead" network)
 * @param zeroLayer the first hidden layer whose output is 0 on every probe row at the last
 *     checkpoint (what makes the network constant); null if none
 * @param zeroLayerAtInit ... at step 0
 * @param trainRows rows of the training split
 * @param deathRows how many of them death was decided on (all, unless probe.death_rows bounds them)
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
    Integer zeroLayer,
    Integer zeroLayerAtInit,
    int checkpoints,
    String probeSet,
    int probeSize,
    int trainRows,
    int deathRows,
    String dataset,
    long wallMillis)
    implements Serializable {}
