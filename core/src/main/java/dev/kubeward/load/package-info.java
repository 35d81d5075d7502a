/** Reading manifests (YAML, JSON, lists) into resources, with limits and errors that never quote input values. */
package dev.kubeward.load;
