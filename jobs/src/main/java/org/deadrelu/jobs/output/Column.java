package org.deadrelu.jobs.output;

import java.util.function.Function;
import org.apache.spark.sql.types.DataType;

/** One column of an output table: its name, Spark type, whether it may be null, and how to read it. */
public record Column<R>(String name, DataType type, boolean nullable, Function<R, Object> value) {}
