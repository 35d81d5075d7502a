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
 * An image without a digest whose tag is missing (so {@code latest}) or names a moving target:
 * {@code latest}, a branch ({@code main}, {@code master}, {@code dev}) or a channel ({@code stable},
 * {@code edge}, {@code nightly}). The floating tags are a parameter, compared ignoring case.
 */
public final class ImageNotPinned implements ResourceRule {

  private static final ParameterKey<List<String>> FLOATING_TAGS = ParameterKey.ofList("floatingTags",
      List.of("latest", "master", "main", "dev", "develop", "edge", "nightly", "stable", "canary"),
      "Tags that move to a new image as their branch or channel advances, compared ignoring case; an image"
      + " with one of them and no digest is reported like one without a tag.");

  /** This rule's id. */
  static final String ID = "image-not-pinned";

  private static final RuleMetadata METADATA = RuleMetadata.builder(ID)
      .title("Image without a fixed version tag")
      .severity(Severity.MEDIUM)
      .topic(Topic.IMAGES)
      .kinds(RuleMetadata.WORKLOADS)
      .parameters(FLOATING_TAGS)
      .rationale("An image without a tag means :latest, and :latest, like a branch tag (:main, :master,"
          + " :dev) or a release channel (:stable, :edge, :nightly), is moved by every push: rollouts are"
          + " not reproducible, two replicas can run different code, a rollback does not roll back, and a"
          + " poisoned push reaches production on the next restart. A digest pins the image whatever the"
          + " tag says, so an image with one passes. Only whole tags are compared: :stable-alpine and"
          + " :main-3f2a1c are left alone. Where image-without-digest runs too (it is opt-in), such an"
          + " image is reported by this rule only.")
      .remediation("Reference the image by a specific version tag, or better by digest (@sha256:...).")
      .build();

  private final List<String> floatingTags;

  public ImageNotPinned() {
    this(Parameters.defaults(METADATA));
  }

  private ImageNotPinned(Parameters parameters) {
    this.floatingTags = List.copyOf(parameters.get(FLOATING_TAGS).stream().map(String::trim).toList());
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new ImageNotPinned(parameters);
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
        continue;
      }
      String floating = floatingTag(ref);
      if (floating != null) {
        context.report(resource, image, c.describe() + " of " + resource.displayName()
            + " uses image \"" + ref + "\" with the floating tag :" + ImageRefs.tag(ref));
      }
    }
  }

  /** The configured floating tag {@code ref} carries, or {@code null}. */
  private String floatingTag(String ref) {
    for (int i = 0; i < floatingTags.size(); i++) {
      String tag = floatingTags.get(i);
      if (ImageRefs.hasTag(ref, tag)) {
        return tag;
      }
    }
    return null;
  }
}
