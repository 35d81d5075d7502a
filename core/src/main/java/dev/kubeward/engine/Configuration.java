/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.WorkloadKinds;
import dev.kubeward.rule.KubeVersion;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@code .kubeward.yaml} file (or a caller) decides about a scan. Every field is optional;
 * {@link #empty()} changes nothing. Made with {@link #builder()}, so fields can be added without
 * breaking callers. Immutable.
 */
public final class Configuration {

  private static final Configuration EMPTY = builder().build();

  private final Profile profile;
  private final PssVersion pssVersion;
  private final KubeVersion kubeVersion;
  private final Set<String> enabledRules;
  private final Set<String> disabledRules;
  private final Map<String, Severity> severities;
  private final Map<String, Map<String, Object>> parameters;
  private final List<Exemption> exemptions;
  private final List<WorkloadKinds.Carrier> workloadKinds;
  private final String defaultNamespace;
  private final JoinScope joinScope;
  private final List<String> exclude;
  private final String baseline;
  private final String podCidr;

  private Configuration(Builder b) {
    this.profile = b.profile;
    this.pssVersion = b.pssVersion;
    this.kubeVersion = b.kubeVersion;
    this.enabledRules = Set.copyOf(b.enabledRules);
    this.disabledRules = Set.copyOf(b.disabledRules);
    this.severities = Map.copyOf(b.severities);
    this.parameters = Map.copyOf(b.parameters);
    this.exemptions = List.copyOf(b.exemptions);
    this.workloadKinds = List.copyOf(b.workloadKinds);
    this.defaultNamespace = b.defaultNamespace;
    this.joinScope = b.joinScope;
    this.exclude = List.copyOf(b.exclude);
    this.baseline = b.baseline;
    this.podCidr = b.podCidr;
  }

  /** A configuration that changes nothing. */
  public static Configuration empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder().profile(profile).pssVersion(pssVersion).kubeVersion(kubeVersion).enableRules(enabledRules)
        .disableRules(disabledRules).exemptions(exemptions).workloadKinds(workloadKinds)
        .defaultNamespace(defaultNamespace).joinScope(joinScope).exclude(exclude).baseline(baseline).podCidr(podCidr);
    b.severities.putAll(severities);
    b.parameters.putAll(parameters);
    return b;
  }

  /** The profile, or {@code null} for the default. */
  public Profile profile() {
    return profile;
  }

  /**
   * The Pod Security Standards version, or {@code null} for the default (that of the
   * {@linkplain #kubeVersion() Kubernetes version} when one is set, else {@code latest}).
   */
  public PssVersion pssVersion() {
    return pssVersion;
  }

  /**
   * The Kubernetes version the scanned objects are meant for, or {@code null} to let each object's
   * own statement decide, else the newest known version.
   */
  public KubeVersion kubeVersion() {
    return kubeVersion;
  }

  /** Rules switched on beyond the profile. */
  public Set<String> enabledRules() {
    return enabledRules;
  }

  /** Rules switched off. */
  public Set<String> disabledRules() {
    return disabledRules;
  }

  /** Severity overrides by rule id. */
  public Map<String, Severity> severities() {
    return severities;
  }

  /** Parameter values by rule id, then by parameter name (text, or list of text). */
  public Map<String, Map<String, Object>> parameters() {
    return parameters;
  }

  /** Suppressions by rule and resource pattern, each with a reason. */
  public List<Exemption> exemptions() {
    return exemptions;
  }

  /** Extra pod template carriers. */
  public List<WorkloadKinds.Carrier> workloadKinds() {
    return workloadKinds;
  }

  /** The namespace an unset namespace means, or {@code null} for the default ({@code default}). */
  public String defaultNamespace() {
    return defaultNamespace;
  }

  /** Which resources make one cluster for cross-resource rules, or {@code null} for the default ({@code all}). */
  public JoinScope joinScope() {
    return joinScope;
  }

  /**
   * Globs of paths that directory walks leave out, as {@code --exclude} takes them: a glob without
   * {@code /} matches a file or directory name anywhere ({@code *.tpl.yaml}, {@code charts}); one
   * with {@code /} matches the path under the walked directory ({@code deploy/dev/**}).
   */
  public List<String> exclude() {
    return exclude;
  }

  /**
   * The baseline file, as written in the configuration (relative to the configuration file's
   * directory), or {@code null}. Read by the command line; a library user gives a
   * {@link Baseline} to {@link Kubeward.Builder#baseline}.
   */
  public String baseline() {
    return baseline;
  }

  /**
   * The pod network as a CIDR block, as written, or {@code null}: read by {@code kubeward network
   * reach}, for which an ipBlock that covers it also selects pods.
   */
  public String podCidr() {
    return podCidr;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Configuration c && Objects.equals(profile, c.profile) && Objects.equals(pssVersion, c.pssVersion)
        && Objects.equals(kubeVersion, c.kubeVersion)
        && enabledRules.equals(c.enabledRules) && disabledRules.equals(c.disabledRules)
        && severities.equals(c.severities) && parameters.equals(c.parameters) && exemptions.equals(c.exemptions)
        && workloadKinds.equals(c.workloadKinds) && Objects.equals(defaultNamespace, c.defaultNamespace)
        && joinScope == c.joinScope && exclude.equals(c.exclude)
        && Objects.equals(baseline, c.baseline) && Objects.equals(podCidr, c.podCidr);
  }

  @Override
  public int hashCode() {
    return Objects.hash(profile, pssVersion, kubeVersion, enabledRules, disabledRules, severities, parameters, exemptions,
        workloadKinds, defaultNamespace, joinScope, exclude, baseline, podCidr);
  }

  @Override
  public String toString() {
    return "Configuration[profile=" + profile + ", pssVersion=" + pssVersion + ", kubeVersion=" + kubeVersion + ", enabledRules=" + enabledRules
        + ", disabledRules=" + disabledRules + ", severities=" + severities + ", parameters=" + parameters
        + ", exemptions=" + exemptions + ", workloadKinds=" + workloadKinds + ", defaultNamespace="
        + defaultNamespace + ", joinScope=" + joinScope + ", exclude=" + exclude + ", baseline=" + baseline + ", podCidr=" + podCidr + "]";
  }

  /** Builds a {@link Configuration}; every field is optional. */
  public static final class Builder {
    private Profile profile;
    private PssVersion pssVersion;
    private KubeVersion kubeVersion;
    private final Set<String> enabledRules = new LinkedHashSet<>();
    private final Set<String> disabledRules = new LinkedHashSet<>();
    private final Map<String, Severity> severities = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
    private List<Exemption> exemptions = List.of();
    private List<WorkloadKinds.Carrier> workloadKinds = List.of();
    private String defaultNamespace;
    private JoinScope joinScope;
    private final List<String> exclude = new ArrayList<>();
    private String baseline;
    private String podCidr;

    private Builder() {}

    public Builder profile(Profile profile) {
      this.profile = profile;
      return this;
    }

    public Builder pssVersion(PssVersion pssVersion) {
      this.pssVersion = pssVersion;
      return this;
    }

    /** The Kubernetes version; {@code null} (the default) leaves it to each object, else the newest known. */
    public Builder kubeVersion(KubeVersion kubeVersion) {
      this.kubeVersion = kubeVersion;
      return this;
    }

    public Builder enableRules(Set<String> ids) {
      enabledRules.addAll(ids);
      return this;
    }

    public Builder disableRules(Set<String> ids) {
      disabledRules.addAll(ids);
      return this;
    }

    public Builder severity(String ruleId, Severity severity) {
      severities.put(Objects.requireNonNull(ruleId, "ruleId"), Objects.requireNonNull(severity, "severity"));
      return this;
    }

    /** Parameter values of rule {@code ruleId}: name to text, or to a list of texts. */
    public Builder parameters(String ruleId, Map<String, ?> values) {
      parameters.put(Objects.requireNonNull(ruleId, "ruleId"), Map.copyOf(values));
      return this;
    }

    public Builder exemptions(List<Exemption> exemptions) {
      this.exemptions = List.copyOf(exemptions);
      return this;
    }

    public Builder workloadKinds(List<WorkloadKinds.Carrier> carriers) {
      this.workloadKinds = List.copyOf(carriers);
      return this;
    }

    public Builder defaultNamespace(String namespace) {
      this.defaultNamespace = namespace;
      return this;
    }

    public Builder joinScope(JoinScope scope) {
      this.joinScope = scope;
      return this;
    }

    /**
     * Adds path globs that directory walks leave out (see {@link Configuration#exclude()}).
     *
     * @throws IllegalArgumentException for a glob that is empty or not valid glob syntax
     */
    public Builder exclude(List<String> globs) {
      for (String glob : globs) {
        dev.kubeward.load.Loader.checkGlob(glob);
        exclude.add(glob);
      }
      return this;
    }

    /** The baseline file, relative to the configuration file's directory (see {@link Configuration#baseline()}). */
    public Builder baseline(String file) {
      this.baseline = file;
      return this;
    }

    /** The pod network as a CIDR block (see {@link Configuration#podCidr()}). */
    public Builder podCidr(String cidr) {
      this.podCidr = cidr;
      return this;
    }

    public Configuration build() {
      return new Configuration(this);
    }
  }
}
