/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.model.ListNode;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import java.util.HashMap;
import java.util.Map;

/**
 * A volume of a type other than the ephemeral and projected kinds: Pod Security Standards
 * Restricted, check {@code restrictedVolumes} (every policy version; replaces
 * {@code hostPathVolumes}). A volume that names no source is allowed, since the API defaults it to
 * {@code emptyDir}; {@code image} volumes are allowed, as releases from 1.33 accept them at every
 * version.
 */
public final class RestrictedVolumes extends PssRule {

  private static final RuleMetadata METADATA =
      metadata("restricted-volumes", PssCheck.RESTRICTED_VOLUMES, Severity.HIGH)
          .title("Volume type not allowed by the restricted level")
          .rationale("Only volume types that cannot reach outside the pod's own data are safe to hand to"
              + " any tenant: hostPath exposes the node, gitRepo has run code on the node, and network"
              + " and cloud volume sources bypass the storage classes an administrator controls.")
          .remediation("Use only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim,"
              + " projected or secret volumes.")
          .build();

  /** Sources admission allows. */
  private static final String[] ALLOWED = {
    "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim",
    "projected", "secret"
  };

  /** Every other volume source the API knows; admission names them in its message. */
  private static final String[] FORBIDDEN = {
    "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs",
    "rbd", "flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile", "vsphereVolume", "quobyte",
    "azureDisk", "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos"
  };

  /**
   * Each source of {@link #ALLOWED} and {@link #FORBIDDEN} by name: {@link #ALLOWED_SOURCE} or the
   * index in {@link #FORBIDDEN}, so a volume's few keys are looked up rather than every source.
   */
  private static final Map<String, Integer> SOURCES = new HashMap<>();
  private static final int ALLOWED_SOURCE = -1;

  static {
    for (String source : ALLOWED) {
      SOURCES.put(source, ALLOWED_SOURCE);
    }
    for (int i = 0; i < FORBIDDEN.length; i++) {
      SOURCES.put(FORBIDDEN[i], i);
    }
  }

  public RestrictedVolumes() {
    super(PssCheck.RESTRICTED_VOLUMES);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  void evaluate(Resource resource, PodSpec pod, int minor, Context out) {
    ListNode volumes = pod.volumes().asList();
    for (int i = 0; i < volumes.size(); i++) {
      MapNode volume = volumes.get(i).asMap();
      int forbidden = forbiddenSource(volume);
      if (forbidden >= 0) {
        String source = FORBIDDEN[forbidden];
        out.report(resource, volume.keyNode(source), "volume " + value(volume.get("name")) + " of "
            + subject(resource) + " uses " + source + ", which the restricted level does not allow:"
            + " use configMap, secret, emptyDir, projected, persistentVolumeClaim, csi or ephemeral instead");
      }
    }
  }

  /**
   * The index in {@link #FORBIDDEN} of the first forbidden source {@code volume} sets (to anything
   * but null), or -1 when it sets an allowed source too, or none.
   */
  private static int forbiddenSource(MapNode volume) {
    int first = FORBIDDEN.length;
    for (int k = 0; k < volume.size(); k++) {
      Integer source = SOURCES.get(volume.key(k));
      if (source == null || volume.value(k).isNull()) {
        continue;
      }
      if (source == ALLOWED_SOURCE) {
        return -1;
      }
      first = Math.min(first, source);
    }
    return first == FORBIDDEN.length ? -1 : first;
  }
}
