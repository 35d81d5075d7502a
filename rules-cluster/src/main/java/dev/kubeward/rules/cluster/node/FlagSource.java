/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.node;

import dev.kubeward.commandline.CommandLine;
import dev.kubeward.commandline.Flag;
import dev.kubeward.commandline.FlagTable;
import dev.kubeward.commandline.FlagType;
import dev.kubeward.model.Container;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubelet flags given in one place: kubeadm's {@code nodeRegistration.kubeletExtraArgs} of an
 * InitConfiguration or JoinConfiguration ({@code v1beta3}: a map of name to value; {@code v1beta4}:
 * a list of {@code name}/{@code value} items, a repeated name given again) or of the kubeadm
 * configurations a Cluster API object embeds, or the command line of a container that runs a
 * kubelet. Flags override the kubelet's configuration file.
 */
final class FlagSource {

  /**
   * One flag as the kubelet receives it.
   *
   * @param text the effective value (the last one given)
   * @param items the items of a list flag, appended over every occurrence
   * @param entries the entries of a map flag ({@code --feature-gates}), merged
   * @param node where the flag is given (the effective occurrence)
   * @param itemNodes where each list item or map key is given
   */
  record FlagValue(String text, List<String> items, Map<String, String> entries, Node node,
      Map<String, Node> itemNodes) {}

  private final Resource resource;
  private final String where;
  private final Map<String, FlagValue> flags;
  private final boolean usesFlagDefaults;
  private final Node anchor;

  private FlagSource(Resource resource, String where, Map<String, FlagValue> flags, boolean usesFlagDefaults,
      Node anchor) {
    this.resource = resource;
    this.where = where;
    this.flags = flags;
    this.usesFlagDefaults = usesFlagDefaults;
    this.anchor = anchor;
  }

  /** The kubeletExtraArgs of a kubeadm Init/JoinConfiguration, or {@code null} when it gives none. */
  static FlagSource ofKubeadm(Resource resource) {
    return ofNodeRegistration(resource, resource.root().get("nodeRegistration"),
        "kubeletExtraArgs of " + resource.displayName());
  }

  /**
   * The kubeletExtraArgs of the {@code initConfiguration} and {@code joinConfiguration} of a Cluster
   * API KubeadmConfig ({@code spec}), KubeadmConfigTemplate ({@code spec.template.spec}),
   * KubeadmControlPlane ({@code spec.kubeadmConfigSpec}) or KubeadmControlPlaneTemplate
   * ({@code spec.template.spec.kubeadmConfigSpec}); empty when they give none.
   */
  static List<FlagSource> ofClusterApi(Resource resource) {
    Node spec = resource.root().get("spec");
    if (resource.kind().endsWith("Template")) {
      spec = spec.get("template").get("spec");
    }
    if (resource.kind().startsWith("KubeadmControlPlane")) {
      spec = spec.get("kubeadmConfigSpec");
    }
    List<FlagSource> sources = new ArrayList<>(2);
    for (String field : new String[] {"initConfiguration", "joinConfiguration"}) {
      FlagSource source = ofNodeRegistration(resource, spec.get(field).get("nodeRegistration"),
          "kubeletExtraArgs of the " + field + " of " + resource.displayName());
      if (source != null) {
        sources.add(source);
      }
    }
    return sources;
  }

