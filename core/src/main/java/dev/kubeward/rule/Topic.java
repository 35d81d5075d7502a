/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

/** The area of cluster security a rule belongs to. */
public enum Topic {
  RBAC("rbac"),
  NETWORK("network"),
  SECRETS("secrets"),
  API_SERVER("api-server"),
  UPDATES("updates"),
  IMAGES("images"),
  POD_SECURITY("pod-security"),
  ETCD("etcd"),
  AUDIT("audit"),
  TENANCY("tenancy"),
  NODES("nodes"),
  DASHBOARD("dashboard"),
  HYGIENE("hygiene");

  private final String id;

  Topic(String id) {
    this.id = id;
  }

  /** The kebab-case id used in reports and configuration. */
  public String id() {
    return id;
  }

  /** The topic with this id. */
  public static Topic of(String id) {
    for (Topic t : values()) {
      if (t.id.equals(id)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown topic '" + id + "'");
  }
}
