package org.deadrelu.model.config;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * One fully resolved trial: a value for every setting of its catalog (see {@link Settings}), plus
 * its seed. Immutable, and valid: a builder refuses values a setting does not accept and settings
 * that do not go together. {@link #trialId()} hashes its canonical form, so the same trial always
 * has the same id.
 *
 * <p>Settings that mean nothing for the trial are null (alpha for plain ReLU, momentum for Adam,
 * noise for the digits), so two spellings of one trial hash alike.
 */
public final class TrialConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final SettingCatalog catalog;
  /** By the catalog's order; null where a setting does not apply. */
  private final Object[] values;
  private final long seed;
  private transient String canonical;

  private TrialConfig(SettingCatalog catalog, Object[] values, long seed) {
    this.catalog = catalog;
    this.values = values;
    this.seed = seed;
  }

  /** A builder of trials with the project's settings, every one at its default. */
  public static Builder builder() {
    return SettingCatalog.standard().builder();
  }

  /** A builder holding this trial's values (a dropped setting is back at its default). */
  public Builder toBuilder() {
    Builder b = catalog.builder().seed(seed);
    List<Setting<?>> settings = catalog.settings();
    for (int i = 0; i < values.length; i++) {
      b.put(settings.get(i), values[i]);
    }
    return b;
  }

  /** The setting's value; null where it means nothing for this trial. */
  public <T> T get(Setting<T> setting) {
    return setting.cast(values[catalog.indexOf(setting)]);
  }

  /** The trial's seed: initialization, shuffling, probe-set draw. */
  public long seed() {
    return seed;
  }

  public SettingCatalog catalog() {
    return catalog;
  }

  public boolean isClassification() {
    return Settings.CLASSIFICATION.equals(get(Settings.DATA_TASK));
  }

  /** The canonical text of every setting except the seed: equal exactly when two configurations are. */
  public String canonicalConfig() {
    if (canonical == null) {
      canonical = canonical(s -> true);
    }
    return canonical;
  }

  /**
   * The canonical text of the settings {@code which} selects: "key=value;" for each that holds a
   * value, in catalog order, leaving out those at a default their declaration keeps out of ids.
   */
  public String canonical(Predicate<Setting<?>> which) {
    StringBuilder s = new StringBuilder();
    List<Setting<?>> settings = catalog.settings();
    for (int i = 0; i < values.length; i++) {
      Setting<?> setting = settings.get(i);
      Object v = values[i];
      boolean atOmittedDefault = setting.hashedOnlyOffDefault() && v != null && v.equals(setting.fixedDefault());
      if (v != null && !atOmittedDefault && which.test(setting)) {
        s.append(setting.path()).append('=').append(setting.textOf(v)).append(';');
      }
    }
    return s.toString();
  }

  /** Hash of the configuration without the seed: replicates share it. */
  public String configId() {
    return hash(canonicalConfig());
  }

  /** Hash of the configuration and the seed: the trial's identity across runs, retries and resumes. */
  public String trialId() {
    return hash(canonicalConfig() + "seed=" + seed + ";");
  }

  private static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrialConfig c && c.seed == seed && Arrays.equals(c.values, values) && c.catalog.equals(catalog);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + Long.hashCode(seed);
  }

  @Override
  public String toString() {
    return "TrialConfig[" + canonicalConfig() + "seed=" + seed + "]";
  }

  /**
   * Values for a trial: each setting is given with {@link #set} or keeps its default (which for
   * some follows from others: data.task from data.source). {@link #build} checks them all.
   */
  public static final class Builder {
    private final SettingCatalog catalog;
    private final Object[] given;
    private long seed;

    Builder(SettingCatalog catalog) {
      this.catalog = catalog;
      this.given = new Object[catalog.size()];
    }

    /** Gives the setting a value; null takes it back to its default. */
    public <T> Builder set(Setting<T> setting, T value) {
      return put(setting, value);
    }

    /** As {@link #set}, for a value read generically (a sweep file's); it must be of the setting's type. */
    public Builder put(Setting<?> setting, Object value) {
      Object v = setting.cast(value);
      // a list (hidden widths) is copied, so no caller can change a trial after it is built
      given[catalog.indexOf(setting)] = v instanceof List<?> list ? List.copyOf(list) : v;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public long seed() {
      return seed;
    }

    /** The values as the trial would have them before dropping what does not apply: given, else default. */
    public SettingValues resolve() {
      return new Resolution(catalog, given.clone());
    }

    /** What {@link #build} would refuse; empty when it would build. */
    public List<Violation> violations() {
      return new Resolution(catalog, given.clone()).violations();
    }

    /**
     * @throws InvalidSettingException naming each setting whose value is not accepted (and what
     *     is), or the settings that do not go together
     */
    public TrialConfig build() {
      Resolution r = new Resolution(catalog, given.clone());
      List<Violation> violations = r.violations();
      if (!violations.isEmpty()) {
        throw new InvalidSettingException(violations);
      }
      return new TrialConfig(catalog, r.trialValues(), seed);
    }
  }
}
