package dev.kubeward.rules.workload.images;

/** Parsing of container image references ({@code registry:port/path/name:tag@digest}). */
final class ImageRefs {

  private ImageRefs() {}

  /** True if the reference carries a digest ({@code @sha256:...}). */
  static boolean hasDigest(String ref) {
    return ref.indexOf('@') >= 0;
  }

  /** The tag, or {@code null} when there is none; ignores a registry port. */
  static String tag(String ref) {
    int at = ref.indexOf('@');
    String name = at >= 0 ? ref.substring(0, at) : ref;
    int slash = name.lastIndexOf('/');
    int colon = name.lastIndexOf(':');
    if (colon > slash) {
      return name.substring(colon + 1);
    }
    return null;
  }

  /**
   * The registry host of a reference: the first path component when it has a dot or a colon or is
   * {@code localhost}, otherwise {@code docker.io}.
   */
  static String registry(String ref) {
    int slash = ref.indexOf('/');
    if (slash < 0) {
      return "docker.io";
    }
    String first = ref.substring(0, slash);
    if (first.indexOf('.') >= 0 || first.indexOf(':') >= 0 || first.equals("localhost")) {
      return first;
    }
    return "docker.io";
  }
}
