/** Rules for cert-manager resources. */
package dev.kubeward.examples.certificates;
