-- Effect of weight decay on the biases: mean final hidden bias and dead fraction, by lambda and
-- whether decay touches the biases, at each trial's last checkpoint.
SELECT t.l2, t.decay_bias, count(DISTINCT t.trial_id) AS trials,
       avg(n.bias) AS mean_bias, avg(CAST(n.dead AS DOUBLE)) AS dead_fraction
FROM trials t
JOIN neurons n ON n.trial_id = t.trial_id
WHERE NOT n.output_layer
  AND n.step = (SELECT max(m.step) FROM neurons m WHERE m.trial_id = t.trial_id)
GROUP BY t.l2, t.decay_bias
ORDER BY t.l2, t.decay_bias
