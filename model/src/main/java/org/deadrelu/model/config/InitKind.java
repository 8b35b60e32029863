package org.deadrelu.model.config;

/** Weight initializers; the initial bias is a separate constant. */
public enum InitKind {
  HE_NORMAL,
  HE_UNIFORM,
  XAVIER_NORMAL,
  XAVIER_UNIFORM,
  LECUN_NORMAL
}
