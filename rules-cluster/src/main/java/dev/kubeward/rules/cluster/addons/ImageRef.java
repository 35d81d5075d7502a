/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.addons;

import java.util.Locale;

/**
 * A container image reference split as the container runtime reads it: registry (empty when the
 * first path segment is not a host), repository path, tag and digest.
 *
 * @param registry the registry host, or {@code ""} for Docker Hub's short form
 * @param path the repository path without the registry, lower case ({@code kubernetesui/dashboard})
 * @param tag the tag, or {@code null} when there is none
 * @param digest the digest, or {@code null} when there is none
 */
record ImageRef(String registry, String path, String tag, String digest) {

  static ImageRef parse(String ref) {
    String rest = ref.trim();
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = null;
    int slash = rest.lastIndexOf('/');
    int colon = rest.indexOf(':', slash + 1);
    if (colon >= 0) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    String registry = "";
    int first = rest.indexOf('/');
    if (first > 0) {
      String head = rest.substring(0, first);
      if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
        registry = head;
        rest = rest.substring(first + 1);
      }
    }
    return new ImageRef(registry, rest.toLowerCase(Locale.ROOT), tag, digest);
  }

  /** The last segment of the path ({@code dashboard} of {@code kubernetesui/dashboard}). */
  String name() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The segment before the name, or {@code ""} ({@code kubernetesui} of {@code kubernetesui/dashboard}). */
  String owner() {
    int last = path.lastIndexOf('/');
    if (last < 0) {
      return "";
    }
    return path.substring(path.lastIndexOf('/', last - 1) + 1, last);
  }

  /** True if the path is {@code suffix} or ends with {@code /suffix}. */
  boolean pathEndsWith(String suffix) {
    return path.equals(suffix) || path.endsWith("/" + suffix);
  }

  /** The name without an architecture suffix ({@code kubernetes-dashboard} of {@code kubernetes-dashboard-amd64}). */
  String nameWithoutArch() {
    String name = name();
    for (String arch : new String[] {"-amd64", "-arm64", "-arm", "-ppc64le", "-s390x"}) {
      if (name.endsWith(arch)) {
        return name.substring(0, name.length() - arch.length());
      }
    }
    return name;
  }
}
