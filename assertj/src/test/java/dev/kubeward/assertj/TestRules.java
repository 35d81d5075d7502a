/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.RuleProvider;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * Two small rules for the assertion tests, registered through {@code META-INF/services} on the
 * test class path so that manifests assertions find them as they find real rules.
 */
public final class TestRules implements RuleProvider {

  @Override
  public List<Rule> rules() {
    return List.of(new Privileged(), new LatestImage());
  }

  /** {@code securityContext.privileged: true} on a container. */
  static final class Privileged implements ResourceRule {
    static final RuleMetadata METADATA = RuleMetadata.builder("test-privileged")
        .title("Privileged container (test rule)")
        .severity(Severity.HIGH)
        .topic(Topic.POD_SECURITY)
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

  /** An image on the {@code latest} tag, or on none. */
  static final class LatestImage implements ResourceRule {
    static final RuleMetadata METADATA = RuleMetadata.builder("test-latest-image")
        .title("Image on the latest tag (test rule)")
        .severity(Severity.MEDIUM)
        .topic(Topic.IMAGES)
        .rationale("The latest tag moves.")
        .remediation("Pin the image to a version.")
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
        if (image != null && (!image.contains(":") || image.endsWith(":latest"))) {
          context.report(resource, c.image(), c.describe() + " of " + resource.displayName() + " uses image \""
              + image + "\"");
        }
      }
    }
  }
}
