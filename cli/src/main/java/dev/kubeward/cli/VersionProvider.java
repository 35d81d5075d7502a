/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import dev.kubeward.engine.Kubeward;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: {@code kubeward <version>}, the version of the build that made the core jar. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"kubeward " + Kubeward.VERSION};
  }
}
