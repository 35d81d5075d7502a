/** The rbac rules module: its {@link dev.kubeward.rules.rbac.RbacRules} provider. */
package dev.kubeward.rules.rbac;
