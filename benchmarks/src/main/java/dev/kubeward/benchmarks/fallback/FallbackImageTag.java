package dev.kubeward.benchmarks.fallback;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/** FALLBACK ONLY: an image without a tag, or tagged {@code latest}, and without a digest. */
public final class FallbackImageTag implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("fallback-image-tag")
      .title("Benchmark fallback: image is not pinned")
      .severity(Severity.MEDIUM)
      .topic(Topic.IMAGES)
      .rationale("A floating tag can change what runs without any change to the manifest.")
      .remediation("Pin the image to a version tag or, better, a digest.")
      .kinds(RuleMetadata.WORKLOADS)
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    PodSpec pod = resource.podSpec();
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node image = c.image();
      String text = image.text();
      if (text != null && !pinned(text)) {
        context.report(resource, image, c.describe() + " of " + resource.displayName()
            + " uses the unpinned image \"" + text + "\"");
      }
    }
  }

  /** True if {@code image} has a digest, or a tag other than {@code latest}. Allocates nothing. */
  static boolean pinned(String image) {
    if (image.indexOf('@') >= 0) {
      return true;
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (colon <= slash) {
      return false;
    }
    boolean latest = image.length() - colon - 1 == "latest".length() && image.startsWith("latest", colon + 1);
    return !latest;
  }
}
