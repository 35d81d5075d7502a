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

/** An image with no tag, or the mutable {@code latest} tag, and no digest. */
public final class ImageNotPinned implements ResourceRule {

  /** This rule's id. */
  static final String ID = "image-not-pinned";

  private static final RuleMetadata METADATA = RuleMetadata.builder(ID)
      .title("Image without a version tag")
      .severity(Severity.MEDIUM)
      .topic(Topic.IMAGES)
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("An image without a tag means :latest, which changes under the workload: rollouts are"
          + " not reproducible, a rollback does not roll back, and a poisoned push reaches production"
          + " on the next restart. Where image-without-digest runs too (it is opt-in), such an image is"
          + " reported by this rule only.")
      .remediation("Reference the image by a specific version tag, or better by digest (@sha256:...).")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
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
      if (ImageRefs.hasNoTag(ref)) {
        context.report(resource, image, c.describe() + " of " + resource.displayName()
            + " uses image \"" + ref + "\" without a tag (implicitly :latest)");
      } else if (ImageRefs.hasLatestTag(ref)) {
        context.report(resource, image, c.describe() + " of " + resource.displayName()
            + " uses image \"" + ref + "\" with the mutable tag :latest");
      }
    }
  }
}
