/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.evasion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.load.LoadError;
import dev.kubeward.load.LoadResult;
import dev.kubeward.rule.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Duplicate keys never resolve silently. For the field of every Pod Security check family, a Pod
 * is generated (as block YAML and as JSON) with that key written twice in one mapping, the
 * compliant value first and the violating one second and the other way round, the second key
 * spelled plainly, quoted, escaped or as an explicit key; and, in YAML, the same conflict carried
 * by merge keys where YAML and Kubernetes disagree on the winner. Each such document must be
 * unreadable, with an error at the second key that names the first one's position, and must
 * produce no finding and a failing exit code. The generator knows where it wrote every key, so no
 * position is written down twice.
 *
 * <p>Controls: the same Pod with the key written once, with the violating value, must be
 * reported by the family's rule, and with the compliant value must pass.
 */
class DuplicateKeysTest {

  /** Where in the Pod the key of a family sits. */
  private enum Slot {
    POD_ANNOTATIONS, POD_SPEC, POD_SC, SECCOMP, SYSCTL, CONTAINER_SC, CAPABILITIES, SELINUX, WINDOWS, PORT, PROBE,
    VOLUME
  }

  /** One family: its field, a compliant and a violating value, and the rule that must report the latter. */
  private record Family(String name, Slot slot, String key, Object good, Object bad, String rule) {}

  private static final List<Family> FAMILIES = List.of(
      new Family("privileged", Slot.CONTAINER_SC, "privileged", false, true, "privileged-container"),
      new Family("host-namespaces", Slot.POD_SPEC, "hostPID", false, true, "host-namespaces"),
      new Family("host-path", Slot.VOLUME, "hostPath", null, Map.of("path", "/"), "restricted-volumes"),
      new Family("host-ports", Slot.PORT, "hostPort", 0, 8080, "host-ports"),
      new Family("capabilities", Slot.CAPABILITIES, "add", List.of(), List.of("SYS_ADMIN"), "capabilities-restricted"),
      new Family("app-armor", Slot.POD_ANNOTATIONS, "container.apparmor.security.beta.kubernetes.io/app",
          "runtime/default", "unconfined", "app-armor-profile"),
      new Family("se-linux", Slot.SELINUX, "type", "container_t", "spc_t", "se-linux-options"),
      new Family("proc-mount", Slot.CONTAINER_SC, "procMount", "Default", "Unmasked", "proc-mount-restricted"),
      new Family("seccomp", Slot.SECCOMP, "type", "RuntimeDefault", "Unconfined", "seccomp-profile-restricted"),
      new Family("sysctls", Slot.SYSCTL, "name", "net.ipv4.tcp_syncookies", "kernel.msgmax", "sysctls"),
      new Family("allow-privilege-escalation", Slot.CONTAINER_SC, "allowPrivilegeEscalation", false, true,
          "allow-privilege-escalation"),
      new Family("run-as-non-root", Slot.POD_SC, "runAsNonRoot", true, false, "run-as-non-root"),
      new Family("run-as-user", Slot.POD_SC, "runAsUser", 10001, 0, "run-as-user"),
      new Family("windows-host-process", Slot.WINDOWS, "hostProcess", false, true, "windows-host-process"),
      new Family("host-probes", Slot.PROBE, "host", "", "169.254.169.254", "host-probes-and-host-lifecycle"));

  /** How the key is written the second time (or, for merges, how the conflict is carried). */
  private enum Form {
    PLAIN(true), SINGLE_QUOTED(false), ESCAPED(true), EXPLICIT(false), MERGE_AFTER_KEY(false), TWO_MERGE_KEYS(false);

    private final boolean json;

    Form(boolean json) {
      this.json = json;
    }
  }

  /** A key written twice; the emitters write it as two entries and record both positions. */
  private static final class Dup {
    final String key;
    final Object first;
    final Object second;
    final Form form;
    int[] firstAt;
    int[] secondAt;
    int[] mergedAt;

