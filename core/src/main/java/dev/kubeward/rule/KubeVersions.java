/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import dev.kubeward.model.Container;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.List;
import java.util.Objects;

/**
 * The Kubernetes version that applies to one object, for rules whose verdict depends on it
 * (removed APIs, flag defaults, default roles). In this order:
 *
 * <ol>
 *   <li>the version given for the scan ({@code --kube-version}, {@code kubernetesVersion:} in
 *       {@code .kubeward.yaml}, {@link ScanSettings.Builder#kubeVersion}): {@link Origin#EXPLICIT};
 *   <li>the version the object states about itself: the image tag of a control-plane component
 *       it runs ({@code registry.k8s.io/kube-apiserver:v1.29.3} is v1.29; also
 *       {@code kube-controller-manager}, {@code kube-scheduler} and {@code kube-proxy}, on any
 *       registry, with an architecture suffix such as {@code -amd64}), or {@code kubernetesVersion}
 *       of a kubeadm {@code ClusterConfiguration}: {@link Origin#OBJECT};
 *   <li>the newest version Kubeward knows ({@link KubeVersion#newestKnown()}): {@link Origin#DEFAULT}.
 * </ol>
 *
 * <p>A finding whose verdict depends on the version says which applied, with
 * {@link Applied#describe()}: {@code ... (Kubernetes v1.29, from the image tag)}.
 */
public final class KubeVersions {

  /** The control-plane components whose image tag states the cluster's version. */
  // Arrays, not lists: they are walked on the quiet path of every workload, where an iterator the
  // compiler does not remove is an allocation.
  private static final String[] COMPONENTS =
      {"kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy"};
  private static final String[] ARCHITECTURES = {"amd64", "arm64", "arm", "ppc64le", "s390x"};

  private KubeVersions() {}

  /** Where the version that applies came from. */
  public enum Origin {
    /** Given for the scan. */
    EXPLICIT,
    /** Stated by the object itself. */
    OBJECT,
    /** The newest version Kubeward knows, for want of any other. */
    DEFAULT
  }

  /**
   * A version that applies and where it came from.
   *
   * @param version the version
   * @param origin where it came from
   * @param statement the node that states it (an image or {@code kubernetesVersion}) for
   *     {@link Origin#OBJECT}, otherwise {@link Node#MISSING}
   * @param source how a message names the origin: {@code the image tag}, {@code kubernetesVersion},
   *     {@code the scan's setting} or {@code the newest known}
   */
  public record Applied(KubeVersion version, Origin origin, Node statement, String source) {

    static final Applied DEFAULT = new Applied(KubeVersion.newestKnown(), Origin.DEFAULT, Node.MISSING,
        "the newest known");

    public Applied {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(statement, "statement");
      Objects.requireNonNull(source, "source");
    }

    Applied(KubeVersion version, Origin origin, Node statement) {
      this(version, origin, statement, "the scan's setting");
    }

    /**
     * What a message puts in parentheses after a version-dependent verdict:
     * {@code Kubernetes v1.29, from the image tag}, {@code Kubernetes v1.30, from kubernetesVersion},
     * {@code Kubernetes v1.28, as set for the scan}, {@code Kubernetes v1.37, the newest known}.
     */
    public String describe() {
      return switch (origin) {
        case EXPLICIT -> "Kubernetes " + version + ", as set for the scan";
        case OBJECT -> "Kubernetes " + version + ", from " + source;
        case DEFAULT -> "Kubernetes " + version + ", " + source;
      };
    }
  }

  /**
   * The version that applies to {@code resource} in a scan with {@code settings}. Allocates only
   * when the object states its own version and none is given for the scan.
   */
  public static Applied forObject(Resource resource, ScanSettings settings) {
    if (settings.isKubeVersionExplicit()) {
      return settings.scanKubeVersion();
    }
    if (resource.is(GroupKind.KUBEADM_CLUSTER_CONFIGURATION)) {
      Node stated = resource.root().get("kubernetesVersion");
      int minor = minorOf(stated.text());
      if (minor >= 0) {
        return new Applied(KubeVersion.of(minor), Origin.OBJECT, stated, "kubernetesVersion");
      }
    } else if (resource.isWorkload()) {
      List<Container> containers = resource.podSpec().containers();
      for (int i = 0; i < containers.size(); i++) {
        Node image = containers.get(i).image();
        int minor = controlPlaneMinor(image.text());
        if (minor >= 0) {
          return new Applied(KubeVersion.of(minor), Origin.OBJECT, image, "the image tag");
        }
      }
    }
    return settings.scanKubeVersion();
  }

  /**
   * The minor version an image of a control-plane component states in its tag
   * ({@code 29} for {@code registry.k8s.io/kube-apiserver:v1.29.3}, also with a digest after the
   * tag, a registry with a port, or a tag without {@code v}), or {@code -1} when {@code image} is
   * not such an image or its tag is no version ({@code latest}, a digest only).
   */
  public static int controlPlaneMinor(String image) {
    if (image == null) {
      return -1;
    }
    int at = image.indexOf('@');
    int end = at < 0 ? image.length() : at;
    int slash = image.lastIndexOf('/', end - 1);
    int colon = image.indexOf(':', slash + 1);
    if (colon < 0 || colon >= end || !isComponent(image, slash + 1, colon)) {
      return -1;
    }
    return minorOf(image.substring(colon + 1, end));
  }

  private static boolean isComponent(String image, int from, int to) {
    for (String component : COMPONENTS) {
      if (!image.startsWith(component, from)) {
        continue;
      }
      int after = from + component.length();
      if (after == to) {
        return true;
      }
      if (image.charAt(after) == '-') {
        for (String arch : ARCHITECTURES) {
          if (to - after - 1 == arch.length() && image.startsWith(arch, after + 1)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The minor version of a version text {@code v1.N}, {@code v1.N.P} or the same without
   * {@code v}, optionally followed by a pre-release or build suffix ({@code v1.30.0-rc.1}); or
   * {@code -1} for anything else (including {@code null}, {@code latest}, {@code stable-1.30}).
   */
  public static int minorOf(String version) {
    if (version == null) {
      return -1;
    }
    int i = version.startsWith("v") ? 1 : 0;
    if (!version.startsWith("1.", i)) {
      return -1;
    }
    i += 2;
    int start = i;
    long minor = 0;
    while (i < version.length() && isDigit(version.charAt(i)) && i - start < 9) {
      minor = minor * 10 + (version.charAt(i) - '0');
      i++;
    }
    if (i == start || (i - start > 1 && version.charAt(start) == '0')) {
      return -1;
    }
    if (i < version.length() && version.charAt(i) == '.') {
      int patch = ++i;
      while (i < version.length() && isDigit(version.charAt(i))) {
        i++;
      }
      if (i == patch) {
        return -1;
      }
    }
    if (i < version.length() && version.charAt(i) != '-' && version.charAt(i) != '+') {
      return -1;
    }
    return (int) minor;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
