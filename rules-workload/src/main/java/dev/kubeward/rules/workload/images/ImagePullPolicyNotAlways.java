/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.images;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * An image referenced by a mutable tag whose effective {@code imagePullPolicy} is not
 * {@code Always}, so a node may start whatever image it has cached under that tag.
 */
public final class ImagePullPolicyNotAlways implements ResourceRule {

  private static final ParameterKey<Boolean> VERSION_TAGS_MUTABLE = ParameterKey.ofBoolean("versionTagsMutable",
      true, "Whether version tags (nginx:1.25) count as mutable; set false when every registry in use"
      + " enforces tag immutability, and only a missing tag or :latest then counts.");

  private static final RuleMetadata METADATA = RuleMetadata.builder("image-pull-policy-not-always")
      .title("Mutable image tag without imagePullPolicy Always")
      .severity(Severity.LOW)
      .topic(Topic.IMAGES)
      .kinds(RuleMetadata.WORKLOADS)
      .parameters(VERSION_TAGS_MUTABLE)
      .rationale("With IfNotPresent or Never, the kubelet starts whatever image the node already holds"
          + " under the tag: a stale build after the tag moved, or an image another workload pulled or"
          + " side-loaded there, including a poisoned one; and a pod without pull credentials can run a"
          + " private image that another tenant pulled. Kubernetes defaults the policy when it is omitted:"
          + " Always when the image has no tag and no digest or the tag is latest, IfNotPresent otherwise"
          + " (so nginx:1.25 without a policy is IfNotPresent). A digest is immutable, so any policy is fine"
          + " with one. The rule reports an explicit policy other than Always at the policy, and a defaulted"
          + " IfNotPresent at the image.")
      .remediation("Set imagePullPolicy: Always, or reference the image by digest.")
      .build();

  /** The bound parameters. */
  record Params(boolean versionTagsMutable) {}

  private final Params params;

  public ImagePullPolicyNotAlways() {
    this(Parameters.defaults(METADATA));
  }

  private ImagePullPolicyNotAlways(Parameters parameters) {
    this.params = new Params(parameters.get(VERSION_TAGS_MUTABLE));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new ImagePullPolicyNotAlways(parameters);
  }

  @Override
  public void check(Resource resource, Context context) {
    List<Container> containers = resource.podSpec().containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node image = c.image();
      String ref = image.text();
      if (ref == null || ref.isEmpty() || ImageRefs.hasDigest(ref)) {
        continue;
      }
      boolean defaultsToAlways = ImageRefs.hasNoTag(ref) || ImageRefs.hasLatestTag(ref);
      if (!defaultsToAlways && !params.versionTagsMutable()) {
        continue;
      }
      Node policy = c.node().get("imagePullPolicy");
      String value = policy.text();
      if (value == null) {
        if (!defaultsToAlways) {
          context.report(resource, image, c.describe() + " of " + resource.displayName() + " uses image \""
              + ref + "\" by the mutable tag :" + ImageRefs.tag(ref)
              + " and sets no imagePullPolicy, which defaults to IfNotPresent");
        }
      } else if (!value.equals("Always")) {
        String tag = ImageRefs.hasNoTag(ref) ? "without a tag (implicitly :latest)"
            : "by the mutable tag :" + ImageRefs.tag(ref);
        context.report(resource, policy, c.describe() + " of " + resource.displayName() + " uses image \""
            + ref + "\" " + tag + " with imagePullPolicy: " + value);
      }
    }
  }
}
