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
  private final PssVersion givenPssVersion;
  private final PssVersion pssVersion;
  private final KubeVersion givenKubeVersion;
  private final KubeVersions.Applied scanKubeVersion;
  private final String defaultNamespace;

  private ScanSettings(Builder b) {
    this.pssLevel = b.pssLevel;
    this.givenPssVersion = b.pssVersion;
    this.givenKubeVersion = b.kubeVersion;
    this.pssVersion = b.pssVersion != null ? b.pssVersion
        : b.kubeVersion != null ? b.kubeVersion.pssVersion() : PssVersion.LATEST;
    this.scanKubeVersion = b.kubeVersion != null
        ? new KubeVersions.Applied(b.kubeVersion, KubeVersions.Origin.EXPLICIT, dev.kubeward.model.Node.MISSING)
        : KubeVersions.Applied.DEFAULT;
    this.defaultNamespace = b.defaultNamespace;
  }

  /** Restricted, latest, no Kubernetes version given, namespace {@code default}. */
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

  /** A builder holding these settings (what was given, not what was derived from it). */
  public Builder toBuilder() {
    Builder b = new Builder().pssLevel(pssLevel).defaultNamespace(defaultNamespace);
    b.pssVersion = givenPssVersion;
    b.kubeVersion = givenKubeVersion;
    return b;
  }

  /** The Pod Security Standards level the profile evaluates ({@code restricted} for every profile but {@code pss-baseline}). */
  public PssLevel pssLevel() {
    return pssLevel;
  }

  /**
   * The Pod Security Standards version to apply: the one given; else, when a Kubernetes version
   * is {@linkplain #isKubeVersionExplicit() given}, the policy version of the same minor (as
   * PodSecurity admission evaluates {@code latest} on an API server of that version); else
   * {@code latest}.
   */
  public PssVersion pssVersion() {
    return pssVersion;
  }

  /**
   * The Kubernetes version given for the scan, or, when none was, the newest one Kubeward knows
   * ({@link KubeVersion#newestKnown()}). A rule judging one object should rather ask
   * {@link KubeVersions#forObject}, where a version the object states about itself wins over the
   * default.
   */
  public KubeVersion kubeVersion() {
    return scanKubeVersion.version();
  }

  /** True if the Kubernetes version was given ({@code --kube-version}, {@code kubernetesVersion:}). */
  public boolean isKubeVersionExplicit() {
    return givenKubeVersion != null;
  }

  /** The scan-wide version and where it came from: {@code EXPLICIT} or {@code DEFAULT}. */
  KubeVersions.Applied scanKubeVersion() {
    return scanKubeVersion;
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
    return o instanceof ScanSettings s && s.pssLevel == pssLevel && Objects.equals(s.givenPssVersion, givenPssVersion)
        && Objects.equals(s.givenKubeVersion, givenKubeVersion) && s.defaultNamespace.equals(defaultNamespace);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pssLevel, givenPssVersion, givenKubeVersion, defaultNamespace);
  }

  @Override
  public String toString() {
    return "ScanSettings[pssLevel=" + pssLevel + ", pssVersion=" + pssVersion + ", kubeVersion="
        + kubeVersion() + (isKubeVersionExplicit() ? "" : " (default)") + ", defaultNamespace="
        + defaultNamespace + "]";
  }

  /** Builds {@link ScanSettings}; every field has a default. */
  public static final class Builder {
    private PssLevel pssLevel = PssLevel.RESTRICTED;
    private PssVersion pssVersion;
    private KubeVersion kubeVersion;
    private String defaultNamespace = "default";

    private Builder() {}

    public Builder pssLevel(PssLevel pssLevel) {
      this.pssLevel = Objects.requireNonNull(pssLevel, "pssLevel");
      return this;
    }

    /**
     * The Pod Security Standards version. Default: that of the {@linkplain #kubeVersion Kubernetes
     * version} when one is given, else {@code latest}.
     */
    public Builder pssVersion(PssVersion pssVersion) {
      this.pssVersion = Objects.requireNonNull(pssVersion, "pssVersion");
      return this;
    }

    /**
     * The Kubernetes version the scanned objects are meant for. It wins over what an object says
     * about itself; without it, an object's own statement decides, else the newest known version.
     */
    public Builder kubeVersion(KubeVersion kubeVersion) {
      this.kubeVersion = Objects.requireNonNull(kubeVersion, "kubeVersion");
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
