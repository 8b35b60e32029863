package org.deadrelu.jobs.cli;

import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.deadrelu.jobs.UserInputException;

/**
 * The one place a SparkSession is built. Under spark-submit the master and settings come from it;
 * run directly, the default is local mode on every core, bound to the loopback address, with one
 * shuffle partition per core.
 */
final class SparkSessions {
  private SparkSessions() {}

  static SparkSession create(String appName, String master, List<String> confs) {
    SparkConf conf = new SparkConf().setAppName(appName);
    for (String kv : confs) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new UserInputException("--conf " + kv + ": expected KEY=VALUE, e.g. --conf spark.executor.memory=2g");
      }
      conf.set(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
    }
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    if (conf.get("spark.master").startsWith("local")) {
      for (Map.Entry<String, String> e : Map.of(
          "spark.driver.host", "127.0.0.1",
          "spark.driver.bindAddress", "127.0.0.1",
          "spark.ui.showConsoleProgress", "false").entrySet()) {
        if (!conf.contains(e.getKey())) {
          conf.set(e.getKey(), e.getValue());
        }
      }
    }
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    if (conf.get("spark.master").startsWith("local") && !conf.contains("spark.sql.shuffle.partitions")) {
      // Spark's default of 200 shuffle partitions turns every aggregation of a small table into 200 tasks
      spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(spark.sparkContext().defaultParallelism()));
    }
    return spark;
  }
}
