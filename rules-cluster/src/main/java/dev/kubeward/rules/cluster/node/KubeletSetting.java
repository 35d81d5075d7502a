/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.node;

import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FamilyRule;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.KubeVersion;
import dev.kubeward.rule.KubeVersions;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import dev.kubeward.rules.cluster.node.KubeletSetup.Setting;
import dev.kubeward.rules.cluster.node.KubeletSetup.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The kubelet's settings against section 4.2 of the CIS Kubernetes Benchmark 1.12 and the security
 * fields of its configuration: one rule per row of {@link KubeletRows#ROWS}, each reading a
 * KubeletConfiguration (YAML or JSON), its drop-ins, and the flags that override it (kubeadm's
 * {@code kubeletExtraArgs}, a container that runs a kubelet), through {@link KubeletSetups}.
 *
 * <p>A value is judged where it is set; a field a main configuration file leaves out is judged by
 * the file's default (which differs from the flag's: {@code readOnlyPort} 0 against 10255,
 * anonymous requests off against on, {@code Webhook} authorization against {@code AlwaysAllow}),
 * pointing at the closest enclosing field or the {@code kind}; a drop-in is judged only on what it
 * sets. The message says which source won and which default applied.
 */
final class KubeletSetting implements InventoryRule, FamilyRule {

  /** What a row finds wrong with a value. */
  @FunctionalInterface
  interface Judge {
    /** {@code null} if {@code value} is fine, else a detail to append to the message ({@code ""} for none). */
    String judge(Value value);
  }

  /**
   * A finding a row makes.
   *
   * @param at the value that decides it (its resource holds the finding; a file value a flag overrides
   *     becomes a related location)
   * @param node where the finding points
   * @param message the message
   */
  record Verdict(Value at, Node node, String message) {}

  /** A row that needs more than one setting (TLS files with server bootstrap, swap). */
  @FunctionalInterface
  interface Composite {
    /** The finding for {@code setup}, or {@code null}. */
    Verdict judge(KubeletSetup setup, KubeVersions.Applied version);
  }

  /**
   * One row.
   *
   * @param id the rule id
   * @param title the rule title
   * @param severity the default severity
   * @param control the CIS control ({@code cis-k8s:4.2.1}), or {@code null} beyond the benchmark
   * @param setting the field and flag the row reads
   * @param fileDefault the configuration file's default, by version ({@code null}: none, as text)
   * @param flagDefault the flag's default, as text ({@code null}: none)
   * @param judge what is wrong with a value
   * @param consequence what a wrong value does, after a colon in the message
   * @param rationale why it matters
   * @param remediation what to do
   * @param composite a check over several settings instead of {@code setting} and {@code judge}
   */
  record Row(String id, String title, Severity severity, String control, Setting setting,
      Function<KubeVersion, String> fileDefault, String flagDefault, Judge judge, String consequence,
      String rationale, String remediation, Composite composite) {}

  private final Row row;
  private final RuleMetadata metadata;
  /** True if the file's default changed between Kubernetes versions: messages then name the version. */
  private final boolean versioned;

  KubeletSetting(Row row) {
    this.row = row;
    RuleMetadata.Builder b = RuleMetadata.builder(row.id())
        .title(row.title())
        .severity(row.severity())
        .topic(Topic.NODES)
        .kinds(KubeletSetups.KINDS)
        .rationale(row.rationale())
        .remediation(row.remediation());
    if (row.control() != null) {
      b.controls(row.control());
    }
    this.metadata = b.build();
    this.versioned = row.fileDefault() != null
        && !row.fileDefault().apply(KubeVersion.of(0)).equals(row.fileDefault().apply(KubeVersion.newestKnown()));
  }

