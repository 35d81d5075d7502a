/** Image references: tags, digests, registries, pull policy. */
package dev.kubeward.rules.workload.images;
