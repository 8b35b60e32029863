package org.deadrelu.jobs;

import org.apache.spark.sql.SparkSession;

/** One local-mode SparkSession per test JVM (Spark allows one SparkContext per JVM). */
public final class SparkTestSession {
  private static SparkSession spark;

  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    if (spark == null) {
      spark = SparkSession.builder()
          .appName("deadrelu-tests")
          .master("local[2]")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.ui.showConsoleProgress", "false")
          .getOrCreate();
    }
    return spark;
  }
}
