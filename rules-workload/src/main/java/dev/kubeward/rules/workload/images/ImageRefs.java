/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.images;

/**
 * Parsing of container image references ({@code registry:port/path/name:tag@digest}) the way the
 * container runtime reads them. The index-based methods allocate nothing; rules call them on every
 * container.
 */
final class ImageRefs {

  private ImageRefs() {}

  /** True if the reference carries a digest ({@code @sha256:...}). */
  static boolean hasDigest(String ref) {
    return ref.indexOf('@') >= 0;
  }

  /**
   * True if the reference carries a well-formed digest: {@code @sha256:} and 64 lower-case hex
   * digits, or {@code @sha512:} and 128. A malformed digest pins nothing (the pull fails).
   */
  static boolean hasValidDigest(String ref) {
    int at = ref.indexOf('@');
    if (at < 0) {
      return false;
    }
    int hex;
    if (ref.startsWith("sha256:", at + 1)) {
      hex = 64;
    } else if (ref.startsWith("sha512:", at + 1)) {
      hex = 128;
    } else {
      return false;
    }
    int from = at + 8;
    if (ref.length() - from != hex) {
      return false;
    }
    for (int i = from; i < ref.length(); i++) {
      char c = ref.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** Index of the {@code @} of the digest, or the length when there is none. */
  static int nameAndTagEnd(String ref) {
    int at = ref.indexOf('@');
    return at < 0 ? ref.length() : at;
  }

  /**
   * Index of the {@code :} before the tag, or -1 when there is no tag; a registry port
   * ({@code host:5000/app}) is not a tag.
   */
  static int tagColon(String ref) {
    int end = nameAndTagEnd(ref);
    int slash = ref.lastIndexOf('/', end - 1);
    int colon = ref.lastIndexOf(':', end - 1);
    return colon > slash ? colon : -1;
  }

  /** Index where the repository name ends: the tag colon, the digest {@code @}, or the length. */
  static int nameEnd(String ref) {
    int colon = tagColon(ref);
    return colon >= 0 ? colon : nameAndTagEnd(ref);
  }

  /** True if the reference has no tag at all (so the runtime pulls {@code latest}). */
  static boolean hasNoTag(String ref) {
    return tagColon(ref) < 0;
  }

  /** True if the tag is exactly {@code latest}. */
  static boolean hasLatestTag(String ref) {
    int colon = tagColon(ref);
    return colon >= 0 && nameAndTagEnd(ref) - colon - 1 == 6 && ref.startsWith("latest", colon + 1);
  }

  /** True if the tag is {@code tag}, ignoring case; false when there is no tag. */
  static boolean hasTag(String ref, String tag) {
    int colon = tagColon(ref);
    return colon >= 0 && nameAndTagEnd(ref) - colon - 1 == tag.length()
        && ref.regionMatches(true, colon + 1, tag, 0, tag.length());
  }

  /** The tag, or {@code null} when there is none; ignores a registry port. Allocates. */
  static String tag(String ref) {
    int colon = tagColon(ref);
    return colon < 0 ? null : ref.substring(colon + 1, nameAndTagEnd(ref));
  }

  /**
   * Length of the registry host prefix: the first path component when it has a dot or a colon or
   * is {@code localhost}; 0 when the image comes from Docker Hub implicitly.
   */
  static int registryLength(String ref) {
    int end = nameEnd(ref);
    int slash = ref.indexOf('/');
    if (slash < 0 || slash >= end) {
      return 0;
    }
    for (int i = 0; i < slash; i++) {
      char c = ref.charAt(i);
      if (c == '.' || c == ':') {
        return slash;
      }
    }
    return slash == 9 && ref.startsWith("localhost") ? slash : 0;
  }

  /**
   * The registry host of a reference ({@code docker.io} when implicit), for messages. Allocates.
   */
  static String registry(String ref) {
    int n = registryLength(ref);
    return n == 0 ? "docker.io" : ref.substring(0, n);
  }
}
