/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.commandline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Container;

/** Static pods for command-line tests. */
final class Pods {

  private Pods() {}

  /**
   * The only container of a Pod whose container object has the lines of {@code body} after
   * {@code - name: c}. The container's first line is line 6; {@code body}'s first line is line 7,
   * its keys at column 7.
   */
  static Container container(String body) {
    String yaml = "apiVersion: v1\n"
        + "kind: Pod\n"
        + "metadata: {name: control-plane, namespace: kube-system}\n"
        + "spec:\n"
        + "  containers:\n"
        + "    - name: c\n"
        + body.indent(6);
    LoadResult result = Loader.defaults().loadString("pod.yaml", yaml);
    assertThat(result.errors()).isEmpty();
    return result.resources().get(0).podSpec().containers().get(0);
  }

  /** The command line of {@link #container(String)}, read with {@code table}. */
  static CommandLine parse(String body, FlagTable table) {
    return CommandLine.of(container(body), table);
  }
}
