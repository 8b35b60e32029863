package org.deadrelu.jobs.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The tables are the analysts' contract: their columns, types and nullability are pinned here. A
 * change to a schema is deliberate: update the file under src/test/resources/schema, the README's
 * table reference, and the engine version if values change meaning.
 */
class SchemaPinTest {

  static String describe(StructType schema) {
    return Arrays.stream(schema.fields())
        .map(f -> f.name() + " " + f.dataType().simpleString() + (f.nullable() ? " null" : ""))
        .collect(Collectors.joining("\n")) + "\n";
  }

  @Test
  void everyTableSchemaIsThePinnedOne() throws IOException {
    for (Table<?> t : Tables.all()) {
      String pinned = Files.readString(Path.of("src/test/resources/schema", t.name() + ".txt"));
      assertEquals(pinned, describe(t.schema()), "schema of " + t.name());
    }
  }

  @Test
  void everyTableStartsWithSweepAndTrialId() {
    for (Table<?> t : Tables.all()) {
      assertEquals(List.of("sweep", "trial_id"), Arrays.asList(t.schema().fieldNames()).subList(0, 2));
    }
  }
}
