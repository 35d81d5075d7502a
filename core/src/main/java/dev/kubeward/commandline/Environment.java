/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.commandline;

import dev.kubeward.model.EnvVars;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.ScalarNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a container's command line is expanded with, as far as the manifest tells it:
 * the mapping the kubelet builds in {@code makeEnvironmentVariables}
 * ({@code pkg/kubelet/kubelet_pods.go}). {@code envFrom} sources come first and {@code env}
 * entries override them; each {@code env} value is expanded with the variables defined before it
 * (and the Service variables); a later entry of the same name replaces an earlier one. The command
 * line is then expanded with the final mapping.
 *
 * <p>What the manifest cannot tell is unknown: a {@code valueFrom} value, anything an
 * {@code envFrom} source may define, the Service variables ({@code NAME_SERVICE_HOST},
 * {@code NAME_PORT...}) the kubelet adds from the cluster, and a value that refers to one of those.
 * A name that none of them can define is undefined, and its reference stays as written.
 */
final class Environment {

  /** One variable of the final mapping; {@code value} is {@code null} when unknown, with the reason. */
  record Variable(String name, String value, String whyUnknown, Node nameNode, Node valueNode) {}

  private final Map<String, Variable> variables = new LinkedHashMap<>();
  private final Node envFrom;
  /** The first reference that made the last expansion unknown, and why. */
  private String unknownName;
  private String unknownReason;

  private Environment(Node container) {
    ListNode sources = container.get("envFrom").asList();
    this.envFrom = sources.size() > 0 ? sources.get(0) : Node.MISSING;
    ListNode env = container.get("env").asList();
    for (int i = 0; i < env.size(); i++) {
      Node item = env.get(i);
      String name = item.get("name").text();
      if (name == null) {
        continue;
      }
      Node value = item.get("value");
      Variable v;
      if (value.isScalar() && !value.isNull() && !value.text().isEmpty()) {
        if (((ScalarNode) value).type() != ScalarNode.Type.STRING) {
          v = new Variable(name, null, "has a value that is not a string", item.get("name"), value);
        } else {
          String expanded = expand(value.text());
          v = expanded != null
              ? new Variable(name, expanded, null, item.get("name"), value)
              : new Variable(name, null, "refers to " + unknownName + ", which " + unknownReason, item.get("name"), value);
        }
      } else if (EnvVars.source(item) != EnvVars.Source.VALUE) {
        EnvVars.Source source = EnvVars.source(item);
        String why = source == EnvVars.Source.UNKNOWN
            ? "has a valueFrom that names no source"
            : "is set from valueFrom." + source.field() + " and known only when the pod runs";
        v = new Variable(name, null, why, item.get("name"), item.get("valueFrom"));
      } else if (!value.isMissing() && !value.isNull() && !value.isScalar()) {
        v = new Variable(name, null, "has a value that is not a string", item.get("name"), value);
      } else {
        v = new Variable(name, "", null, item.get("name"), value);
      }
      variables.remove(name); // a redefinition moves to the end, as the last word on the name
      variables.put(name, v);
    }
  }

  /** The environment of the container object {@code container}. */
  static Environment of(Node container) {
    return new Environment(container);
  }

  /**
   * {@code text} expanded with the mapping as it stands, or {@code null} if it refers to an
   * unknown value ({@link #unknownName()} and {@link #unknownReason()} then say which and why).
   */
  String expand(String text) {
    unknownName = null;
    unknownReason = null;
    return Expansion.expand(text, this::lookup);
  }

  /** The variable behind the last unknown expansion. */
  String unknownName() {
    return unknownName;
  }

  /** Why the variable behind the last unknown expansion is unknown, as a predicate of a sentence. */
  String unknownReason() {
    return unknownReason;
  }

  private String lookup(String name) {
    Variable v = variables.get(name);
    if (v != null) {
      if (v.value() == null) {
        return unknown(name, v.whyUnknown());
      }
      return v.value();
    }
    if (!envFrom.isMissing()) {
      return unknown(name, "may be set by envFrom");
    }
    if (maybeServiceVariable(name)) {
      return unknown(name, "may be set by the kubelet from a Service of the cluster");
    }
    return Expansion.reference(name);
  }

  private String unknown(String name, String reason) {
    if (unknownName == null) {
      unknownName = name;
      unknownReason = reason;
    }
    return null;
  }

  /**
   * True if {@code name} has the form of a variable the kubelet derives from a Service
   * ({@code pkg/kubelet/envvars}: {@code X_SERVICE_HOST}, {@code X_SERVICE_PORT},
   * {@code X_SERVICE_PORT_NAME}, {@code X_PORT}, {@code X_PORT_80_TCP}, {@code ..._PROTO},
   * {@code ..._PORT}, {@code ..._ADDR}): every one of them contains {@code _SERVICE_HOST} or
   * {@code _PORT}.
   */
  static boolean maybeServiceVariable(String name) {
    return name.contains("_SERVICE_HOST") || name.contains("_PORT");
  }

  /** The variables of the final mapping, in the order of their last definition. */
  Iterable<Variable> variables() {
    return variables.values();
  }

  /** The variable {@code name} of the final mapping, or {@code null}. */
  Variable variable(String name) {
    return variables.get(name);
  }

  /** The first {@code envFrom} source, or {@code MISSING}. */
  Node envFrom() {
    return envFrom;
  }
}
