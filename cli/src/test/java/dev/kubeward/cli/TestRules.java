/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * Small rules that exist only for the command-line tests, so that the tests know exactly what a
 * scan finds whatever rules the real modules ship. Their ids start with {@code smoke-} or
 * {@code test-} and never clash with real ones.
 */
final class TestRules {

  private TestRules() {}

  /** The three smoke rules and the settings echo. */
  static List<Rule> all() {
    return List.of(new Privileged(), new HostNetwork(), new LatestImage(), new SettingsEcho());
  }

  /** The smoke rules only: what {@link SmokeRuleProvider} registers. */
  static List<Rule> smoke() {
    return List.of(new Privileged(), new HostNetwork(), new LatestImage());
  }

  /** A container with {@code securityContext.privileged: true}. */
  static final class Privileged implements ResourceRule {
    static final RuleMetadata METADATA = RuleMetadata.builder("smoke-privileged")
        .title("Privileged container (test rule)")
        .severity(Severity.HIGH)
        .topic(Topic.POD_SECURITY)
        .controls("pss-baseline:privileged")
        .rationale("A privileged container can take over its node.")
        .remediation("Set securityContext.privileged to false.")
        .kinds(RuleMetadata.WORKLOADS)
        .build();

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public void check(Resource resource, Context context) {
      for (Container c : resource.podSpec().containers()) {
        Node privileged = c.securityContext().get("privileged");
        if (privileged.isTrue()) {
          context.report(resource, privileged, c.describe() + " of " + resource.displayName() + " runs privileged");
        }
      }
    }
  }

  /** A pod with {@code hostNetwork: true}. */
  static final class HostNetwork implements ResourceRule {
    static final RuleMetadata METADATA = RuleMetadata.builder("smoke-host-network")
        .title("Host network (test rule)")
        .severity(Severity.HIGH)
        .topic(Topic.POD_SECURITY)
        .controls("pss-baseline:hostNamespaces")
        .rationale("A pod on the host network sees every connection of its node.")
        .remediation("Remove hostNetwork.")
        .kinds(RuleMetadata.WORKLOADS)
        .build();

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public void check(Resource resource, Context context) {
      Node host = resource.podSpec().spec().get("hostNetwork");
      if (host.isTrue()) {
        context.report(resource, host, resource.displayName() + " uses the host network");
      }
    }
  }

  /** An image without a digest whose tag is missing or {@code latest}. */
  static final class LatestImage implements ResourceRule {
    static final RuleMetadata METADATA = RuleMetadata.builder("smoke-image-latest")
        .title("Image on the latest tag (test rule)")
        .severity(Severity.MEDIUM)
        .topic(Topic.IMAGES)
        .rationale("The latest tag moves.")
        .remediation("Pin the image.")
        .kinds(RuleMetadata.WORKLOADS)
        .build();

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public void check(Resource resource, Context context) {
      for (Container c : resource.podSpec().containers()) {
        String image = c.image().text();
        if (image == null || image.contains("@")) {
          continue;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        if (colon < 0 || last.substring(colon + 1).equals("latest")) {
          context.report(resource, c.image(), c.describe() + " of " + resource.displayName() + " uses image \""
              + image + "\"");
        }
      }
    }
  }

  /** Reports, on every Namespace, the settings the scan runs with. */
  static final class SettingsEcho implements ResourceRule {
    static final RuleMetadata METADATA = RuleMetadata.builder("test-settings")
        .title("Scan settings (test rule)")
        .severity(Severity.INFO)
        .topic(Topic.HYGIENE)
        .rationale("Shows what the rules see.")
        .remediation("Nothing to do.")
        .kinds(GroupKind.NAMESPACE)
        .parameters(ParameterKey.ofList("levels", List.of("baseline", "restricted"), "Levels worth echoing."))
        .optIn()
        .build();

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public void check(Resource resource, Context context) {
      context.report(resource, Node.MISSING, "scan runs at Pod Security Standards level "
          + context.settings().pssLevel().id() + ", version " + context.settings().pssVersion() + " ("
          + context.kubeVersion(resource).describe() + "; default namespace "
          + context.settings().defaultNamespace() + ")");
    }
  }
}
