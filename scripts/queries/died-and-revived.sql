-- Hidden neurons that were dead at some checkpoint and alive at a later one (died, then revived),
-- with the first checkpoint at which each was dead and the last one at which it was alive.
SELECT d.trial_id, d.layer, d.neuron, min(d.step) AS first_dead_step, max(a.step) AS last_alive_step
FROM neurons d
JOIN neurons a
  ON a.trial_id = d.trial_id AND a.layer = d.layer AND a.neuron = d.neuron AND a.step > d.step
WHERE d.dead AND NOT a.dead AND NOT d.output_layer
GROUP BY d.trial_id, d.layer, d.neuron
ORDER BY d.trial_id, d.layer, d.neuron