    Dup(String key, Object first, Object second, Form form) {
      this.key = key;
      this.first = first;
      this.second = second;
      this.form = form;
    }
  }

  private static final Kubeward SCANNER = Kubeward.builder().profile(Profile.PSS_RESTRICTED).build();

  @TestFactory
  Stream<DynamicTest> aKeyWrittenTwiceMakesTheDocumentUnreadable() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Family family : FAMILIES) {
      tests.add(DynamicTest.dynamicTest(family.name() + " controls", () -> controls(family)));
      for (boolean json : new boolean[] {false, true}) {
        for (Form form : Form.values()) {
          if (json && !form.json) {
            continue;
          }
          for (boolean badSecond : new boolean[] {true, false}) {
            String name = family.name() + (json ? " json " : " yaml ") + form + (badSecond ? " good,bad" : " bad,good");
            tests.add(DynamicTest.dynamicTest(name, () -> duplicate(family, json, form, badSecond)));
          }
        }
      }
    }
    return tests.stream();
  }

  private static void controls(Family family) {
    for (boolean json : new boolean[] {false, true}) {
      Map<String, Object> bad = pod(family, family.bad());
      ScanReport fires = scan(json ? Json.emit(bad) : Yaml.emit(bad), json);
      assertThat(fires.errors()).isEmpty();
      assertThat(fires.findings()).extracting(Finding::rule).as("%s %s", family.name(), json ? "json" : "yaml")
          .containsOnly(family.rule()).isNotEmpty();
      ScanReport passes = scan(json ? Json.emit(pod(family, family.good())) : Yaml.emit(pod(family, family.good())), json);
      assertThat(passes.errors()).isEmpty();
      assertThat(passes.findings()).isEmpty();
    }
  }

  private static void duplicate(Family family, boolean json, Form form, boolean badSecond) {
    Dup dup = new Dup(family.key(), badSecond ? family.good() : family.bad(), badSecond ? family.bad() : family.good(),
        form);
    Map<String, Object> pod = pod(family, dup);
    String text = json ? Json.emit(pod) : Yaml.emit(pod);

    LoadResult loaded = SCANNER.loader().loadBytes(json ? "dup.json" : "dup.yaml", text.getBytes(StandardCharsets.UTF_8));
    ScanReport report = SCANNER.scan(loaded);

    assertThat(loaded.resources()).as(text).isEmpty();
    assertThat(report.errors()).as(text).extracting(LoadError::line, LoadError::column)
        .containsExactly(tuple(dup.secondAt[0], dup.secondAt[1]));
    String message = report.errors().get(0).message();
    String first = dup.firstAt[0] + ":" + dup.firstAt[1];
    switch (form) {
      case MERGE_AFTER_KEY:
        assertThat(message).as(text).contains("merge key (<<) sets '" + family.key() + "' again (merged from "
            + dup.mergedAt[0] + ":" + dup.mergedAt[1] + ", first at " + first + ")");
        break;
      case TWO_MERGE_KEYS:
        assertThat(message).as(text).isEqualTo("duplicate key '<<' (first at " + first + ")");
        break;
      default:
        assertThat(message).as(text).isEqualTo("duplicate key '" + family.key() + "' (first at " + first + ")");
    }
    assertThat(report.findings()).isEmpty();
    assertThat(report.exitCode(Severity.LOW)).isEqualTo(2);
  }

  private static ScanReport scan(String text, boolean json) {
    return SCANNER.scan(SCANNER.loader().loadBytes(json ? "pod.json" : "pod.yaml", text.getBytes(StandardCharsets.UTF_8)));
  }

  // ---- the Pod ----------------------------------------------------------------------------------

  /**
   * A Pod that meets the restricted level, with {@code value} (a plain value or a {@link Dup}) under
   * the family's key; a skeleton entry of the same key gives way.
   */
  private static Map<String, Object> pod(Family family, Object value) {
    Map<String, Object> at = new LinkedHashMap<>();
    at.put(family.key(), value);
    Slot slot = family.slot();

    Map<String, Object> metadata = map("name", "dup", "namespace", "evasion");
    if (slot == Slot.POD_ANNOTATIONS) {
      metadata.put("annotations", at);
    }
    Map<String, Object> seccomp = merge(map("type", "RuntimeDefault"), slot == Slot.SECCOMP ? at : null);
    Map<String, Object> podSc = merge(map("runAsNonRoot", true, "seccompProfile", seccomp), slot == Slot.POD_SC ? at : null);
    if (slot == Slot.SYSCTL) {
      podSc.put("sysctls", List.of(merge(map("value", "1"), at)));
    }
    Map<String, Object> capabilities = merge(map("drop", List.of("ALL")), slot == Slot.CAPABILITIES ? at : null);
    Map<String, Object> containerSc = merge(map("allowPrivilegeEscalation", false, "capabilities", capabilities),
        slot == Slot.CONTAINER_SC ? at : null);
    if (slot == Slot.SELINUX) {
      containerSc.put("seLinuxOptions", at);
    }
    if (slot == Slot.WINDOWS) {
      containerSc.put("windowsOptions", at);
    }
    Map<String, Object> container = map("name", "app", "image", "registry.example/app:1.0");
    if (slot == Slot.PORT) {
      container.put("ports", List.of(merge(map("containerPort", 8080), at)));
    }
    if (slot == Slot.PROBE) {
      container.put("livenessProbe", map("httpGet", merge(map("port", 8080), at)));
    }
    container.put("securityContext", containerSc);
    Map<String, Object> spec = new LinkedHashMap<>();
    if (slot == Slot.POD_SPEC) {
      spec.putAll(at);
    }
    spec.put("securityContext", podSc);
    spec.put("containers", List.of(container));
    if (slot == Slot.VOLUME) {
      spec.put("volumes", List.of(merge(map("name", "data"), at)));
    }
    return map("apiVersion", "v1", "kind", "Pod", "metadata", metadata, "spec", spec);
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> extra) {
    if (extra != null) {
      extra.keySet().forEach(base::remove);
      base.putAll(extra);
    }
    return base;
  }

  /** A scalar, scalar list or small map written inline: valid JSON, and valid YAML flow style. */
  private static String inline(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    if (value instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(inline(list.get(i)));
      }
      return sb.append(']').toString();
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder sb = new StringBuilder("{");
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        sb.append(i++ == 0 ? "" : ", ").append('"').append(e.getKey()).append("\": ").append(inline(e.getValue()));
      }
      return sb.append('}').toString();
    }
    return String.valueOf(value);
  }

  /** {@code key} with its first character written as a {@code \\u} escape, in double quotes. */
  private static String escaped(String key) {
    return String.format("\"\\u%04x%s\"", (int) key.charAt(0), key.substring(1));
  }

  // ---- emitters -----------------------------------------------------------------------------------

  /** Block-style YAML, one key per line; records where each key of a {@link Dup} went. */
  private static final class Yaml {
    private final List<String> lines = new ArrayList<>();

    static String emit(Map<String, Object> root) {
      Yaml y = new Yaml();
      y.lines.add("# generated");
      y.map(root, 0, false);
      return String.join("\n", y.lines) + "\n";
    }

    /** Writes {@code map} at {@code indent}, as a list item ({@code "- "} before its first key) when asked. */
    private void map(Map<String, Object> map, int indent, boolean listItem) {
      boolean first = true;
      for (Map.Entry<String, Object> e : map.entrySet()) {
        String lead = " ".repeat(indent) + (listItem ? (first ? "- " : "  ") : "");
        first = false;
        Object v = e.getValue();
        if (v instanceof Dup d) {
          dup(d, lead);
        } else if (v instanceof Map<?, ?> m && !m.isEmpty()) {
          lines.add(lead + e.getKey() + ":");
          @SuppressWarnings("unchecked")
          Map<String, Object> child = (Map<String, Object>) m;
          map(child, lead.length() + 2, false);
        } else if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map) {
          lines.add(lead + e.getKey() + ":");
          for (Object item : l) {
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) item;
            map(child, lead.length() + 2, true);
          }
        } else {
          lines.add(lead + e.getKey() + ": " + inline(v));
        }
      }
    }

    /** Writes both entries of {@code d}, the first after {@code lead}, the second aligned with it. */
    private void dup(Dup d, String lead) {
      int col = lead.length() + 1;
      String indent = " ".repeat(lead.length());
      switch (d.form) {
        case MERGE_AFTER_KEY:
          d.firstAt = at(col);
          lines.add(lead + d.key + ": " + inline(d.first));
          d.secondAt = at(col);
          d.mergedAt = new int[] {lines.size() + 1, col + "<<: {".length()};
          lines.add(indent + "<<: {" + plainKey(d.key) + ": " + inline(d.second) + "}");
          return;
        case TWO_MERGE_KEYS:
          d.firstAt = at(col);
          lines.add(lead + "<<: {" + plainKey(d.key) + ": " + inline(d.first) + "}");
          d.secondAt = at(col);
          lines.add(indent + "<<: {" + plainKey(d.key) + ": " + inline(d.second) + "}");
          return;
        default:
          d.firstAt = at(col);
          lines.add(lead + d.key + ": " + inline(d.first));
      }
      switch (d.form) {
        case PLAIN:
          d.secondAt = at(col);
          lines.add(indent + d.key + ": " + inline(d.second));
          break;
        case SINGLE_QUOTED:
          d.secondAt = at(col);
          lines.add(indent + "'" + d.key + "': " + inline(d.second));
          break;
        case ESCAPED:
          d.secondAt = at(col);
          lines.add(indent + escaped(d.key) + ": " + inline(d.second));
          break;
        case EXPLICIT:
          d.secondAt = at(col + 2);
          lines.add(indent + "? " + d.key);
          lines.add(indent + ": " + inline(d.second));
          break;
        default:
          throw new IllegalStateException(d.form.name());
      }
    }

    /** Keys with a slash or dot are quoted inside a flow mapping to stay readable; others stay plain. */
    private static String plainKey(String key) {
      return key.contains("/") ? "\"" + key + "\"" : key;
    }

    private int[] at(int col) {
      return new int[] {lines.size() + 1, col};
    }
  }

  /** Pretty JSON, one key per line; records where each key of a {@link Dup} went. */
  private static final class Json {
    private final List<String> lines = new ArrayList<>();

    static String emit(Map<String, Object> root) {
      Json j = new Json();
      j.lines.add("{");
      j.entries(root, 2);
      j.lines.add("}");
      return String.join("\n", j.lines) + "\n";
    }

    private void entries(Map<String, Object> map, int indent) {
      String pad = " ".repeat(indent);
      int n = 0;
      for (Map.Entry<String, Object> e : map.entrySet()) {
        String comma = ++n < map.size() ? "," : "";
        Object v = e.getValue();
        String key = "\"" + e.getKey() + "\"";
        if (v instanceof Dup d) {
          d.firstAt = new int[] {lines.size() + 1, indent + 1};
          lines.add(pad + key + ": " + inline(d.first) + ",");
          d.secondAt = new int[] {lines.size() + 1, indent + 1};
          lines.add(pad + (d.form == Form.ESCAPED ? escaped(d.key) : key) + ": " + inline(d.second) + comma);
        } else if (v instanceof Map<?, ?> m && !m.isEmpty()) {
          lines.add(pad + key + ": {");
          @SuppressWarnings("unchecked")
          Map<String, Object> child = (Map<String, Object>) m;
          entries(child, indent + 2);
          lines.add(pad + "}" + comma);
        } else if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map) {
          lines.add(pad + key + ": [");
          for (int i = 0; i < l.size(); i++) {
            lines.add(pad + "  {");
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) l.get(i);
            entries(child, indent + 4);
            lines.add(pad + "  }" + (i + 1 < l.size() ? "," : ""));
          }
          lines.add(pad + "]" + comma);
        } else {
          lines.add(pad + key + ": " + inline(v) + comma);
        }
      }
    }
  }
}
