/** Service accounts: the API token a pod gets mounted, and which service account it runs as. */
package dev.kubeward.rules.workload.serviceaccounts;
