/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import java.util.Objects;

/**
 * Settings a rule may read while it runs. Immutable; made with {@link #builder()} (fields may be
 * added without breaking callers) or {@link #of(PssLevel, PssVersion)}.
 */
public final class ScanSettings {

  private static final ScanSettings DEFAULTS = builder().build();

  private final PssLevel pssLevel;
  private final PssVersion pssVersion;
  private final String defaultNamespace;

  private ScanSettings(Builder b) {
    this.pssLevel = b.pssLevel;
    this.pssVersion = b.pssVersion;
    this.defaultNamespace = b.defaultNamespace;
  }

  /** Restricted, latest, namespace {@code default}. */
  public static ScanSettings defaults() {
    return DEFAULTS;
  }

  /** The defaults with this Pod Security Standards level and version. */
  public static ScanSettings of(PssLevel pssLevel, PssVersion pssVersion) {
    return builder().pssLevel(pssLevel).pssVersion(pssVersion).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    return new Builder().pssLevel(pssLevel).pssVersion(pssVersion).defaultNamespace(defaultNamespace);
  }

  /** The Pod Security Standards level the profile evaluates ({@code restricted} for every profile but {@code pss-baseline}). */
  public PssLevel pssLevel() {
    return pssLevel;
  }

  /** The Pod Security Standards version to apply. */
  public PssVersion pssVersion() {
    return pssVersion;
  }

  /**
   * The namespace a namespaced object without {@code metadata.namespace} is applied to:
   * {@code default} unless the user says otherwise (what {@code kubectl apply -n} would give).
   */
  public String defaultNamespace() {
    return defaultNamespace;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScanSettings s && s.pssLevel == pssLevel && s.pssVersion.equals(pssVersion)
        && s.defaultNamespace.equals(defaultNamespace);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pssLevel, pssVersion, defaultNamespace);
  }

  @Override
  public String toString() {
    return "ScanSettings[pssLevel=" + pssLevel + ", pssVersion=" + pssVersion + ", defaultNamespace="
        + defaultNamespace + "]";
  }

  /** Builds {@link ScanSettings}; every field has a default. */
  public static final class Builder {
    private PssLevel pssLevel = PssLevel.RESTRICTED;
    private PssVersion pssVersion = PssVersion.LATEST;
    private String defaultNamespace = "default";

    private Builder() {}

    public Builder pssLevel(PssLevel pssLevel) {
      this.pssLevel = Objects.requireNonNull(pssLevel, "pssLevel");
      return this;
    }

    public Builder pssVersion(PssVersion pssVersion) {
      this.pssVersion = Objects.requireNonNull(pssVersion, "pssVersion");
      return this;
    }

    /**
     * The namespace an unset namespace means.
     *
     * @throws IllegalArgumentException if it is not a valid namespace name (a DNS label)
     */
    public Builder defaultNamespace(String namespace) {
      Objects.requireNonNull(namespace, "namespace");
      if (!namespace.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
        throw new IllegalArgumentException("default namespace '" + namespace
            + "' is not a valid namespace name (lower-case letters, digits and '-', at most 63)");
      }
      this.defaultNamespace = namespace;
      return this;
    }

    public ScanSettings build() {
      return new ScanSettings(this);
    }
  }
}
