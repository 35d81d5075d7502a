/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.admission;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * The PodSecurity plugin configurations of a resource: a {@code PodSecurityConfiguration} file
 * itself, or the inline {@code configuration} of the {@code PodSecurity} plugin of an
 * {@code AdmissionConfiguration} ({@code apiserver.config.k8s.io} or the legacy
 * {@code apiserver.k8s.io}). A plugin that names its configuration by {@code path} is judged when
 * that file is in the scan.
 */
final class PodSecurityConfigurations {

  private PodSecurityConfigurations() {}

  static final GroupKind[] KINDS = {GroupKind.ADMISSION_CONFIGURATION, GroupKind.LEGACY_ADMISSION_CONFIGURATION,
      GroupKind.POD_SECURITY_CONFIGURATION};

  /** The {@code PodSecurityConfiguration} objects {@code resource} holds (the object itself, or inline ones). */
  static List<Node> of(Resource resource) {
    List<Node> out = new ArrayList<>();
    if (resource.is(GroupKind.POD_SECURITY_CONFIGURATION)) {
      out.add(resource.root());
      return out;
    }
    Node plugins = resource.root().get("plugins");
    for (int i = 0; i < plugins.size(); i++) {
      Node plugin = plugins.get(i);
      Node configuration = plugin.get("configuration");
      if (plugin.get("name").textEquals("PodSecurity") && configuration.isMap()
          && configuration.get("kind").textEquals("PodSecurityConfiguration")) {
        out.add(configuration);
      }
    }
    return out;
  }
}
