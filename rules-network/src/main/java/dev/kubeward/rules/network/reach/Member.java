/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One pod template of a workload, with the policies that apply to its pods, per direction. */
final class Member {
  final PodSpec pod;
  final Resource resource;
  final String namespace;
  final Map<String, String> labels;
  final boolean hostNetwork;
  Workload workload;
  final List<Policy> ingressPolicies = new ArrayList<>(1);
  final List<Policy> egressPolicies = new ArrayList<>(1);
  final List<ClusterPolicy> ingressClusterPolicies = new ArrayList<>(0);
  final List<ClusterPolicy> egressClusterPolicies = new ArrayList<>(0);

  Member(PodSpec pod, Resource resource, String namespace, Map<String, String> labels, boolean hostNetwork) {
    this.pod = pod;
    this.resource = resource;
    this.namespace = namespace;
    this.labels = labels;
    this.hostNetwork = hostNetwork;
  }
}
