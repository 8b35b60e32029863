package org.deadrelu.model.config;

/** The column types a setting can have in the trials table, named as the schema pin spells them. */
public enum ColumnType {
  STRING,
  INT,
  BIGINT,
  DOUBLE,
  BOOLEAN
}
