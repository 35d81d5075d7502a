/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.load.Yaml;
import dev.kubeward.load.YamlException;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.ScalarNode;
import dev.kubeward.model.WorkloadKinds;
import dev.kubeward.rule.KubeVersion;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.Severity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code .kubeward.yaml} file into a {@link Configuration}. The format is described in
 * {@code docs/configuration.md}:
 *
 * <pre>{@code
 * profile: recommended
 * kubernetesVersion: v1.30
 * pssVersion: v1.30
 * rules:
 *   image-not-pinned: off
 *   run-as-non-root: {severity: critical}
 *   image-registry-not-allowed: {enabled: true, params: {allowedRegistries: [ghcr.io/acme]}}
 * exemptions:
 *   - {rule: privileged-container, kind: DaemonSet, namespace: kube-system, name: "cilium*",
 *      reason: CNI needs privileges}
 *   - {rule: kubelet-anonymous-auth, file: "nodes/kubelet-lab*.yaml", reason: lab nodes}
 * workloadKinds:
 *   - {apiGroup: example.com, kind: Thing, templatePath: spec.template}
 * defaultNamespace: shop
 * joinScope: argument
 * exclude: [charts, "deploy/dev/**"]
 * baseline: kubeward-baseline.json
 * podCidr: 10.244.0.0/16
 * plugins: [tools/kubeward-plugins]
 * }</pre>
 *
 * <p>Every problem is an {@link IllegalArgumentException} whose message is
 * {@code file:line:column: problem}. Rule ids and parameter values are checked against the rules
 * when the {@link Kubeward} is built.
 */
public final class ConfigurationFile {

  private static final List<String> TOP_LEVEL = List.of("profile", "kubernetesVersion", "pssVersion", "rules",
      "exemptions", "workloadKinds", "defaultNamespace", "joinScope", "exclude", "baseline", "podCidr", "plugins");
  private static final List<String> RULE_KEYS = List.of("enabled", "severity", "params");
  private static final List<String> EXEMPTION_KEYS = List.of("rule", "kind", "namespace", "name", "file", "reason");
  private static final List<String> CARRIER_KEYS = List.of("apiGroup", "kind", "templatePath");

  private final String source;

  private ConfigurationFile(String source) {
    this.source = source;
  }

