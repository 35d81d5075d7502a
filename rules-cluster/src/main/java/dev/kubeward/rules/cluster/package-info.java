/** The cluster rules module: its {@link dev.kubeward.rules.cluster.ClusterRules} provider. */
package dev.kubeward.rules.cluster;
