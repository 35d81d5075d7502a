/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.encryption;

import dev.kubeward.model.ListNode;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Placeholders;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * An encryption configuration the API server rejects at startup, as its validation and
 * {@code encryptionconfig} loader do: a resource named twice in one entry; overlapping names in one
 * entry ({@code *.*} with anything, {@code *.apps} with {@code deployments.apps}); a resource named
 * after an earlier {@code *.<its group>} or {@code *.*} ("masked by earlier rule"); a provider item
 * with more than one provider type; an aescbc, aesgcm or secretbox provider without keys; a key
 * that is not base64 or not of a length the cipher takes (16, 24 or 32 bytes for aescbc and aesgcm,
 * 32 for secretbox; placeholders are left alone); a kms {@code apiVersion} other than v1 and v2.
 *
 * <p>A specific resource named again in a later entry is accepted by the API server but the later
 * entry never encrypts it (the first entry decides; the later providers are only tried when
 * reading): reported LOW.
 */
public final class EncryptionConfigInvalid implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("encryption-config-invalid")
      .title("Encryption configuration the API server rejects")
      .severity(Severity.HIGH)
      .topic(Topic.ETCD)
      .kinds(EncryptionConfig.KINDS)
      .rationale("The API server validates --encryption-provider-config at startup and does not start when"
          + " the file is invalid, so a change to it takes the control plane down at the next restart."
          + " A resource named in two entries is the common mistake: the first entry decides, and the API"
          + " server rejects a name that an earlier wildcard already covers.")
      .remediation("Name each resource once, put specific resources before the wildcard entries that would"
          + " cover them, keep one provider type per provider item and use keys of the right length.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    ListNode entries = EncryptionConfig.entries(resource);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Node entry = entries.get(i);
      ListNode names = entry.get("resources").asList();
      for (int j = 0; j < names.size(); j++) {
        String name = names.get(j).text();
        if (name == null) {
          continue;
        }
        String problem = inEntry(names, j, name);
        if (problem == null) {
          problem = acrossEntries(seen, i, name, resource, names.get(j), context);
        }
        if (problem != null) {
          context.finding(resource, names.get(j))
              .message(resource.displayName() + " " + problem + ": the API server does not start")
              .key("resource:" + i + ":" + name)
              .report();
        }
      }
      for (int j = 0; j < names.size(); j++) {
        String name = names.get(j).text();
        if (name != null) {
          seen.putIfAbsent(name, i);
        }
      }
      checkProviders(resource, context, entry, i);
    }
  }

  /** What is wrong with the {@code j}th name of one entry's list, against the names before it. */
  private static String inEntry(ListNode names, int j, String name) {
    for (int k = 0; k < j; k++) {
      String other = names.get(k).text();
      if (other == null) {
        continue;
      }
      if (other.equals(name)) {
        return "names " + name + " twice in one entry";
      }
      if (overlap(other, name)) {
        return "names " + name + " and " + other + " in one entry, which overlap";
      }
    }
    return null;
  }

  private static boolean overlap(String a, String b) {
    if (a.equals("*.*") || b.equals("*.*")) {
      return true;
    }
    if (!EncryptionConfig.group(a).equals(EncryptionConfig.group(b))) {
      return false;
    }
    return EncryptionConfig.resourceOf(a).equals("*") || EncryptionConfig.resourceOf(b).equals("*");
  }

  /** What is wrong with a name of entry {@code i} against the entries before it. */
  private static String acrossEntries(Map<String, Integer> seen, int i, String name, Resource resource, Node at,
      Context context) {
    String group = EncryptionConfig.group(name);
    Integer masking = seen.get("*." + group);
    String wildcard = "*." + group;
    if (masking == null) {
      masking = seen.get("*.*");
      wildcard = "*.*";
    }
    if (masking != null && masking < i) {
      return "names " + name + " in " + EncryptionConfig.entryLabel(i) + " after " + wildcard + " in "
          + EncryptionConfig.entryLabel(masking) + " (masked by earlier rule)";
    }
    Integer earlier = seen.get(name);
    if (earlier != null && earlier < i) {
      context.finding(resource, at)
          .message(resource.displayName() + " names " + name + " again in " + EncryptionConfig.entryLabel(i)
              + ": " + EncryptionConfig.entryLabel(earlier) + " decides how it is written, the later providers"
              + " only decrypt")
          .severity(Severity.LOW)
          .key("resource:" + i + ":" + name)
          .report();
    }
    return null;
  }

  private static void checkProviders(Resource resource, Context context, Node entry, int i) {
    ListNode providers = entry.get("providers").asList();
    for (int j = 0; j < providers.size(); j++) {
      MapNode provider = providers.get(j).asMap();
      int types = 0;
      for (String t : EncryptionConfig.PROVIDER_TYPES) {
        types += provider.has(t) ? 1 : 0;
      }
      if (types > 1) {
        context.finding(resource, provider)
            .message(resource.displayName() + " puts " + types + " provider types in one provider item of "
                + EncryptionConfig.entryLabel(i) + ": the API server does not start")
            .key("provider:" + i + ":" + j)
            .report();
      }
      String type = EncryptionConfig.type(provider);
      Node kmsVersion = provider.get("kms").get("apiVersion");
      if ("kms".equals(type) && kmsVersion.isScalar() && !kmsVersion.textEquals("v1") && !kmsVersion.textEquals("v2")) {
        context.finding(resource, kmsVersion)
            .message(resource.displayName() + " sets kms apiVersion: " + kmsVersion.text("")
                + " (v1 or v2 expected): the API server does not start")
            .key("kms:" + i + ":" + j)
            .report();
      }
      int[] sizes = "secretbox".equals(type) ? new int[] {32}
          : "aescbc".equals(type) || "aesgcm".equals(type) ? new int[] {16, 24, 32} : null;
      if (sizes == null) {
        continue;
      }
      ListNode keys = provider.get(type).get("keys").asList();
      if (keys.size() == 0) {
        context.finding(resource, provider.keyNode(type))
            .message(resource.displayName() + " has " + (type.equals("secretbox") ? "a " : "an ") + type
                + " provider without keys in " + EncryptionConfig.entryLabel(i) + ": the API server does not start")
            .key("keys:" + i + ":" + j)
            .report();
      }
      for (int k = 0; k < keys.size(); k++) {
        Node secret = keys.get(k).get("secret");
        String text = secret.text();
        if (text == null || Placeholders.isPlaceholder(text)) {
          continue;
        }
        String problem = keyProblem(text, sizes);
        if (problem != null) {
          context.finding(resource, secret)
              .message(resource.displayName() + " has " + (type.equals("secretbox") ? "a " : "an ") + type
                  + " key \"" + keys.get(k).get("name").text("")
                  + "\" that " + problem + ": the API server does not start")
              .key("key:" + i + ":" + j + ":" + k)
              .report();
        }
      }
    }
  }

  /** Why a key is rejected, or {@code null}; never quotes the key. */
  static String keyProblem(String text, int[] sizes) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return "is not base64";
    }
    for (int size : sizes) {
      if (bytes.length == size) {
        return null;
      }
    }
    return "is " + bytes.length + " bytes long (" + (sizes.length == 1 ? "32" : "16, 24 or 32") + " expected)";
  }
}