  private static FlagSource ofNodeRegistration(Resource resource, Node nodeRegistration, String where) {
    Node args = nodeRegistration.get("kubeletExtraArgs");
    if (args.size() == 0) {
      return null;
    }
    Map<String, List<Node[]>> given = new LinkedHashMap<>();
    if (args.isMap()) {
      MapNode map = args.asMap();
      for (int i = 0; i < map.size(); i++) {
        given.computeIfAbsent(FlagTable.KUBELET.normalize(map.key(i)), k -> new ArrayList<>())
            .add(new Node[] {map.keyNode(i), map.value(i)});
      }
    } else if (args.isList()) {
      ListNode list = args.asList();
      for (int i = 0; i < list.size(); i++) {
        Node item = list.get(i);
        String name = item.get("name").text();
        if (name != null) {
          given.computeIfAbsent(FlagTable.KUBELET.normalize(name), k -> new ArrayList<>())
              .add(new Node[] {item, item.get("value")});
        }
      }
    }
    Map<String, FlagValue> flags = new LinkedHashMap<>();
    given.forEach((name, occurrences) -> flags.put(name, fromTexts(name, occurrences)));
    return new FlagSource(resource, where, Collections.unmodifiableMap(flags), false,
        nodeRegistration.asMap().keyNode("kubeletExtraArgs"));
  }

  private static FlagValue fromTexts(String name, List<Node[]> occurrences) {
    FlagType type = FlagTable.KUBELET.typeOf(name);
    List<String> items = new ArrayList<>();
    Map<String, String> entries = new LinkedHashMap<>();
    Map<String, Node> itemNodes = new LinkedHashMap<>();
    String text = "";
    Node node = Node.MISSING;
    for (Node[] o : occurrences) {
      Node value = o[1];
      text = value.isScalar() ? value.text("") : "";
      node = o[0];
      if (type == FlagType.LIST || type == FlagType.ARRAY) {
        for (String item : GoText.items(text)) {
          items.add(item);
          itemNodes.put(item, o[0]);
        }
      } else if (type == FlagType.MAP) {
        for (String item : GoText.items(text)) {
          int eq = item.indexOf('=');
          String key = eq < 0 ? item : item.substring(0, eq).trim();
          entries.put(key, eq < 0 ? "" : item.substring(eq + 1).trim());
          itemNodes.put(key, o[0]);
        }
      }
    }
    return new FlagValue(text, items, entries, node, itemNodes);
  }

  /**
   * The command line of {@code container}, which runs a kubelet, or {@code null} when it cannot be
   * read as the kubelet reads it (a shell, an unresolved variable: nothing is concluded then).
   */
  static FlagSource ofContainer(Resource resource, Container container) {
    CommandLine line = CommandLine.of(container, FlagTable.KUBELET);
    if (!line.isCheckable()) {
      return null;
    }
    Map<String, FlagValue> flags = new LinkedHashMap<>();
    for (Flag flag : line.flags()) {
      Map<String, Node> itemNodes = new LinkedHashMap<>();
      List<String> items = flag.type() == FlagType.LIST || flag.type() == FlagType.ARRAY ? flag.values() : List.of();
      for (String item : items) {
        itemNodes.put(item, flag.nodeOf(item));
      }
      for (String key : flag.entries().keySet()) {
        itemNodes.put(key, flag.nodeOf(key));
      }
      flags.put(flag.name(), new FlagValue(flag.text(), items, flag.entries(), flag.node(), itemNodes));
    }
    boolean defaults = !line.flag("config").isSet();
    Node anchor = container.node().has("command") ? container.node().keyNode("command")
        : container.node().keyNode("args");
    return new FlagSource(resource, container.describe() + " of " + resource.displayName(),
        Collections.unmodifiableMap(flags), defaults, anchor);
  }

  Resource resource() {
    return resource;
  }

  /** How a message names the place: {@code kubeletExtraArgs of JoinConfiguration in join.yaml}. */
  String where() {
    return where;
  }

  /** The flag {@code name} (normalised, no dashes), or {@code null} when not given. */
  FlagValue flag(String name) {
    return flags.get(name);
  }

  /**
   * True if the kubelet runs on its flags' defaults for what the source does not set: a command
   * line without {@code --config}. kubeadm always writes a configuration file, so its arguments are
   * judged only on what they set.
   */
  boolean usesFlagDefaults() {
    return usesFlagDefaults;
  }

  /** Where a finding about a flag the source leaves out points. */
  Node anchor() {
    return anchor;
  }
}
