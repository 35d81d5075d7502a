/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** The {@code kubeward} command line: scan manifests, list and explain rules. */
module dev.kubeward.cli {
  requires dev.kubeward.core;
  requires dev.kubeward.rules.network;
  requires info.picocli;
  requires dev.kubeward.rules.rbac;

  opens dev.kubeward.cli to info.picocli;
}
