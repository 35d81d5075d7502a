/** The network rules module: its {@link dev.kubeward.rules.network.NetworkRules} provider. */
package dev.kubeward.rules.network;
