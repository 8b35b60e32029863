package org.deadrelu.model.result;

import java.io.Serializable;
import java.util.List;
import org.deadrelu.model.config.TrialConfig;

/** Everything one trial produced: a row for each of the five tables. */
public record TrialOutput(
    TrialConfig config,
    TrialSummary summary,
    List<LayerRecord> layers,
    List<NeuronRecord> neurons,
    List<CurvePoint> curves,
    List<EventRecord> events)
    implements Serializable {

  public String trialId() {
    return config.trialId();
  }
}
