/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.access;

import java.util.Locale;
import java.util.Objects;

/**
 * Who a binding grants to: a {@code User}, a {@code Group}, or a {@code ServiceAccount} (with its
 * namespace). Parsed from the command-line forms {@code user:NAME}, {@code group:NAME} and
 * {@code serviceaccount:NS:NAME}.
 *
 * @param kind {@link #USER}, {@link #GROUP} or {@link #SERVICE_ACCOUNT}
 * @param namespace the namespace of a service account; {@code null} for users and groups
 * @param name the name
 */
public record Subject(String kind, String namespace, String name) {

  public static final String USER = "User";
  public static final String GROUP = "Group";
  public static final String SERVICE_ACCOUNT = "ServiceAccount";

  /** The group every authenticated user is in. */
  public static final String AUTHENTICATED = "system:authenticated";
  /** The group of every service account. */
  public static final String SERVICE_ACCOUNTS = "system:serviceaccounts";
  /** The user name of an anonymous request. */
  public static final String ANONYMOUS = "system:anonymous";
  /** The group of anonymous requests. */
  public static final String UNAUTHENTICATED = "system:unauthenticated";

  public Subject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (!kind.equals(SERVICE_ACCOUNT)) {
      namespace = null;
    }
  }

  public static Subject user(String name) {
    return new Subject(USER, null, name);
  }

  public static Subject group(String name) {
    return new Subject(GROUP, null, name);
  }

  public static Subject serviceAccount(String namespace, String name) {
    return new Subject(SERVICE_ACCOUNT, Objects.requireNonNull(namespace, "namespace"), name);
  }

  /**
   * The subject {@code text} names: {@code serviceaccount:NS:NAME}, {@code user:NAME} or
   * {@code group:NAME} (the prefix in any case; {@code sa:} for short).
   *
   * @throws IllegalArgumentException with a plain sentence if {@code text} is none of these
   */
  public static Subject parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("a subject is serviceaccount:NAMESPACE:NAME, user:NAME or group:NAME");
    }
    String prefix = text.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = text.substring(colon + 1);
    switch (prefix) {
      case "user":
        return user(rest);
      case "group":
        return group(rest);
      case "serviceaccount":
      case "sa":
        int second = rest.indexOf(':');
        if (second <= 0 || second == rest.length() - 1 || rest.indexOf(':', second + 1) >= 0) {
          throw new IllegalArgumentException("a service account subject is serviceaccount:NAMESPACE:NAME");
        }
        return serviceAccount(rest.substring(0, second), rest.substring(second + 1));
      default:
        throw new IllegalArgumentException("a subject is serviceaccount:NAMESPACE:NAME, user:NAME or group:NAME");
    }
  }

  /** The user name the API server gives a service account: {@code system:serviceaccount:NS:NAME}. */
  public String userName() {
    return kind.equals(SERVICE_ACCOUNT) ? "system:serviceaccount:" + namespace + ":" + name : name;
  }

  /** {@code ServiceAccount ns/name}, {@code User name}, {@code Group name}. */
  public String displayName() {
    return namespace == null ? kind + " " + name : kind + " " + namespace + "/" + name;
  }

  // equals and hashCode are written out (with the values a record's generated methods give) so that
  // their first use does not bootstrap java.lang.runtime.ObjectMethods at start-up.

  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof Subject other && kind.equals(other.kind)
        && Objects.equals(namespace, other.namespace) && name.equals(other.name);
  }

  @Override
  public int hashCode() {
    return (31 * kind.hashCode() + Objects.hashCode(namespace)) * 31 + name.hashCode();
  }

  @Override
  public String toString() {
    return displayName();
  }
}
