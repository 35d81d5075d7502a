/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.encryption;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;

/**
 * Reading an {@code EncryptionConfiguration} (or the legacy {@code v1} {@code EncryptionConfig}) as
 * the API server does: {@code resources} is a list of entries, each a list of resources
 * ({@code secrets}, {@code deployments.apps}, {@code *.} for every core resource, {@code *.apps},
 * {@code *.*} for everything) and an ordered list of providers; the first entry that names a resource
 * decides how it is stored, and the first provider of that entry writes.
 */
final class EncryptionConfig {

  /** The kinds read here. */
  static final GroupKind[] KINDS = {GroupKind.ENCRYPTION_CONFIGURATION, GroupKind.LEGACY_ENCRYPTION_CONFIG};

  /** The provider types, as the keys of a provider item. */
  static final String[] PROVIDER_TYPES = {"identity", "aescbc", "aesgcm", "secretbox", "kms"};

  private EncryptionConfig() {}

  /** The entries ({@code resources} of the file). */
  static ListNode entries(Resource resource) {
    return resource.root().get("resources").asList();
  }

  /** The group of a resource text, as {@code schema.ParseGroupResource}: after the first dot. */
  static String group(String text) {
    int dot = text.indexOf('.');
    return dot < 0 ? "" : text.substring(dot + 1);
  }

  /** The resource of a resource text: before the first dot. */
  static String resourceOf(String text) {
    int dot = text.indexOf('.');
    return dot < 0 ? text : text.substring(0, dot);
  }

  /** True if the resource text names Secrets: {@code secrets}, {@code *.} or {@code *.*}. */
  static boolean coversSecrets(String text) {
    return text != null && (text.equals("secrets") || text.equals("secrets.") || text.equals("*.")
        || text.equals("*.*"));
  }

  /** The item of {@code entry}'s resources that covers Secrets, or {@link Node#MISSING}. */
  static Node secretsItem(Node entry) {
    ListNode names = entry.get("resources").asList();
    for (int i = 0; i < names.size(); i++) {
      if (coversSecrets(names.get(i).text())) {
        return names.get(i);
      }
    }
    return Node.MISSING;
  }

  /** The first entry that covers Secrets, or {@link Node#MISSING}. */
  static Node secretsEntry(Resource resource) {
    ListNode entries = entries(resource);
    for (int i = 0; i < entries.size(); i++) {
      if (!secretsItem(entries.get(i)).isMissing()) {
        return entries.get(i);
      }
    }
    return Node.MISSING;
  }

  /** The provider type of a provider item ({@code aescbc}...), or {@code null}. */
  static String type(Node provider) {
    MapNode map = provider.asMap();
    for (String t : PROVIDER_TYPES) {
      if (map.has(t)) {
        return t;
      }
    }
    return null;
  }

  /** The 1-based position of an entry, for messages: {@code resources[0]} is entry 1. */
  static String entryLabel(int index) {
    return "resources entry " + (index + 1);
  }
}
