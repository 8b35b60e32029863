package org.deadrelu.model.train;

import java.util.ArrayList;
import java.util.List;
import org.deadrelu.model.config.TrialConfig;
import org.deadrelu.model.probe.DeathTracker;
import org.deadrelu.model.probe.FeatureRanks;
import org.deadrelu.model.probe.LayerMeasures;
import org.deadrelu.model.probe.ProbeMeasurement;
import org.deadrelu.model.result.CurvePoint;
import org.deadrelu.model.result.EventRecord;
import org.deadrelu.model.revival.PendingEvent;
import org.deadrelu.model.result.LayerRecord;
import org.deadrelu.model.result.NeuronRecord;
import org.deadrelu.model.result.TrialOutput;
import org.deadrelu.model.result.TrialStatus;
import org.deadrelu.model.result.TrialSummary;

/**
 * Collects a trial's checkpoints as it trains and turns them into table rows at the end, when each
 * neuron's death step is known. Whatever was recorded survives a divergence or an error.
 */
public final class TrialRecorder {
  private final TrialConfig config;
  private final List<ProbeMeasurement> probes = new ArrayList<>();
  private final List<CurvePoint> curves = new ArrayList<>();
  /** Per checkpoint, death over every task seen (per layer and neuron); null entries on stationary data. */
  private final List<boolean[][]> deadGlobal = new ArrayList<>();
  /** The online-error windows, in step order. */
  private final List<CurvePoint> windows = new ArrayList<>();
  private final DeathTracker deaths = new DeathTracker();
  private final List<PendingEvent> events = new ArrayList<>();
  private String dataset = "";
  private String probeSet = "";
  private int probeSize;
  private int trainRows;
  private int deathRows;

  public TrialRecorder(TrialConfig config) {
    this.config = config;
  }

  /**
   * @param trainRows rows of the training split
   * @param deathRows how many of them death is decided on
   */
  public void describeData(String dataset, String probeSet, int probeSize, int trainRows, int deathRows) {
    this.dataset = dataset;
    this.probeSet = probeSet;
    this.probeSize = probeSize;
    this.trainRows = trainRows;
    this.deathRows = deathRows;
  }

  public void checkpoint(ProbeMeasurement m, CurvePoint curve) {
    checkpoint(m, curve, null);
  }

  /** @param deadOnEveryTask per layer and neuron, dead over every task seen; null on data whose task does not change */
  public void checkpoint(ProbeMeasurement m, CurvePoint curve, boolean[][] deadOnEveryTask) {
    probes.add(m);
    curves.add(curve);
    deadGlobal.add(deadOnEveryTask);
    deaths.record(m);
  }

  /** The online-error window that ends at {@code point}'s step. */
  public void window(CurvePoint point) {
    windows.add(point);
  }

  public void intervened(List<PendingEvent> e) {
    events.addAll(e);
  }

  /** Gives the interventions still waiting for it the training loss of the step after them. */
  public void lossAfterInterventions(double loss) {
    for (int i = events.size() - 1; i >= 0 && events.get(i).lossAfter == null; i--) {
      events.get(i).lossAfter = loss;
    }
  }

  public boolean measured(int step) {
    return !probes.isEmpty() && probes.get(probes.size() - 1).step() == step;
  }

  /** When a divergence is measured off schedule, its curve point carries that step's own loss. */
  public void replaceTrainLoss(double loss) {
    CurvePoint c = curves.remove(curves.size() - 1);
    curves.add(c.withTrainLoss(loss));
  }

