package org.deadrelu.model.result;

import java.io.Serializable;

/**
 * One neuron at one checkpoint. {@code dead} is over the training split T (its first rows where
 * probe.death_rows bounds them); the other measures, {@code maxPreact} among them, over the probe
 * set P, a seeded sample of T.
 *
 * @param layer 0 = first hidden layer; the output layer is the last index
 * @param activeRate fraction of P with z > 0
 * @param maxPreact max over the probe set of z
 * @param meanAbsAct mean over P of |h|
 * @param dormantScore meanAbsAct / (the layer's mean of meanAbsAct + 1e-9)
 * @param dormant dormantScore <= tau
 * @param dead f'(z) = 0 on every row of T, so the neuron's incoming weights and bias get no
 *     gradient: relu with z <= 0 on all of T (z < 0 when relu_grad_at_zero is 1); never for the
 *     other activations; on data whose task changes, T is the current task's training inputs
 * @param deadGlobal f'(z) = 0 on the training inputs of every task seen so far (the current one
 *     included, so it implies {@code dead}); null on data whose task does not change, where it would be
 *     {@code dead}
 * @param saturatedRate fraction of P with |f'(z)| < eps, for sigmoid and tanh; null otherwise
 * @param gradNorm L2 norm of the probe-set loss gradient with respect to the incoming weights
 * @param gradDormancyScore gradNorm / (the layer's mean of gradNorm + 1e-9): Liu et al.'s
 *     gradient-based dormancy (GraMa, 2025)
 * @param bias the neuron's bias
 * @param weightNorm L2 norm of the incoming weights
 * @param outgoingWeightNorm L2 norm of the weights into the next layer; null for the output layer
 * @param slope the negative-side slope (leaky family), null otherwise
 * @param bornDead dead at step 0
 * @param deathStep first checkpoint from which the neuron is dead at every later checkpoint; null if
 *     alive at the last one
 * @param revivals dead-to-alive transitions between consecutive checkpoints up to this one
 */
public record NeuronRecord(
    int step,
    int layer,
    int neuron,
    boolean outputLayer,
    double activeRate,
    double maxPreact,
    double meanAbsAct,
    double dormantScore,
    boolean dormant,
    boolean dead,
    Boolean deadGlobal,
    Double saturatedRate,
    double gradNorm,
    double gradDormancyScore,
    double bias,
    double weightNorm,
    Double outgoingWeightNorm,
    Double slope,
    boolean bornDead,
    Integer deathStep,
    int revivals)
    implements Serializable {}
