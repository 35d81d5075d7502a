/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.List;

/**
 * Which service account a pod runs as, and whether its token is mounted, as the API server and
 * the kubelet decide it. Nothing here allocates: rules call it for every workload of a scan.
 */
public final class ServiceAccounts {

  /** The service account of a pod that names none. */
  public static final String DEFAULT = "default";

  /** The field, on a pod spec and on a ServiceAccount, that decides whether the token is mounted. */
  public static final String AUTOMOUNT = "automountServiceAccountToken";

  private ServiceAccounts() {}

  /**
   * The node naming a pod spec's service account: {@code serviceAccountName}, or the deprecated
   * {@code serviceAccount} the API server copies into it when it is empty; {@link Node#MISSING}
   * if neither.
   */
  public static Node nameNode(MapNode podSpec) {
    Node name = podSpec.get("serviceAccountName");
    String text = name.text();
    if (text != null && !text.isEmpty()) {
      return name;
    }
    Node legacy = podSpec.get("serviceAccount");
    String legacyText = legacy.text();
    return legacyText != null && !legacyText.isEmpty() ? legacy : Node.MISSING;
  }

  /** The service account a pod spec runs as; {@link #DEFAULT} when unset. */
  public static String nameOf(MapNode podSpec) {
    return nameNode(podSpec).text(DEFAULT);
  }

  /** Every copy of the ServiceAccount {@code workload}'s pods run as, in its namespace; empty if not in the scan. */
  public static List<Resource> accountOf(Inventory inventory, Resource workload) {
    PodSpec pod = workload.podSpec();
    if (pod == null) {
      return List.of();
    }
    return inventory.named(GroupKind.SERVICE_ACCOUNT, inventory.namespaceOf(workload), nameOf(pod.spec()));
  }

  /** How the mounting of a pod's service account token is decided. */
  public enum TokenMount {
    /** The pod sets {@code automountServiceAccountToken: false}: not mounted. */
    POD_DISABLES(false),
    /** The pod sets {@code automountServiceAccountToken: true}: mounted, whatever the account says. */
    POD_ENABLES(true),
    /** The pod leaves it unset and every copy of its ServiceAccount sets it to false: not mounted. */
    ACCOUNT_DISABLES(false),
    /** The pod leaves it unset and a copy of its ServiceAccount sets it to true: mounted. */
    ACCOUNT_ENABLES(true),
    /** Neither the pod nor a copy of its ServiceAccount sets it: mounted, the default. */
    UNSET(true),
    /** The pod leaves it unset and its ServiceAccount is not in the scan: mounted unless the account says otherwise. */
    ACCOUNT_NOT_IN_SCAN(true);

    private final boolean mounted;

    TokenMount(boolean mounted) {
      this.mounted = mounted;
    }

    /** True if the token is mounted (or, for an account not in the scan, mounted by default). */
    public boolean mounted() {
      return mounted;
    }
  }

  /**
   * How {@code workload}'s pods get their token. Every copy of the ServiceAccount counts: a copy
   * that disables the token never hides one that does not.
   *
   * @throws IllegalArgumentException if {@code workload} has no pod spec
   */
  public static TokenMount tokenMount(Inventory inventory, Resource workload) {
    PodSpec pod = workload.podSpec();
    if (pod == null) {
      throw new IllegalArgumentException(workload.displayName() + " has no pod spec");
    }
    Node own = pod.spec().get(AUTOMOUNT);
    if (own.isFalse()) {
      return TokenMount.POD_DISABLES;
    }
    if (own.isTrue()) {
      return TokenMount.POD_ENABLES;
    }
    List<Resource> accounts = accountOf(inventory, workload);
    if (accounts.isEmpty()) {
      return TokenMount.ACCOUNT_NOT_IN_SCAN;
    }
    Resource copy = mountingAccount(accounts);
    if (copy == null) {
      return TokenMount.ACCOUNT_DISABLES;
    }
    return copy.root().get(AUTOMOUNT).isTrue() ? TokenMount.ACCOUNT_ENABLES : TokenMount.UNSET;
  }

  /**
   * The copy of {@code workload}'s ServiceAccount that lets the token be mounted (the first in
   * source order that does not set {@code automountServiceAccountToken: false}), or {@code null}.
   */
  public static Resource mountingAccount(Inventory inventory, Resource workload) {
    return mountingAccount(accountOf(inventory, workload));
  }

  private static Resource mountingAccount(List<Resource> accounts) {
    for (int i = 0; i < accounts.size(); i++) {
      if (!accounts.get(i).root().get(AUTOMOUNT).isFalse()) {
        return accounts.get(i);
      }
    }
    return null;
  }
}