  /** One rule per row. */
  static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    for (Row r : KubeletRows.ROWS) {
      rules.add(new KubeletSetting(r));
    }
    return Collections.unmodifiableList(rules);
  }

  @Override
  public RuleMetadata metadata() {
    return metadata;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    List<KubeletSetup> setups = inventory.derived(KubeletSetups.KEY);
    if (setups.isEmpty()) {
      return;
    }
    Set<Node> reported = null;
    for (KubeletSetup setup : setups) {
      KubeVersions.Applied version = context.kubeVersion(setup.primary());
      Verdict verdict = row.composite() != null ? row.composite().judge(setup, version) : simple(setup, version);
      if (verdict == null) {
        continue;
      }
      if (reported == null) {
        reported = Collections.newSetFromMap(new IdentityHashMap<>());
      }
      if (!reported.add(verdict.node())) {
        continue; // the same value, reached through a second setup of the same file
      }
      Value at = verdict.at();
      boolean embedded = setup.carrier() != null && at.resource() == setup.file();
      var finding = embedded ? context.finding(setup.carrier(), setup.carrierNode()).message(verdict.message())
          : context.finding(at.resource(), verdict.node()).message(verdict.message());
      if (at.overridden() != null) {
        finding.related(at.overridden().resource(), at.overridden().node(), "the value the flag overrides");
      }
      finding.report();
    }
  }

  private Verdict simple(KubeletSetup setup, KubeVersions.Applied version) {
    Setting s = row.setting();
    String fileDefault = row.fileDefault() == null ? null : row.fileDefault().apply(version.version());
    Value value = setup.resolve(s, fileDefault, row.flagDefault());
    if (value == null) {
      return null;
    }
    String detail = row.judge().judge(value);
    if (detail == null) {
      return null;
    }
    Node node = value.node();
    if (!value.items().isEmpty() && !detail.isEmpty()) {
      node = value.nodeOf(KubeletRows.firstOffending(value));
    }
    return new Verdict(value, node, subject(s, value, versioned ? version : null) + ": " + row.consequence() + detail);
  }

  /**
   * What sets the value, and where: {@code readOnlyPort is 10255 in KubeletConfiguration in k.yaml},
   * {@code --read-only-port=10255 is given in kubeletExtraArgs of JoinConfiguration in j.yaml, which
   * overrides readOnlyPort 0 of KubeletConfiguration in j.yaml}, or which default applied; with the
   * Kubernetes version when {@code version} is given (for a default that changed between versions).
   */
  static String subject(Setting s, Value v, KubeVersions.Applied version) {
    String label = s.label(v.origin());
    switch (v.origin()) {
      case FILE:
        return label + " is " + shown(v.text()) + " in " + v.where();
      case FILE_DEFAULT:
        return label + " is not set in " + v.where() + ", so the configuration file's default " + shown(v.text())
            + " applies" + (version == null ? "" : " (" + version.describe() + ")");
      case FLAG:
        String given = s.flagKey() == null ? "--" + s.flag() + "=" + v.text()
            : "--" + s.flag() + " " + s.flagKey() + "=" + v.text();
        String overrides = v.overridden() == null ? ""
            : ", which overrides " + s.field() + " " + shown(v.overridden().text()) + " of " + v.overridden().where();
        return given + " is given in " + v.where() + overrides;
      case FLAG_DEFAULT:
      default:
        return label + " is not given to " + v.where() + ", which runs without --config, so the flag's default "
            + shown(v.text()) + " applies";
    }
  }

  /**
   * A second value of the same finding, told briefly when it comes from the same place as
   * {@code first}: {@code serverTLSBootstrap is not set (the configuration file's default is false)}.
   */
  static String also(Setting s, Value v, Value first) {
    if (!v.where().equals(first.where())) {
      return subject(s, v, null);
    }
    String label = s.label(v.origin());
    switch (v.origin()) {
      case FILE:
        return label + " is " + shown(v.text());
      case FILE_DEFAULT:
        return label + " is not set (the configuration file's default is " + shown(v.text()) + ")";
      case FLAG:
        return (s.flagKey() == null ? "--" + s.flag() + "=" : "--" + s.flag() + " " + s.flagKey() + "=") + v.text()
            + " is given";
      case FLAG_DEFAULT:
      default:
        return label + " is not given (the flag's default is " + shown(v.text()) + ")";
    }
  }

  /** The text of a value in a message: {@code ""} for the empty string. */
  static String shown(String text) {
    return text == null || text.isEmpty() ? "\"\"" : text;
  }
}
