/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.images;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * An image referenced by tag only, not by a well-formed digest. Opt-in: most teams pin by version
 * tag and let an admission controller or a signature policy guard the rest.
 */
public final class ImageWithoutDigest implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("image-without-digest")
      .title("Image not pinned by digest")
      .severity(Severity.LOW)
      .topic(Topic.IMAGES)
      .kinds(RuleMetadata.WORKLOADS)
      .optIn()
      .rationale("Every tag, versioned or not, can be moved to other content by whoever can push to the"
          + " repository; only a digest names exactly one image. Without one, a compromised registry or"
          + " CI account changes what runs at the next pull, and two nodes may run different code under"
          + " the same manifest. A digest that is not sha256 or sha512 with the right number of hex digits"
          + " does not count: the pull fails instead of pinning. Off by default (opt-in). One problem, one"
          + " finding: an image without a tag or with :latest is reported by image-not-pinned when that rule"
          + " runs in the same scan and is not suppressed on the object, and not again here.")
      .remediation("Reference the image by digest, e.g. registry.example.com/app:1.4.2@sha256:<64 hex digits>.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    boolean notPinnedShown = context.runs(ImageNotPinned.ID) && !context.isSuppressed(ImageNotPinned.ID, resource);
    List<Container> containers = resource.podSpec().containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node image = c.image();
      String ref = image.text();
      if (ref == null || ref.isEmpty() || ImageRefs.hasValidDigest(ref)) {
        continue;
      }
      if (notPinnedShown && !ImageRefs.hasDigest(ref) && (ImageRefs.hasNoTag(ref) || ImageRefs.hasLatestTag(ref))) {
        continue; // image-not-pinned reports this image at the same place
      }
      String why = ImageRefs.hasDigest(ref) ? " with a malformed digest"
          : ImageRefs.hasNoTag(ref) ? " without a tag or a digest" : " by tag only, not by digest";
      context.report(resource, image, c.describe() + " of " + resource.displayName()
          + " references image \"" + ref + "\"" + why);
    }
  }
}
