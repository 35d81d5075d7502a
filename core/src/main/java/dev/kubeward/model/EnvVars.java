/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

/**
 * A view of a container's environment: {@code env} entries ({@code EnvVar}: a name and a literal
 * {@code value} or a {@code valueFrom} source) and {@code envFrom} sources (every key of a
 * ConfigMap or Secret, with an optional prefix).
 *
 * <p>Entries are the list items themselves; the methods here read one item. Nothing allocates,
 * so a rule may call them for every container of every resource:
 * <pre>{@code
 * ListNode env = EnvVars.of(container);
 * for (int i = 0; i < env.size(); i++) {
 *   Node item = env.get(i);
 *   if (EnvVars.source(item) == EnvVars.Source.SECRET_KEY_REF) {
 *     context.report(resource, EnvVars.sourceKeyNode(item), ...);
 *   }
 * }
 * }</pre>
 *
 * <p>At run time the kubelet applies {@code envFrom} first and lets {@code env} override it, and a
 * later {@code env} entry of the same name overrides an earlier one
 * ({@code makeEnvironmentVariables} in {@code pkg/kubelet/kubelet_pods.go}).
 */
public final class EnvVars {

  /** Where an {@code env} entry takes its value from. */
  public enum Source {
    /** A literal {@code value} (absent or empty means the empty string). */
    VALUE("value"),
    /** {@code valueFrom.fieldRef}: a field of the pod (downward API). */
    FIELD_REF("fieldRef"),
    /** {@code valueFrom.resourceFieldRef}: a resource limit or request of a container. */
    RESOURCE_FIELD_REF("resourceFieldRef"),
    /** {@code valueFrom.configMapKeyRef}: one key of a ConfigMap. */
    CONFIG_MAP_KEY_REF("configMapKeyRef"),
    /** {@code valueFrom.secretKeyRef}: one key of a Secret. */
    SECRET_KEY_REF("secretKeyRef"),
    /** {@code valueFrom.fileKeyRef}: one key of an env file in a volume (Kubernetes 1.34+). */
    FILE_KEY_REF("fileKeyRef"),
    /** A {@code valueFrom} that names no source Kubeward knows (the API server rejects an empty one). */
    UNKNOWN("valueFrom");

    private final String field;

    Source(String field) {
      this.field = field;
    }

    /** The field that holds this source: {@code secretKeyRef}, or {@code value} for a literal. */
    public String field() {
      return field;
    }
  }

  /** What an {@code envFrom} item imports. */
  public enum FromSource {
    /** {@code configMapRef}: every key of a ConfigMap. */
    CONFIG_MAP("configMapRef"),
    /** {@code secretRef}: every key of a Secret. */
    SECRET("secretRef"),
    /** An item that names neither. */
    UNKNOWN("");

    private final String field;

    FromSource(String field) {
      this.field = field;
    }

    /** The field that holds this source ({@code configMapRef}); empty for {@link #UNKNOWN}. */
    public String field() {
      return field;
    }
  }

  private static final Source[] VALUE_FROM = {
    Source.SECRET_KEY_REF, Source.CONFIG_MAP_KEY_REF, Source.FIELD_REF, Source.RESOURCE_FIELD_REF, Source.FILE_KEY_REF
  };

  private EnvVars() {}

  /** The container's {@code env} list; empty when absent. */
  public static ListNode of(Container container) {
    return container.node().get("env").asList();
  }

  /** The container's {@code envFrom} list; empty when absent. */
  public static ListNode envFrom(Container container) {
    return container.node().get("envFrom").asList();
  }

  /** The {@code name} node of an {@code env} item, or {@code MISSING}. */
  public static Node nameNode(Node envVar) {
    return envVar.get("name");
  }

  /** The name of an {@code env} item, or {@code null} when it has none. */
  public static String name(Node envVar) {
    return envVar.get("name").text();
  }

  /**
   * The literal {@code value} node of an {@code env} item, or {@code MISSING}. Only meaningful
   * when {@link #source} is {@link Source#VALUE}.
   */
  public static Node valueNode(Node envVar) {
    return envVar.get("value");
  }

