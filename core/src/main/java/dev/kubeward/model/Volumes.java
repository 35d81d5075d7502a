/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.HashMap;
import java.util.Map;

/**
 * A view of a pod's {@code volumes}, typed by their source ({@code hostPath}, {@code secret},
 * {@code configMap}, {@code projected}, ...). Volumes are the list items themselves; the methods
 * here read one item and allocate nothing:
 * <pre>{@code
 * ListNode volumes = Volumes.of(pod);
 * for (int i = 0; i < volumes.size(); i++) {
 *   Node volume = volumes.get(i);
 *   if (Volumes.kind(volume) == Volumes.Kind.HOST_PATH) {
 *     String path = Volumes.hostPath(volume);
 *   }
 * }
 * }</pre>
 */
public final class Volumes {

  /**
   * The volume sources of {@code VolumeSource} in {@code k8s.io/api/core/v1}, by the field that
   * holds each.
   */
  public enum Kind {
    HOST_PATH("hostPath"),
    EMPTY_DIR("emptyDir"),
    SECRET("secret"),
    CONFIG_MAP("configMap"),
    PROJECTED("projected"),
    DOWNWARD_API("downwardAPI"),
    PERSISTENT_VOLUME_CLAIM("persistentVolumeClaim"),
    EPHEMERAL("ephemeral"),
    CSI("csi"),
    IMAGE("image"),
    GIT_REPO("gitRepo"),
    NFS("nfs"),
    ISCSI("iscsi"),
    GLUSTERFS("glusterfs"),
    RBD("rbd"),
    CEPHFS("cephfs"),
    CINDER("cinder"),
    FLEX_VOLUME("flexVolume"),
    FLOCKER("flocker"),
    FC("fc"),
    AZURE_FILE("azureFile"),
    AZURE_DISK("azureDisk"),
    GCE_PERSISTENT_DISK("gcePersistentDisk"),
    AWS_ELASTIC_BLOCK_STORE("awsElasticBlockStore"),
    VSPHERE_VOLUME("vsphereVolume"),
    QUOBYTE("quobyte"),
    PHOTON_PERSISTENT_DISK("photonPersistentDisk"),
    PORTWORX_VOLUME("portworxVolume"),
    SCALE_IO("scaleIO"),
    STORAGEOS("storageos"),
    /** A volume with no source field: the API server defaults it to {@code emptyDir: {}}. */
    NONE(""),
    /** A volume whose only extra field is not a source Kubeward knows. */
    UNKNOWN("");

    private static final Map<String, Kind> BY_FIELD = new HashMap<>();

    static {
      for (Kind k : values()) {
        if (!k.field.isEmpty()) {
          BY_FIELD.put(k.field, k);
        }
      }
    }

    private final String field;

    Kind(String field) {
      this.field = field;
    }

    /** The field of a volume that holds this source ({@code hostPath}); empty for NONE and UNKNOWN. */
    public String field() {
      return field;
    }

    /** The kind whose field is {@code field}, or {@code null}. */
    public static Kind ofField(String field) {
      return BY_FIELD.get(field);
    }
  }

  /** The sources of a {@code projected} volume's {@code sources} items. */
  public enum Projection {
    SECRET("secret"),
    CONFIG_MAP("configMap"),
    DOWNWARD_API("downwardAPI"),
    SERVICE_ACCOUNT_TOKEN("serviceAccountToken"),
    CLUSTER_TRUST_BUNDLE("clusterTrustBundle"),
    POD_CERTIFICATE("podCertificate"),
    UNKNOWN("");

    private final String field;

    Projection(String field) {
      this.field = field;
    }

    /** The field of a projection that holds this source; empty for UNKNOWN. */
    public String field() {
      return field;
    }
  }

  private static final Projection[] PROJECTIONS = {
    Projection.SECRET, Projection.CONFIG_MAP, Projection.DOWNWARD_API, Projection.SERVICE_ACCOUNT_TOKEN,
    Projection.CLUSTER_TRUST_BUNDLE, Projection.POD_CERTIFICATE
  };

  private Volumes() {}

  /** The pod's {@code volumes} list; empty when absent. */
  public static ListNode of(PodSpec pod) {
    return pod.spec().get("volumes").asList();
  }

  /** The {@code name} of a volume, or {@code null}. */
  public static String name(Node volume) {
    return volume.get("name").text();
  }

  /** The volume of {@code pod} named {@code name} (the first, should there be several), or {@code MISSING}. */
  public static Node named(PodSpec pod, String name) {
    ListNode volumes = of(pod);
    for (int i = 0; i < volumes.size(); i++) {
      if (volumes.get(i).get("name").textEquals(name)) {
        return volumes.get(i);
      }
    }
    return Node.MISSING;
  }

  /**
   * The volume's source: the first field other than {@code name} whose value is set (not null),
   * as a {@link Kind}; {@link Kind#NONE} when there is none, {@link Kind#UNKNOWN} when the first
   * such field is not a known source. The API server accepts exactly one source per volume.
   */
  public static Kind kind(Node volume) {
    int i = sourceIndex(volume);
    if (i < 0) {
      return Kind.NONE;
    }
    Kind k = Kind.ofField(volume.asMap().key(i));
    return k == null ? Kind.UNKNOWN : k;
  }

  /** The key node of the volume's source ({@code hostPath}), where a finding about it points; {@code MISSING} if none. */
  public static Node sourceKeyNode(Node volume) {
    int i = sourceIndex(volume);
    return i < 0 ? Node.MISSING : volume.asMap().keyNode(i);
  }

  /** The source object of the volume ({@code {path: /etc, type: Directory}} under {@code hostPath}), or {@code MISSING}. */
  public static Node sourceNode(Node volume) {
    int i = sourceIndex(volume);
    return i < 0 ? Node.MISSING : volume.asMap().value(i);
  }

  private static int sourceIndex(Node volume) {
    MapNode map = volume.asMap();
    for (int i = 0; i < map.size(); i++) {
      if (!map.key(i).equals("name") && !map.value(i).isNull()) {
        return i;
      }
    }
    return -1;
  }

  /** The {@code hostPath.path} node of a hostPath volume, or {@code MISSING}. */
  public static Node hostPathNode(Node volume) {
    return volume.get("hostPath").get("path");
  }

  /** The host path of a hostPath volume, or {@code null} for other volumes. */
  public static String hostPath(Node volume) {
    return volume.get("hostPath").get("path").text();
  }

  /**
   * The object a volume reads by name: {@code secret.secretName}, {@code configMap.name} or
   * {@code persistentVolumeClaim.claimName}; {@code null} for other kinds.
   */
  public static String referencedName(Node volume) {
    switch (kind(volume)) {
      case SECRET:
        return volume.get("secret").get("secretName").text();
      case CONFIG_MAP:
        return volume.get("configMap").get("name").text();
      case PERSISTENT_VOLUME_CLAIM:
        return volume.get("persistentVolumeClaim").get("claimName").text();
      default:
        return null;
    }
  }

  /** The {@code projected.sources} list of a projected volume; empty for other volumes. */
  public static ListNode projectedSources(Node volume) {
    return volume.get("projected").get("sources").asList();
  }

  /** What one item of {@code projected.sources} projects. */
  public static Projection projection(Node source) {
    for (Projection p : PROJECTIONS) {
      if (!source.get(p.field).isNull()) {
        return p;
      }
    }
    return Projection.UNKNOWN;
  }
}
