/** Pod Security Standards checks, as the Pod Security Admission controller applies them. */
package dev.kubeward.rules.workload.podsecurity;
