/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The admission plugins kube-apiserver enables by default ({@code --enable-admission-plugins}
 * adds to them, {@code --disable-admission-plugins} removes from them), by the minor version that
 * first enabled each: kubernetes/kubernetes {@code pkg/kubeapiserver/options/plugins.go}
 * ({@code DefaultOffAdmissionPlugins}, whose complement is the default set). The set applies from
 * v1.10, when the two flags came; before, {@code --admission-control} defaulted to
 * {@code AlwaysAdmit} alone. NodeRestriction, AlwaysPullImages, EventRateLimit,
 * DenyServiceExternalIPs, AlwaysAdmit and ImagePolicyWebhook have never been enabled by default.
 */
final class AdmissionDefaults {

  private static final Map<String, Integer> SINCE = new LinkedHashMap<>();

  static {
    for (String p : new String[] {"NamespaceLifecycle", "LimitRanger", "ServiceAccount", "DefaultStorageClass",
        "DefaultTolerationSeconds", "MutatingAdmissionWebhook", "ValidatingAdmissionWebhook", "ResourceQuota"}) {
      SINCE.put(p, 10);
    }
    SINCE.put("PersistentVolumeClaimResize", 11);
    SINCE.put("Priority", 11);
    SINCE.put("StorageObjectInUseProtection", 11);
    SINCE.put("TaintNodesByCondition", 17);
    SINCE.put("DefaultIngressClass", 18);
    SINCE.put("RuntimeClass", 18);
    SINCE.put("CertificateApproval", 19);
    SINCE.put("CertificateSigning", 19);
    SINCE.put("CertificateSubjectRestriction", 19);
    SINCE.put("PodSecurity", 23);
    SINCE.put("ClusterTrustBundleAttest", 27);
    SINCE.put("ValidatingAdmissionPolicy", 28);
    SINCE.put("MutatingAdmissionPolicy", 32);
    SINCE.put("PodTopologyLabels", 33);
  }

  private AdmissionDefaults() {}

  /** The plugins enabled by default in {@code v1.minor} (v1.10 or newer). */
  static Set<String> of(int minor) {
    return BY_MINOR.computeIfAbsent(minor, AdmissionDefaults::compute);
  }

  private static final java.util.concurrent.ConcurrentMap<Integer, Set<String>> BY_MINOR =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Set<String> compute(int minor) {
    Set<String> plugins = new TreeSet<>();
    SINCE.forEach((plugin, since) -> {
      if (minor >= since) {
        plugins.add(plugin);
      }
    });
    return java.util.Collections.unmodifiableSet(plugins);
  }
}
