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
import java.util.Locale;

/**
 * An image from a registry (or repository prefix) that the {@code allowedRegistries} parameter
 * does not list. Silent while the list is empty, which it is by default.
 */
public final class ImageRegistryNotAllowed implements ResourceRule {

  private static final ParameterKey<List<String>> ALLOWED = ParameterKey.ofList("allowedRegistries", List.of(),
      "Registries or repository prefixes images may come from: a host (registry.example.com, with its port"
      + " if it has one), a host with a path prefix (ghcr.io/acme matches ghcr.io/acme/app but not"
      + " ghcr.io/acme-evil/app), or a host wildcard (*.dkr.ecr.eu-west-1.amazonaws.com); docker.io stands"
      + " for Docker Hub, whose official images are docker.io/library/<name>; empty (the default) checks"
      + " nothing.");

  private static final RuleMetadata METADATA = RuleMetadata.builder("image-registry-not-allowed")
      .title("Image from a registry that is not allowed")
      .severity(Severity.MEDIUM)
      .topic(Topic.IMAGES)
      .kinds(RuleMetadata.WORKLOADS)
      .parameters(ALLOWED)
      .rationale("Images from arbitrary registries bypass the scanning, signing and retention that an"
          + " organisation applies to its own: a typo-squatted or hijacked public image runs with the"
          + " workload's identity and secrets. The rule resolves references as the container runtime does:"
          + " no registry means Docker Hub, a single name means docker.io/library/<name>, and a prefix"
          + " matches only at a path boundary. It reports nothing until allowedRegistries is set.")
      .remediation("Pull the image from an allowed registry (mirror it there), or add its registry to"
          + " allowedRegistries.")
      .build();

  /** The bound parameters: the allow-list, parsed once. */
  record Params(Entry[] allowed) {
    static Params of(List<String> entries) {
      Entry[] parsed = new Entry[entries.size()];
      for (int i = 0; i < parsed.length; i++) {
        parsed[i] = Entry.parse(entries.get(i));
      }
      return new Params(parsed);
    }
  }

  /** One allow-list entry: a host (or {@code *.suffix}) and an optional path prefix. */
  record Entry(String host, boolean wildcard, boolean hub, String path) {
    static Entry parse(String text) {
      String t = text.trim().toLowerCase(Locale.ROOT);
      if (t.isEmpty() || t.contains("://")) {
        throw new IllegalArgumentException("parameter " + ALLOWED + " of rule " + METADATA.id()
            + " must list registry hosts or prefixes without a scheme");
      }
      while (t.endsWith("/")) {
        t = t.substring(0, t.length() - 1);
      }
      int slash = t.indexOf('/');
      String host = slash < 0 ? t : t.substring(0, slash);
      String path = slash < 0 ? "" : t.substring(slash + 1);
      boolean wildcard = host.startsWith("*.");
      return new Entry(wildcard ? host.substring(1) : host, wildcard,
          host.equals("docker.io") || host.equals("index.docker.io"), path);
    }

    boolean matches(String ref) {
      int regLen = ImageRefs.registryLength(ref);
      int end = ImageRefs.nameEnd(ref);
      boolean refHub = regLen == 0 || isHub(ref, regLen);
      if (wildcard) {
        int n = regLen == 0 ? 0 : hostLength(ref, regLen);
        if (n <= host.length() || !ref.regionMatches(true, n - host.length(), host, 0, host.length())) {
          return false;
        }
      } else if (hub ? !refHub : regLen != host.length() || !ref.regionMatches(true, 0, host, 0, regLen)) {
        return false;
      }
      if (path.isEmpty()) {
        return true;
      }
      int start = regLen == 0 ? 0 : regLen + 1;
      boolean library = refHub && (ref.indexOf('/', start) < 0 || ref.indexOf('/', start) >= end);
      return hasPathPrefix(ref, start, end, library, path);
    }

    private static boolean isHub(String ref, int regLen) {
      return (regLen == 9 && ref.regionMatches(true, 0, "docker.io", 0, 9))
          || (regLen == 15 && ref.regionMatches(true, 0, "index.docker.io", 0, 15));
    }

    /** The host without its port. */
    private static int hostLength(String ref, int regLen) {
      int colon = ref.indexOf(':');
      return colon >= 0 && colon < regLen ? colon : regLen;
    }

    private static final String LIBRARY = "library/";

    /** True if {@code [library/]ref[start, end)} equals {@code prefix} or continues it after a slash. */
    private static boolean hasPathPrefix(String ref, int start, int end, boolean library, String prefix) {
      int shift = library ? LIBRARY.length() : 0;
      int length = shift + end - start;
      if (length < prefix.length()) {
        return false;
      }
      for (int k = 0; k <= prefix.length() && k < length; k++) {
        char c = k < shift ? LIBRARY.charAt(k) : ref.charAt(start + k - shift);
        if (k == prefix.length()) {
          return c == '/';
        }
        if (c != prefix.charAt(k)) {
          return false;
        }
      }
      return true;
    }
  }

  private final Params params;

  public ImageRegistryNotAllowed() {
    this(Parameters.defaults(METADATA));
  }

  private ImageRegistryNotAllowed(Parameters parameters) {
    this.params = Params.of(parameters.get(ALLOWED));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new ImageRegistryNotAllowed(parameters);
  }

  @Override
  public void check(Resource resource, Context context) {
    Entry[] allowed = params.allowed();
    if (allowed.length == 0) {
      return;
    }
    List<Container> containers = resource.podSpec().containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node image = c.image();
      String ref = image.text();
      if (ref == null || ref.isEmpty() || isAllowed(allowed, ref)) {
        continue;
      }
      context.report(resource, image, c.describe() + " of " + resource.displayName() + " uses image \""
          + ref + "\" from registry \"" + ImageRefs.registry(ref) + "\", which " + ALLOWED + " does not list");
    }
  }

  private static boolean isAllowed(Entry[] allowed, String ref) {
    for (Entry e : allowed) {
      if (e.matches(ref)) {
        return true;
      }
    }
    return false;
  }
}