  /**
   * Where the item takes its value from: the source named in {@code valueFrom} when it is set
   * (not null), otherwise {@link Source#VALUE}. The API server accepts a non-empty {@code value}
   * only without {@code valueFrom}, and a {@code valueFrom} with exactly one source.
   */
  public static Source source(Node envVar) {
    Node from = envVar.get("valueFrom");
    if (!from.isMap()) {
      return Source.VALUE;
    }
    for (Source s : VALUE_FROM) {
      if (!from.get(s.field).isNull()) {
        return s;
      }
    }
    return Source.UNKNOWN;
  }

  /**
   * The key node naming the item's {@code valueFrom} source ({@code secretKeyRef}), where a
   * finding about the source points; {@code MISSING} for a literal value.
   */
  public static Node sourceKeyNode(Node envVar) {
    Source s = source(envVar);
    if (s == Source.VALUE) {
      return Node.MISSING;
    }
    MapNode from = envVar.get("valueFrom").asMap();
    return s == Source.UNKNOWN ? envVar.asMap().keyNode("valueFrom") : from.keyNode(s.field);
  }

  /**
   * The source object of the item's {@code valueFrom} ({@code {name: db, key: password}} under
   * {@code secretKeyRef}), or {@code MISSING} for a literal value.
   */
  public static Node sourceNode(Node envVar) {
    Source s = source(envVar);
    return s == Source.VALUE || s == Source.UNKNOWN ? Node.MISSING : envVar.get("valueFrom").get(s.field);
  }

  /**
   * The name of the ConfigMap or Secret a {@code configMapKeyRef} or {@code secretKeyRef} reads,
   * or {@code null} for other sources.
   */
  public static String referencedName(Node envVar) {
    Source s = source(envVar);
    return s == Source.CONFIG_MAP_KEY_REF || s == Source.SECRET_KEY_REF ? sourceNode(envVar).get("name").text() : null;
  }

  /**
   * The key a {@code configMapKeyRef}, {@code secretKeyRef} or {@code fileKeyRef} reads, or
   * {@code null} for other sources.
   */
  public static String referencedKey(Node envVar) {
    Source s = source(envVar);
    return s == Source.CONFIG_MAP_KEY_REF || s == Source.SECRET_KEY_REF || s == Source.FILE_KEY_REF
        ? sourceNode(envVar).get("key").text()
        : null;
  }

  /**
   * The {@code env} item that defines {@code name} for the running container: the last one of
   * that name, as the kubelet lets a later entry override an earlier one; {@code MISSING} if
   * none. A variable an {@code envFrom} source may define is not found here.
   */
  public static Node find(Container container, String name) {
    ListNode env = of(container);
    for (int i = env.size() - 1; i >= 0; i--) {
      if (env.get(i).get("name").textEquals(name)) {
        return env.get(i);
      }
    }
    return Node.MISSING;
  }

  /** What an {@code envFrom} item imports. */
  public static FromSource fromSource(Node envFrom) {
    if (!envFrom.get("configMapRef").isNull()) {
      return FromSource.CONFIG_MAP;
    }
    if (!envFrom.get("secretRef").isNull()) {
      return FromSource.SECRET;
    }
    return FromSource.UNKNOWN;
  }

  /** The key node ({@code configMapRef}, {@code secretRef}) of an {@code envFrom} item, or {@code MISSING}. */
  public static Node fromKeyNode(Node envFrom) {
    FromSource s = fromSource(envFrom);
    return s == FromSource.UNKNOWN ? Node.MISSING : envFrom.asMap().keyNode(s.field);
  }

  /** The name of the ConfigMap or Secret an {@code envFrom} item imports, or {@code null}. */
  public static String fromName(Node envFrom) {
    FromSource s = fromSource(envFrom);
    return s == FromSource.UNKNOWN ? null : envFrom.get(s.field).get("name").text();
  }

  /** The {@code prefix} an {@code envFrom} item puts before every imported name; {@code ""} when unset. */
  public static String fromPrefix(Node envFrom) {
    return envFrom.get("prefix").text("");
  }
}