  /**
   * Reads the configuration file at {@code path} (UTF-8).
   *
   * @throws ConfigurationException when the file cannot be read or is not a valid configuration
   */
  public static Configuration read(Path path) {
    String name = path.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new ConfigurationException(name, 0, 0, "no such file");
    } catch (IOException e) {
      throw new ConfigurationException(name, 0, 0, "cannot read the configuration file (" + e.getClass().getSimpleName() + ")");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ConfigurationException(name, 0, 0, "the configuration file is not UTF-8 text");
    }
    return parse(name, text);
  }

  /**
   * Parses configuration {@code text}; {@code sourceName} names it in messages. An empty text
   * (or comments only) is {@link Configuration#empty()}.
   *
   * @throws ConfigurationException {@code sourceName:line:column: problem}
   */
  public static Configuration parse(String sourceName, String text) {
    Node root = tree(sourceName, text);
    return new ConfigurationFile(sourceName).configuration(root);
  }

  /**
   * The rule plugins that configuration {@code text} names under {@code plugins:}, as written:
   * jar files or directories of jars, which a caller resolves against the directory of the file.
   * {@link #parse} checks the key but leaves it out of the {@link Configuration}: plugins are code,
   * and only a caller that trusts the file (the command line, for a file given with
   * {@code --config}) loads them.
   *
   * @throws ConfigurationException {@code sourceName:line:column: problem}, as {@link #parse}
   */
  public static List<String> plugins(String sourceName, String text) {
    Node root = tree(sourceName, text);
    ConfigurationFile file = new ConfigurationFile(sourceName);
    file.configuration(root);
    return root.isNull() ? List.of() : file.plugins(root.asMap());
  }

  private List<String> plugins(MapNode map) {
    Node plugins = map.get("plugins");
    if (plugins.isNull()) {
      return List.of();
    }
    ListNode list = list(plugins, "plugins");
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String path = string(list.get(i), "every item of plugins");
      if (path.isEmpty()) {
        throw error(list.get(i), "every item of plugins must be a path to a jar file or a directory of jars");
      }
      paths.add(path);
    }
    return List.copyOf(paths);
  }

  private Configuration configuration(Node root) {
    if (root.isNull()) {
      return Configuration.empty();
    }
    MapNode map = map(root, "the configuration");
    checkKeys(map, TOP_LEVEL, "the configuration");
    plugins(map);
    Profile profile = null;
    Node profileNode = map.get("profile");
    if (!profileNode.isNull()) {
      String id = string(profileNode, "profile");
      try {
        profile = Profile.of(id);
      } catch (IllegalArgumentException e) {
        throw error(profileNode, e.getMessage());
      }
    }
    PssVersion version = null;
    Node versionNode = map.get("pssVersion");
    if (!versionNode.isNull()) {
      String text = string(versionNode, "pssVersion");
      try {
        version = PssVersion.parse(text);
      } catch (IllegalArgumentException e) {
        throw error(versionNode, e.getMessage());
      }
    }
    Set<String> enabled = new LinkedHashSet<>();
    Set<String> disabled = new LinkedHashSet<>();
    Map<String, Severity> severities = new LinkedHashMap<>();
    Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
    Node rules = map.get("rules");
    if (!rules.isNull()) {
      MapNode ruleMap = map(rules, "rules");
      for (int i = 0; i < ruleMap.size(); i++) {
        rule(ruleMap.keyNode(i), ruleMap.value(i), enabled, disabled, severities, parameters);
      }
    }
    List<Exemption> exemptions = new ArrayList<>();
    Node exemptionList = map.get("exemptions");
    if (!exemptionList.isNull()) {
      ListNode list = list(exemptionList, "exemptions");
      for (int i = 0; i < list.size(); i++) {
        exemptions.add(exemption(list.get(i)));
      }
    }
    List<WorkloadKinds.Carrier> carriers = new ArrayList<>();
    Node carrierList = map.get("workloadKinds");
    if (!carrierList.isNull()) {
      ListNode list = list(carrierList, "workloadKinds");
      for (int i = 0; i < list.size(); i++) {
        carriers.add(carrier(list.get(i)));
      }
    }
    List<String> exclude = new ArrayList<>();
    Node excludeList = map.get("exclude");
    if (!excludeList.isNull()) {
      ListNode list = list(excludeList, "exclude");
      for (int i = 0; i < list.size(); i++) {
        String glob = string(list.get(i), "every item of exclude");
        try {
          dev.kubeward.load.Loader.checkGlob(glob);
        } catch (IllegalArgumentException e) {
          throw error(list.get(i), e.getMessage());
        }
        exclude.add(glob);
      }
    }
    String baseline = null;
    Node baselineNode = map.get("baseline");
    if (!baselineNode.isNull()) {
      baseline = string(baselineNode, "baseline");
      if (baseline.isBlank()) {
        throw error(baselineNode, "baseline must be the path of a baseline file");
      }
    }
    String podCidr = null;
    Node podCidrNode = map.get("podCidr");
    if (!podCidrNode.isNull()) {
      podCidr = string(podCidrNode, "podCidr");
      if (!podCidr.matches("[0-9A-Fa-f.:]+/\\d{1,3}")) {
        throw error(podCidrNode, "podCidr must be a CIDR block such as 10.244.0.0/16");
      }
    }
    Configuration.Builder config = Configuration.builder().profile(profile).pssVersion(version).exclude(exclude)
        .baseline(baseline).podCidr(podCidr)
        .enableRules(enabled).disableRules(disabled).exemptions(exemptions).workloadKinds(carriers)
        .defaultNamespace(defaultNamespace(map)).joinScope(joinScope(map)).kubeVersion(kubeVersion(map));
    severities.forEach(config::severity);
    parameters.forEach(config::parameters);
    return config.build();
  }

  private KubeVersion kubeVersion(MapNode map) {
    Node node = map.get("kubernetesVersion");
    if (node.isNull()) {
      return null;
    }
    String text = string(node, "kubernetesVersion");
    try {
      return KubeVersion.parse(text);
    } catch (IllegalArgumentException e) {
      throw error(node, e.getMessage());
    }
  }

  private String defaultNamespace(MapNode map) {
    Node node = map.get("defaultNamespace");
    if (node.isNull()) {
      return null;
    }
    String text = string(node, "defaultNamespace");
    try {
      dev.kubeward.rule.ScanSettings.builder().defaultNamespace(text);
    } catch (IllegalArgumentException e) {
      throw error(node, e.getMessage());
    }
    return text;
  }

  private JoinScope joinScope(MapNode map) {
    Node node = map.get("joinScope");
    if (node.isNull()) {
      return null;
    }
    String text = string(node, "joinScope");
    try {
      return JoinScope.of(text);
    } catch (IllegalArgumentException e) {
      throw error(node, e.getMessage());
    }
  }

  private void rule(ScalarNode key, Node value, Set<String> enabled, Set<String> disabled,
      Map<String, Severity> severities, Map<String, Map<String, Object>> parameters) {
    String id = key.rawText();
    String what = "the setting of rule " + id;
    if (value.isTrue() || value.isFalse()) {
      (value.isTrue() ? enabled : disabled).add(id);
      return;
    }
    if (!value.isMap()) {
      throw error(value.isMissing() ? key : value, what + " must be on, off or a mapping with enabled, severity or params");
    }
    MapNode settings = value.asMap();
    checkKeys(settings, RULE_KEYS, what);
    Node on = settings.get("enabled");
    if (!on.isNull()) {
      if (!on.isTrue() && !on.isFalse()) {
        throw error(on, "enabled of rule " + id + " must be true or false");
      }
      (on.isTrue() ? enabled : disabled).add(id);
    }
    Node severity = settings.get("severity");
    if (!severity.isNull()) {
      String text = string(severity, "severity of rule " + id);
      try {
        severities.put(id, Severity.parse(text));
      } catch (IllegalArgumentException e) {
        throw error(severity, e.getMessage());
      }
    }
    Node params = settings.get("params");
    if (!params.isNull()) {
      MapNode paramMap = map(params, "params of rule " + id);
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < paramMap.size(); i++) {
        values.put(paramMap.key(i), parameterValue(paramMap.value(i), "parameter " + paramMap.key(i) + " of rule " + id));
      }
      parameters.put(id, values);
    }
  }

  /** A parameter value as {@link dev.kubeward.rule.Parameters#bind} takes it: text or a list of text. */
  private Object parameterValue(Node value, String what) {
    if (value.isList()) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < value.size(); i++) {
        Node item = value.get(i);
        if (!item.isScalar() || item.isNull()) {
          throw error(item, "every item of " + what + " must be a single value");
        }
        items.add(scalarText(item));
      }
      return List.copyOf(items);
    }
    if (!value.isScalar() || value.isNull()) {
      throw error(value, what + " must be a single value or a list of values");
    }
    return scalarText(value);
  }

  /** The text of a scalar, with YAML 1.1 booleans ({@code yes}, {@code off}) spelled true or false. */
  private static String scalarText(Node scalar) {
    if (scalar.isTrue()) {
      return "true";
    }
    if (scalar.isFalse()) {
      return "false";
    }
    return scalar.text("");
  }

  private Exemption exemption(Node node) {
    MapNode map = map(node, "an exemption");
    checkKeys(map, EXEMPTION_KEYS, "an exemption");
    Node rule = map.get("rule");
    if (rule.isNull()) {
      throw error(node, "an exemption needs the rule it exempts from");
    }
    Node reason = map.get("reason");
    String reasonText = reason.isNull() ? "" : string(reason, "the reason of an exemption");
    if (reasonText.isBlank()) {
      throw error(reason.isMissing() ? node : reason, "an exemption of rule " + string(rule, "rule") + " needs a reason");
    }
    return new Exemption(string(rule, "rule"), optional(map, "kind"), optional(map, "namespace"),
        optional(map, "name"), reasonText, optional(map, "file"));
  }

  private WorkloadKinds.Carrier carrier(Node node) {
    MapNode map = map(node, "a workload kind");
    checkKeys(map, CARRIER_KEYS, "a workload kind");
    Node kind = map.get("kind");
    if (kind.isNull()) {
      throw error(node, "a workload kind needs a kind");
    }
    Node path = map.get("templatePath");
    if (path.isMissing()) {
      throw error(node, "workload kind " + string(kind, "kind") + " needs a templatePath");
    }
    String templatePath = path.isNull() ? "" : string(path, "templatePath");
    if (templatePath.startsWith(".") || templatePath.endsWith(".") || templatePath.contains("..")) {
      throw error(path, "templatePath of workload kind " + string(kind, "kind") + " must be dotted keys such as spec.template");
    }
    return WorkloadKinds.Carrier.of(optional(map, "apiGroup"), string(kind, "kind"), templatePath);
  }

  private String optional(MapNode map, String key) {
    Node node = map.get(key);
    return node.isNull() ? null : string(node, key);
  }

  private String string(Node node, String what) {
    if (!node.isScalar() || node.isNull() || node.isTrue() || node.isFalse()) {
      throw error(node, what + " must be a string");
    }
    return node.text();
  }

  private MapNode map(Node node, String what) {
    if (!node.isMap()) {
      throw error(node, what + " must be a mapping");
    }
    return node.asMap();
  }

  private ListNode list(Node node, String what) {
    if (!node.isList()) {
      throw error(node, what + " must be a list");
    }
    return node.asList();
  }

  private void checkKeys(MapNode map, List<String> allowed, String what) {
    for (int i = 0; i < map.size(); i++) {
      if (!allowed.contains(map.key(i))) {
        throw error(map.keyNode(i), "unknown key '" + map.key(i) + "' in " + what + " (expected "
            + String.join(", ", allowed) + ")");
      }
    }
  }

  private ConfigurationException error(Node at, String message) {
    return new ConfigurationException(source, at.line(), at.column(), message);
  }

  private static Node tree(String sourceName, String text) {
    try {
      return Yaml.parseTree(sourceName, text);
    } catch (YamlException e) {
      throw new ConfigurationException(sourceName, e.error().line(), e.error().column(), e.error().message());
    }
  }
}
