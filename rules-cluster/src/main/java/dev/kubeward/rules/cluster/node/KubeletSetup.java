/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.node;

import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.model.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One kubelet as the scan describes it: a configuration file (main or drop-in, with the drop-ins
 * that override a main file), the flags given to it, or both. {@link #resolve} gives the value a
 * setting takes and where it comes from: a flag wins over the file, a drop-in over the main file, and
 * what nothing sets takes the default of the mechanism in use (the configuration file's in a main
 * file, the flag's for a command line without {@code --config}); a drop-in alone decides nothing it
 * does not set.
 */
final class KubeletSetup {

  /** How a setting is read. */
  enum Kind {
    BOOL, INT, DURATION, STRING, LIST
  }

  /** Where a value comes from. */
  enum Origin {
    /** Set in a configuration file. */
    FILE,
    /** Not set in a main configuration file: the file's default. */
    FILE_DEFAULT,
    /** Given as a flag. */
    FLAG,
    /** Not given to a kubelet without {@code --config}: the flag's default. */
    FLAG_DEFAULT
  }

  /**
   * One setting: its field in the configuration file ({@code null} for a flag-only setting), its
   * flag ({@code null} for a file-only one) and, for a map flag, the key ({@code feature-gates}
   * {@code RotateKubeletServerCertificate}).
   */
  record Setting(String field, String flag, String flagKey, Kind kind) {
    String[] path() {
      return field == null ? new String[0] : field.split("\\.");
    }

    /** {@code readOnlyPort} or {@code --read-only-port}, for messages. */
    String label(Origin origin) {
      boolean flagSide = origin == Origin.FLAG || origin == Origin.FLAG_DEFAULT;
      if (flagSide || field == null) {
        return "--" + flag + (flagKey == null ? "" : " " + flagKey);
      }
      return field;
    }
  }

  /**
   * The value a setting takes.
   *
   * @param origin where it comes from
   * @param text the value as text ({@code true}, {@code 10255}, {@code 4h0m0s}), the joined items of a list
   * @param items the items of a list
   * @param resource the resource that sets it (or whose default applies)
   * @param where how a message names the place: the resource, or the flags' source
   * @param node where it is set, or the closest place for a default
   * @param itemNodes where each list item is set
   * @param overridden the file's value a flag overrides, or {@code null}
   */
  record Value(Origin origin, String text, List<String> items, Resource resource, String where, Node node,
      Map<String, Node> itemNodes, Value overridden) {

    boolean isDefault() {
      return origin == Origin.FILE_DEFAULT || origin == Origin.FLAG_DEFAULT;
    }

    /** Where an item points: its own node when known, else the value's. */
    Node nodeOf(String item) {
      Node n = itemNodes.get(item);
      return n == null || n.isMissing() ? node : n;
    }
  }

  private final Resource file;
  private final boolean dropIn;
  private final List<Resource> dropIns;
  private final FlagSource flags;
  private final Resource carrier;
  private final Node carrierNode;

  KubeletSetup(Resource file, boolean dropIn, List<Resource> dropIns, FlagSource flags) {
    this(file, dropIn, dropIns, flags, null, Node.MISSING);
  }

  /**
   * A setup whose configuration {@code file} is embedded as text in {@code carrier} (kubeadm's
   * {@code kubelet-config} ConfigMap) at {@code carrierNode}: findings on the file are reported there.
   */
  KubeletSetup(Resource file, boolean dropIn, List<Resource> dropIns, FlagSource flags, Resource carrier,
      Node carrierNode) {
    this.file = file;
    this.dropIn = dropIn;
    this.dropIns = dropIns;
    this.flags = flags;
    this.carrier = carrier;
    this.carrierNode = carrierNode;
  }

  /** The resource that holds the configuration file as text, or {@code null}. */
  Resource carrier() {
    return carrier;
  }

  /** Where in {@link #carrier()} the configuration file's text is. */
  Node carrierNode() {
    return carrierNode;
  }

  Resource file() {
    return file;
  }

  FlagSource flags() {
    return flags;
  }

  /** The resource the setup is judged for (for the Kubernetes version): the file (or its carrier), else the flags'. */
  Resource primary() {
    return carrier != null ? carrier : file != null ? file : flags.resource();
  }

  /**
   * The value {@code setting} takes, or {@code null} when the setup does not decide it (a drop-in
   * that leaves it out, kubeadm arguments that leave it to the configuration file, a value the
   * kubelet would refuse).
   *
   * @param fileDefault the configuration file's default as text
   * @param flagDefault the flag's default as text
   */
  Value resolve(Setting setting, String fileDefault, String flagDefault) {
    Value inFile = fileValue(setting);
    if (flags != null && setting.flag() != null) {
      FlagSource.FlagValue flag = flags.flag(setting.flag());
      if (flag != null) {
        Value overridden = inFile == UNREADABLE ? null : inFile;
        if (setting.flagKey() != null) {
          String entry = flag.entries().get(setting.flagKey());
          if (entry != null) {
            return new Value(Origin.FLAG, entry, List.of(), flags.resource(), flags.where(), flag.node(), Map.of(),
                overridden);
          }
        } else {
          return new Value(Origin.FLAG, setting.kind() == Kind.LIST ? String.join(",", flag.items()) : flag.text(),
              flag.items(), flags.resource(), flags.where(), flag.node(), flag.itemNodes(), overridden);
        }
      }
    }
    if (inFile == UNREADABLE) {
      return null;
    }
    if (inFile != null) {
      return inFile;
    }
    if (file != null && setting.field() != null && !dropIn && fileDefault != null) {
      return new Value(Origin.FILE_DEFAULT, fileDefault, List.of(), file, file.displayName(),
          anchorOf(file, setting.path()), Map.of(), null);
    }
    if (file == null && flags != null && flags.usesFlagDefaults() && setting.flag() != null && flagDefault != null) {
      return new Value(Origin.FLAG_DEFAULT, flagDefault, List.of(), flags.resource(), flags.where(), flags.anchor(),
          Map.of(), null);
    }
    return null;
  }

  private static final Value UNREADABLE =
      new Value(Origin.FILE, "", List.of(), null, "", Node.MISSING, Map.of(), null);

  /**
   * The value the files set (the last drop-in that sets it, else the file), {@code null}, or
   * {@link #UNREADABLE}.
   */
  private Value fileValue(Setting setting) {
    if (file == null || setting.field() == null) {
      return null;
    }
    String[] path = setting.path();
    for (int i = dropIns.size() - 1; i >= 0; i--) {
      Value v = read(dropIns.get(i), path, setting.kind());
      if (v != null) {
        return v;
      }
    }
    return read(file, path, setting.kind());
  }

  private static Value read(Resource r, String[] path, Kind kind) {
    Node node = r.root();
    for (String key : path) {
      node = node.get(key);
    }
    if (node.isNull()) {
      return null;
    }
    switch (kind) {
      case BOOL:
        if (!node.isTrue() && !node.isFalse()) {
          return UNREADABLE;
        }
        return new Value(Origin.FILE, node.isTrue() ? "true" : "false", List.of(), r, r.displayName(), node,
            Map.of(), null);
      case INT:
        long n = node.longValue(Long.MIN_VALUE);
        if (n == Long.MIN_VALUE) {
          return UNREADABLE;
        }
        return new Value(Origin.FILE, Long.toString(n), List.of(), r, r.displayName(), node, Map.of(), null);
      case LIST:
        if (!node.isList()) {
          return UNREADABLE;
        }
        List<String> items = new ArrayList<>();
        Map<String, Node> itemNodes = new LinkedHashMap<>();
        for (int i = 0; i < node.size(); i++) {
          String text = node.get(i).text();
          if (text == null) {
            return UNREADABLE;
          }
          items.add(text);
          itemNodes.putIfAbsent(text, node.get(i));
        }
        return new Value(Origin.FILE, String.join(",", items), List.copyOf(items), r, r.displayName(), node,
            itemNodes, null);
      default:
        if (!(node instanceof ScalarNode s) || s.type() != ScalarNode.Type.STRING) {
          return UNREADABLE;
        }
        return new Value(Origin.FILE, s.text(), List.of(), r, r.displayName(), node, Map.of(), null);
    }
  }

  /**
   * Where a finding about a field the file leaves out points: the key of the deepest enclosing
   * field the file has, else its {@code kind}.
   */
  static Node anchorOf(Resource r, String[] path) {
    Node node = r.root();
    Node anchor = r.root().keyNode("kind");
    for (String key : path) {
      if (!(node instanceof MapNode map) || !map.has(key)) {
        break;
      }
      anchor = map.keyNode(key);
      node = map.get(key);
    }
    return anchor;
  }
}
