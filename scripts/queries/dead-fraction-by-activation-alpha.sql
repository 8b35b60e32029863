-- Final dead fraction of hidden neurons by activation and alpha (NULL alpha: plain ReLU and others
-- without one), over trials that finished, with the number of trials.
SELECT activation, alpha, count(*) AS trials, avg(dead_fraction) AS mean_dead_fraction
FROM trials
WHERE status = 'ok'
GROUP BY activation, alpha
ORDER BY activation, alpha NULLS FIRST
