package org.deadrelu.jobs.cli;

import org.deadrelu.model.EngineVersion;
import picocli.CommandLine.IVersionProvider;

final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"deadrelu " + (v == null ? "dev" : v) + ", engine " + EngineVersion.current()};
  }
}
