package org.deadrelu.jobs.run;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a wave's rows were computed with: the distinct environments its tasks reported, each with the
 * trials it computed, so that every trial of the wave has exactly one. The ledger keeps it as JSON
 * beside the wave's manifest ({@code _deadrelu/provenance/wave-NNNNNN.json}), field names in
 * snake_case like the tables' columns.
 *
 * @param committedAt when the driver committed the wave (UTC, ISO-8601)
 * @param environments the distinct environments, in the order the wave's shards reported them
 */
record WaveProvenance(String committedAt, List<EnvironmentTrials> environments) {
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** One environment's fields, then the trials computed in it. */
  record EnvironmentTrials(@JsonUnwrapped Environment environment, List<String> trials) {}

  static WaveProvenance of(List<ShardResult> results, Instant committedAt) {
    Map<Environment, List<String>> trials = new LinkedHashMap<>();
    for (ShardResult r : results) {
      trials.computeIfAbsent(r.environment(), e -> new ArrayList<>()).addAll(r.statusByTrial().keySet());
    }
    List<EnvironmentTrials> environments = new ArrayList<>();
    trials.forEach((e, ids) -> environments.add(new EnvironmentTrials(e, ids)));
    return new WaveProvenance(committedAt.toString(), environments);
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a wave's provenance is plain strings and numbers: " + e.getMessage(), e);
    }
  }
}
