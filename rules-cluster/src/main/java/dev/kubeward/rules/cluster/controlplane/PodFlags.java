/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

import dev.kubeward.commandline.CommandLine;
import dev.kubeward.commandline.Flag;
import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import java.util.List;
import java.util.Map;

/** The flags of a control-plane container, from its checkable command line. */
final class PodFlags implements ComponentFlags {

  private final Component component;
  private final CommandLine commandLine;

  PodFlags(Component component, CommandLine commandLine) {
    this.component = component;
    this.commandLine = commandLine;
  }

  @Override
  public Component component() {
    return component;
  }

  @Override
  public boolean isSet(String name) {
    return commandLine.flag(name).isSet();
  }

  @Override
  public String text(String name) {
    return commandLine.flag(name).text();
  }

  @Override
  public List<String> values(String name) {
    return commandLine.flag(name).values();
  }

  @Override
  public Map<String, String> entries(String name) {
    return commandLine.flag(name).entries();
  }

  @Override
  public Node node(String name) {
    return commandLine.flag(name).node();
  }

  @Override
  public Node nodeOf(String name, String item) {
    Flag flag = commandLine.flag(name);
    Node at = flag.nodeOf(item);
    return at.isMissing() ? flag.node() : at;
  }

  @Override
  public Node missingAt() {
    return commandOf(commandLine.container());
  }

  @Override
  public String origin(String name) {
    Flag flag = commandLine.flag(name);
    return flag.isSet() && flag.effective().origin() == Flag.Origin.ENVIRONMENT
        ? " (from " + envName(name) + ")" : "";
  }

  private String envName(String name) {
    return commandLine.table().envPrefix() + "_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
  }

  /** The key of the container's {@code command}, else of its {@code args}, else the container. */
  static Node commandOf(Container container) {
    for (String field : new String[] {"command", "args"}) {
      Node key = container.node().keyNode(field);
      if (!key.isMissing()) {
        return key;
      }
    }
    return container.node();
  }
}
