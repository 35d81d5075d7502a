/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.secrets;

import dev.kubeward.model.Container;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FindingBuilder;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.ArrayList;
import java.util.List;

/**
 * A workload that reads a ConfigMap entry holding a credential (as secret-in-config-map judges it)
 * into its environment, through {@code env[].valueFrom.configMapKeyRef} or
 * {@code envFrom[].configMapRef}. Reported at the reference, with the entries as related locations.
 */
public final class SecretFromConfigMap implements InventoryRule {

  private static final ParameterKey<List<String>> NAME_PATTERNS = ParameterKey.ofList("namePatterns",
      SecretPatterns.DEFAULT_NAME_PATTERNS, "Words that make a ConfigMap key look secret; set them as for"
      + " secret-in-config-map.");
  private static final ParameterKey<List<String>> IGNORED_SUFFIXES = ParameterKey.ofList("ignoredNameSuffixes",
      SecretPatterns.DEFAULT_IGNORED_SUFFIXES, "Key endings that mark a reference to a secret rather than the"
      + " secret itself; set them as for secret-in-config-map.");

  private static final RuleMetadata METADATA = RuleMetadata.builder("secret-from-config-map")
      .title("Credential read from a ConfigMap into the environment")
      .severity(Severity.MEDIUM)
      .topic(Topic.SECRETS)
      .kinds(RuleMetadata.WORKLOADS, GroupKind.CONFIG_MAP)
      .parameters(NAME_PATTERNS, IGNORED_SUFFIXES)
      .rationale("secret-in-config-map reports a credential where it is stored; this rule reports where it is"
          + " used, because moving the value into a Secret also means changing every workload that reads it"
          + " (configMapKeyRef to secretKeyRef, configMapRef to secretRef, or better a mounted Secret). A"
          + " container reads an entry through env[].valueFrom.configMapKeyRef, or every entry of a ConfigMap"
          + " through envFrom[].configMapRef; the ConfigMap is looked up by name in the workload's namespace,"
          + " every copy of it in the scan counts, and the entries judged as secret-in-config-map judges them"
          + " (a credential format, or a literal under a secret-looking key) are named in the message and"
          + " given as related locations. One problem, one finding per place: the ConfigMap entry is"
          + " secret-in-config-map's finding, the reference is this one's; a reference to a ConfigMap outside"
          + " the scan is not reported. Values are never printed.")
      .remediation("Move the value into a Secret, mount it as a file (or reference it with secretKeyRef), and"
          + " rotate the exposed credential.")
      .build();

  private final HardcodedEnvSecret.Params params;

  public SecretFromConfigMap() {
    this(Parameters.defaults(METADATA));
  }

  private SecretFromConfigMap(Parameters parameters) {
    this.params = HardcodedEnvSecret.Params.of(parameters.get(NAME_PATTERNS), parameters.get(IGNORED_SUFFIXES));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new SecretFromConfigMap(parameters);
  }

  /** A flagged ConfigMap entry: the ConfigMap, the value node, the key and what it looks like. */
  private record Entry(Resource configMap, Node value, String key, String embedded, String kind) {}

  @Override
  public void check(Inventory inventory, Context context) {
    if (inventory.ofKind(GroupKind.CONFIG_MAP).isEmpty()) {
      return;
    }
    List<Resource> workloads = inventory.workloads();
    for (int w = 0; w < workloads.size(); w++) {
      Resource r = workloads.get(w);
      String namespace = inventory.namespaceOf(r);
      List<Container> containers = r.podSpec().containers();
      for (int i = 0; i < containers.size(); i++) {
        Container c = containers.get(i);
        Node env = c.node().get("env");
        for (int j = 0; j < env.size(); j++) {
          Node ref = env.get(j).get("valueFrom").get("configMapKeyRef");
          String name = ref.get("name").text();
          String key = ref.get("key").text();
          if (name == null || key == null) {
            continue;
          }
          List<Entry> entries = flagged(inventory, context, namespace, name, key);
          if (!entries.isEmpty()) {
            String variable = env.get(j).get("name").text("");
            report(context.finding(r, env.get(j).get("valueFrom").asMap().keyNode("configMapKeyRef"))
                .key(c.name() + "/env/" + variable)
                .message(c.describe() + " of " + r.displayName() + " reads key \"" + key + "\" of ConfigMap \""
                    + name + "\", which holds " + what(entries.get(0).kind()) + ", into environment variable \""
                    + variable + "\" (value not shown)"), entries);
          }
        }
        Node envFrom = c.node().get("envFrom");
        for (int j = 0; j < envFrom.size(); j++) {
          String name = envFrom.get(j).get("configMapRef").get("name").text();
          if (name == null) {
            continue;
          }
          List<Entry> entries = flagged(inventory, context, namespace, name, null);
          if (!entries.isEmpty()) {
            report(context.finding(r, envFrom.get(j).asMap().keyNode("configMapRef"))
                .key(c.name() + "/envFrom/" + name)
                .message(c.describe() + " of " + r.displayName() + " imports every key of ConfigMap \"" + name
                    + "\" as environment variables (envFrom), including " + keys(entries)
                    + " (values not shown)"), entries);
          }
        }
      }
    }
  }

  private static void report(FindingBuilder finding, List<Entry> entries) {
    for (Entry e : entries) {
      finding.related(e.configMap(), e.value(), e.configMap().displayName() + ", key \"" + e.key() + "\""
          + (e.embedded() == null ? "" : " at " + e.embedded()) + ": " + what(e.kind()) + " (value not shown)");
    }
    finding.report();
  }

  private static String what(String kind) {
    return SecretInConfigMap.BY_NAME.equals(kind) ? "a literal value whose key says it is a secret"
        : "a value that looks like " + kind;
  }

  /** The distinct keys of {@code entries}, quoted, in order. */
  private static String keys(List<Entry> entries) {
    List<String> seen = new ArrayList<>();
    for (Entry e : entries) {
      if (!seen.contains(e.key())) {
        seen.add(e.key());
      }
    }
    StringBuilder sb = new StringBuilder(seen.size() == 1 ? "key " : "keys ");
    for (int i = 0; i < seen.size(); i++) {
      sb.append(i == 0 ? "" : i == seen.size() - 1 ? " and " : ", ").append('"').append(seen.get(i)).append('"');
    }
    return sb.append(seen.size() == 1 ? ", which holds a secret" : ", which hold secrets").toString();
  }

  /** The flagged entries of every copy of ConfigMap {@code name}: only {@code key}, or all if it is null. */
  private List<Entry> flagged(Inventory inventory, Context context, String namespace, String name, String key) {
    List<Entry> out = List.of();
    for (Resource cm : inventory.named(GroupKind.CONFIG_MAP, namespace, name)) {
      if (cm.root().get("sops").isMap()) {
        continue;
      }
      boolean defaultsShown = DefaultPassword.shown(context, cm);
      MapNode data = cm.root().get("data").asMap();
      for (int i = 0; i < data.size(); i++) {
        if (key != null && !key.equals(data.key(i))) {
          continue;
        }
        List<Entry> sink = out.isEmpty() ? new ArrayList<>(2) : out;
        SecretInConfigMap.inspect(data.key(i), data.value(i), params, defaultsShown,
            (value, k, embedded, at, kind) -> sink.add(new Entry(cm, value, k, embedded, kind)));
        if (!sink.isEmpty()) {
          out = sink;
        }
      }
    }
    return out;
  }
}