  /** @param wallMillis this trial's share of its population's training time */
  public TrialOutput finish(TrialStatus status, String error, int stepsCompleted, Integer divergedStep,
      long wallMillis) {
    List<LayerRecord> layers = new ArrayList<>();
    List<NeuronRecord> neurons = new ArrayList<>();
    for (int c = 0; c < probes.size(); c++) {
      ProbeMeasurement m = probes.get(c);
      boolean[][] global = deadGlobal.get(c);
      for (int l = 0; l < m.layers().size(); l++) {
        LayerMeasures lm = m.layers().get(l);
        FeatureRanks r = lm.ranks();
        layers.add(new LayerRecord(m.step(), l, lm.outputLayer(), lm.width(), lm.deadFraction(),
            lm.dormantFraction(), lm.saturatedFraction(), lm.meanActiveRate(), lm.weightGradNorm(),
            lm.biasGradNorm(), lm.weightNorm2(), lm.meanBias(), r == null ? null : r.effectiveRank(),
            r == null ? null : r.stableRank(), r == null ? null : r.srank(), r == null ? null : r.approximateRank()));
        for (int i = 0; i < lm.width(); i++) {
          neurons.add(new NeuronRecord(m.step(), l, i, lm.outputLayer(), lm.activeRate()[i],
              lm.maxPreact()[i], lm.meanAbsAct()[i], lm.dormantScore()[i], lm.dormant()[i],
              lm.dead()[i], global == null ? null : global[l][i], lm.saturatedRate() == null ? null : lm.saturatedRate()[i],
              lm.gradNorm()[i], lm.gradDormancyScore()[i], lm.bias()[i], lm.weightNorm()[i],
              lm.outgoingWeightNorm() == null ? null : lm.outgoingWeightNorm()[i],
              lm.slope() == null ? null : lm.slope()[i], deaths.bornDead(l, i),
              deaths.deathStep(l, i), deaths.revivalsUpTo(c, l, i)));
        }
      }
    }
    return new TrialOutput(config, summary(status, error, stepsCompleted, divergedStep, wallMillis), layers,
        neurons, curveRows(), settle());
  }

  /** The checkpoints' points and the windows' in step order, one row where both fall on a step. */
  private List<CurvePoint> curveRows() {
    List<CurvePoint> rows = new ArrayList<>();
    int w = 0;
    for (CurvePoint c : curves) {
      while (w < windows.size() && windows.get(w).step() < c.step()) {
        rows.add(windows.get(w++));
      }
      if (w < windows.size() && windows.get(w).step() == c.step()) {
        rows.add(c.withWindow(windows.get(w++)));
      } else {
        rows.add(c);
      }
    }
    rows.addAll(windows.subList(w, windows.size()));
    return List.copyOf(rows);
  }

  /** Each intervention's outcome, read off the neuron's dead flags at the checkpoints after it. */
  private List<EventRecord> settle() {
    List<EventRecord> out = new ArrayList<>();
    int last = deaths.checkpoints() - 1;
    for (PendingEvent e : events) {
      int next = 0;
      while (next <= last && deaths.stepAt(next) <= e.step) {
        next++;
      }
      boolean revived = next <= last && !deaths.deadAt(next, e.layer, e.neuron);
      int survived = 0;
      if (revived) {
        int again = next;
        while (again <= last && !deaths.deadAt(again, e.layer, e.neuron)) {
          again++;
        }
        survived = (again <= last ? deaths.stepAt(again) : deaths.stepAt(last)) - e.step;
      }
      out.add(new EventRecord(e.step, e.layer, e.neuron, e.kind, e.magnitude, revived, survived,
          e.lossBefore, e.lossAfter));
    }
    return out;
  }

  private TrialSummary summary(TrialStatus status, String error, int stepsCompleted, Integer divergedStep,
      long wall) {
    if (probes.isEmpty()) {
      return new TrialSummary(status, error, stepsCompleted, divergedStep, null, null, null, null,
          null, null, List.of(), null, 0, 0, 0, null, null, null, null, 0, probeSet, probeSize,
          trainRows, deathRows, dataset, wall);
    }
    ProbeMeasurement first = probes.get(0);
    ProbeMeasurement last = probes.get(probes.size() - 1);
    CurvePoint lastCurve = curves.get(curves.size() - 1);
    List<Double> byLayer = new ArrayList<>();
    int hidden = 0;
    int bornDead = 0;
    int revivals = 0;
    for (int l = 0; l < last.layers().size(); l++) {
      LayerMeasures lm = last.layers().get(l);
      if (lm.outputLayer()) {
        continue;
      }
      byLayer.add(lm.deadFraction());
      hidden += lm.width();
      for (int i = 0; i < lm.width(); i++) {
        bornDead += deaths.bornDead(l, i) ? 1 : 0;
        revivals += deaths.revivalsUpTo(probes.size() - 1, l, i);
      }
    }
    return new TrialSummary(status, error, stepsCompleted, divergedStep, lastCurve.trainLoss(),
        last.loss(), lastCurve.probeAccuracy(), lastCurve.testLoss(), lastCurve.testAccuracy(),
        last.hiddenDeadFraction(), byLayer, last.hiddenDormantFraction(), hidden, bornDead, revivals,
        last.outputConstant(), first.outputConstant(), last.zeroLayer(), first.zeroLayer(), probes.size(),
        probeSet, probeSize, trainRows, deathRows, dataset, wall);
  }
}
