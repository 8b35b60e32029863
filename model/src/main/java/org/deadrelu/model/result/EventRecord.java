package org.deadrelu.model.result;

import java.io.Serializable;

/**
 * One intervention of a revival strategy on one neuron, and what came of it.
 *
 * @param step the step before whose update the intervention happened (warming, kick, redo), or after
 *     whose update (shrink, perturb, cbp)
 * @param kind warming, kick, redo, shrink, perturb or cbp
 * @param magnitude warming: the offset gamma; kick: sigma; redo: the norm of the fresh incoming weights;
 *     shrink: lambda; perturb: sigma; cbp: the replaced neuron's bias-corrected contribution utility
 * @param revived the neuron is alive (not dead) at the first checkpoint after the intervention
 * @param stepsSurvived from the intervention to the first later checkpoint at which it is dead
 *     again, or to the last checkpoint if it never is; 0 when not revived
 * @param lossBefore the training loss of the step just before (null at step 0)
 * @param lossAfter the training loss of the step just after (null if training ended first)
 */
public record EventRecord(
    int step,
    int layer,
    int neuron,
    String kind,
    double magnitude,
    boolean revived,
    int stepsSurvived,
    Double lossBefore,
    Double lossAfter)
    implements Serializable {}
