/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A configured exemption: findings of {@code rule} on resources matching the kind, namespace and
 * name patterns ({@code *} matches any run of characters) and the file glob are suppressed with
 * {@code reason}.
 *
 * @param file a glob matched against the resource's source name as given and against its form
 *     relative to the working directory, normalised: {@code **} matches across folders, {@code *}
 *     within one; {@code null} or {@code **} for any file
 */
public record Exemption(String rule, String kind, String namespace, String name, String reason, String file) {

  /** An exemption for resources in any file. */
  public Exemption(String rule, String kind, String namespace, String name, String reason) {
    this(rule, kind, namespace, name, reason, null);
  }

  public Exemption {
    Objects.requireNonNull(rule, "rule");
    kind = kind == null ? "*" : kind;
    namespace = namespace == null ? "*" : namespace;
    name = name == null ? "*" : name;
    file = file == null ? "**" : file;
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an exemption of rule " + rule + " needs a reason");
    }
  }

  /**
   * True if the exemption covers a finding of {@code ruleId} on {@code resource}; an exemption
   * limited to some files covers no reference, which names no file.
   */
  public boolean covers(String ruleId, ResourceRef resource) {
    if (!file.equals("**") && (resource.file() == null || !coversFile(resource.file()))) {
      return false;
    }
    return glob(rule, ruleId)
        && coversKind(dev.kubeward.model.GroupKind.ofApiVersion(
            resource.apiVersion() == null ? "" : resource.apiVersion(), resource.kind()))
        && glob(namespace, resource.namespace() == null ? "" : resource.namespace())
        && glob(name, resource.name() == null ? "" : resource.name());
  }

  /** True if the exemption covers a finding of {@code ruleId} on {@code resource}. */
  public boolean covers(String ruleId, dev.kubeward.model.Resource resource) {
    return glob(rule, ruleId)
        && coversKind(resource.groupKind())
        && glob(namespace, resource.namespace() == null ? "" : resource.namespace())
        && glob(name, resource.name() == null ? "" : resource.name())
        && (file.equals("**") || coversFile(resource.source().name()));
  }

  /**
   * True if the kind pattern covers {@code groupKind}. A pattern with a dot is matched against the
   * group-kind as kubectl writes it ({@code Deployment.apps}, {@code Service.serving.knative.dev},
   * {@code Policy.audit.k8s.io}); one without is matched against the kind of a Kubernetes API group
   * only (the core group, {@code apps}, {@code batch}, {@code policy}, {@code autoscaling},
   * {@code extensions} and the {@code *.k8s.io} groups), so that {@code kind: Service} never
   * exempts a Knative Service, nor {@code kind: NetworkPolicy} a Calico one.
   */
  boolean coversKind(dev.kubeward.model.GroupKind groupKind) {
    if (kind.equals("*")) {
      return true;
    }
    if (kind.indexOf('.') >= 0) {
      return glob(kind, groupKind.toString());
    }
    return isKubernetesGroup(groupKind.group()) && glob(kind, groupKind.kind());
  }

  private static boolean isKubernetesGroup(String group) {
    switch (group) {
      case "":
      case "apps":
      case "batch":
      case "policy":
      case "autoscaling":
      case "extensions":
        return true;
      default:
        return group.equals("k8s.io") || group.endsWith(".k8s.io");
    }
  }

  /**
   * True if the file glob matches {@code sourceName} as given or its normalised form relative to
   * the working directory.
   */
  public boolean coversFile(String sourceName) {
    if (file.equals("**")) {
      return true;
    }
    Pattern pattern = Pattern.compile(fileRegex(file));
    return pattern.matcher(sourceName.replace('\\', '/')).matches()
        || pattern.matcher(FindingKeys.normalisedFile(sourceName, Path.of("").toAbsolutePath())).matches();
  }

  /** {@code **}{@code /} matches any folders (none included), {@code **} anything, {@code *} anything but {@code /}. */
  private static String fileRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    int literal = 0;
    for (int i = 0; i < glob.length(); i++) {
      if (glob.charAt(i) != '*') {
        continue;
      }
      if (i > literal) {
        regex.append(Pattern.quote(glob.substring(literal, i)));
      }
      if (glob.startsWith("**/", i)) {
        regex.append("(?:.*/)?");
        i += 2;
      } else if (glob.startsWith("**", i)) {
        regex.append(".*");
        i += 1;
      } else {
        regex.append("[^/]*");
      }
      literal = i + 1;
    }
    if (literal < glob.length()) {
      regex.append(Pattern.quote(glob.substring(literal)));
    }
    return regex.toString();
  }

  static boolean glob(String pattern, String value) {
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.indexOf('*') < 0) {
      return pattern.equals(value);
    }
    StringBuilder regex = new StringBuilder();
    String[] parts = pattern.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(parts[i]));
    }
    return Pattern.matches(regex.toString(), value);
  }
}
