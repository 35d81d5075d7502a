/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import static dev.kubeward.load.Loading.errors;
import static dev.kubeward.load.Loading.load;
import static dev.kubeward.load.Loading.loadBytes;
import static dev.kubeward.load.Loading.resources;
import static dev.kubeward.load.Loading.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gives one plain error with its position, and the rest still loads. */
class BadInputTest {

  private static final String NEXT = "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: next}\n";

  @Test
  void malformedYaml() {
    LoadResult result = load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   labels: y\n" + NEXT);

    assertThat(errors(result)).containsExactly("in.yaml:5:10: malformed YAML: mapping values are not allowed here");
    assertThat(resources(result)).containsExactly("ConfigMap next@7:1");
    assertThat(result.documents()).isEqualTo(2);
  }

  @Test
  void tabIndentationIsExplained() {
    LoadResult result = load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n" + NEXT);

    assertThat(errors(result)).containsExactly(
        "in.yaml:4:1: malformed YAML: found a tab character where YAML expects spaces for indentation");
    assertThat(resources(result)).containsExactly("ConfigMap next@6:1");
  }

  @Test
  void invalidUtf8() {
    byte[] head = utf8("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf");
    byte[] tail = utf8("}\n" + NEXT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head);
    out.write(0xE9);
    out.writeBytes(tail);

    LoadResult result = loadBytes(out.toByteArray());

    assertThat(errors(result)).containsExactly("in.yaml:3:21: invalid UTF-8 byte sequence");
    assertThat(resources(result)).containsExactly("ConfigMap next@5:1");
  }

  @Test
  void invalidUtf8AfterMultiByteCharactersCountsCharacters() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: \u00e9\u00e9"));
    out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
    out.writeBytes(utf8("}\n"));

    assertThat(errors(loadBytes(out.toByteArray()))).containsExactly("in.yaml:3:20: invalid UTF-8 byte sequence");
  }

  @Test
  void overlongAndSurrogateEncodingsAreInvalid() {
    byte[] overlong = {'a', ':', ' ', (byte) 0xE0, (byte) 0x80, (byte) 0xAF, '\n'};
    byte[] surrogate = {'a', ':', ' ', 'b', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'};

    assertThat(errors(loadBytes(overlong))).containsExactly("in.yaml:1:4: invalid UTF-8 byte sequence");
    assertThat(errors(loadBytes(surrogate))).containsExactly("in.yaml:1:5: invalid UTF-8 byte sequence");
  }

  @Test
  void invalidUtf8InJson() {
    byte[] bytes = {'{', '"', 'a', '"', ':', ' ', '"', (byte) 0xFF, '"', '}'};

    LoadResult result = Loader.defaults().loadBytes("bad.json", bytes);

    assertThat(errors(result)).containsExactly("bad.json:1:8: invalid UTF-8 byte sequence");
  }

  @Test
  void nulBytes() {
    LoadResult yaml = load("apiVersion: v1\nkind: ConfigMap\ndata:\n  k: a\u0000b\n" + NEXT);
    LoadResult json = Loader.defaults().loadString("nul.json", "{\"apiVersion\": \"v1\",\n \"kind\": \"A\u0000\"}");

    assertThat(errors(yaml)).containsExactly("in.yaml:4:7: NUL byte in a text file");
    assertThat(resources(yaml)).containsExactly("ConfigMap next@6:1");
    assertThat(errors(json)).containsExactly("nul.json:2:12: NUL byte in a text file");
  }

  @Test
  void topLevelScalarOrList() {
    LoadResult result = load("just some text\n---\n- a\n- b\n---\n  42\n" + NEXT);

    assertThat(errors(result)).containsExactly(
        "in.yaml:1:1: a manifest must be a mapping, not a scalar",
        "in.yaml:3:1: a manifest must be a mapping, not a list",
        "in.yaml:6:3: a manifest must be a mapping, not a scalar");
    assertThat(resources(result)).containsExactly("ConfigMap next@8:1");
    assertThat(result.documents()).isEqualTo(4);
  }

  @Test
  void topLevelJsonArray() {
    LoadResult result = Loader.defaults().loadString("a.json", "[{\"apiVersion\": \"v1\", \"kind\": \"A\"}]");

    // Not a Kubernetes object by its shape (kubectl does not read a top-level array either): the
    // file is skipped, and named as such, rather than checked.
    assertThat(errors(result)).isEmpty();
    assertThat(result.skipped()).containsExactly(new SkippedFile("a.json", SkippedFile.NO_OBJECT));
  }

  @Test
  void missingApiVersionOrKind() {
    LoadResult result = load("""
        kind: ConfigMap
        metadata: {name: a}
        ---
        apiVersion: v1
        metadata: {name: b}
        ---
        metadata: {name: c}
        ---
        apiVersion: ""
        kind: [List]
        ---
        apiVersion: v1
        kind: List
        items:
          - {kind: ConfigMap}
          - {apiVersion: v1, kind: ConfigMap, metadata: {name: d}}
        """);

    assertThat(errors(result)).containsExactly(
        "in.yaml:1:1: not a Kubernetes object: no apiVersion",
        "in.yaml:4:1: not a Kubernetes object: no kind",
        "in.yaml:7:1: not a Kubernetes object: no apiVersion and no kind",
        "in.yaml:9:1: not a Kubernetes object: no apiVersion and no kind",
        "in.yaml:15:5: not a Kubernetes object: no apiVersion");
    assertThat(resources(result)).containsExactly("ConfigMap d@16:5");
  }

  @Test
  void aLineStartingWithATemplateAction() {
    LoadResult result = load("""
        {{- if .Values.enabled }}
        apiVersion: v1
        kind: ConfigMap
        {{- end }}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: x
          labels:
            {{- include "labels" . | nindent 4 }}
        """ + NEXT);

    assertThat(errors(result)).containsExactly(
        "in.yaml:1:1: unrendered template ({{ ... }}) that is not valid YAML; render it with the tool it is written for and scan the output (... | kubeward scan -)",
        "in.yaml:11:5: unrendered template ({{ ... }}) that is not valid YAML; render it with the tool it is written for and scan the output (... | kubeward scan -)");
    assertThat(resources(result)).containsExactly("ConfigMap next@13:1");
  }

  @Test
  void aTemplateActionInAPlainScalarIsReadAsAPlaceholder() {
    LoadResult result = load("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: registry.example.com/web:{{ .Values.tag }}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: svc-{{ name }}
        """ + NEXT);

    // Valid YAML: read and checked, and reported as checked in part.
    assertThat(errors(result)).isEmpty();
    assertThat(resources(result)).containsExactly("Deployment web@1:1", "Service svc-{{ name }}@12:1", "ConfigMap next@17:1");
    assertThat(result.partial()).extracting(PartialDocument::location).containsExactly("in.yaml:10:18", "in.yaml:15:9");
  }

  @Test
  void aTemplateActionThatBreaksTheYaml() {
    LoadResult result = load("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}
        ---
        apiVersion: v1
        kind: ConfigMap
        data:
          key: {{ .Values.x | quote }} and more
        """ + NEXT);

    assertThat(errors(result)).hasSize(2).allSatisfy(e -> assertThat(e)
        .contains("unrendered template ({{ ... }}) that is not valid YAML; render it with the tool it is written for and scan the output (... | kubeward scan -)"));
    assertThat(errors(result).get(0)).startsWith("in.yaml:4:");
    assertThat(errors(result).get(1)).startsWith("in.yaml:9:");
    assertThat(resources(result)).containsExactly("ConfigMap next@11:1");
  }

  @Test
  void runTimeTemplatesInStringsAreNoError() {
    LoadResult result = load("""
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata:
          name: rules
        spec:
          groups:
            - name: pods
              rules:
                - alert: PodDown
                  annotations:
                    quoted: "Pod {{ $labels.namespace }}/{{ $labels.pod }} is down"
                    single: '{{ .Values.looksLikeHelm }} but quoted'
                    plain: Pod {{ $labels.pod }} down for {{ "600" | humanizeDuration }}
                    field: Value is {{ .Value }} on {{ .Labels.instance }}
                    scoped: on {{ with $labels.cluster -}} cluster {{ . }} {{- end }}
                    block: |
                      {{ range .Alerts }}
                      {{ .Labels.alertname }}
                      {{ end }}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          generateName: loop-
        spec:
          templates:
            - name: print
              container:
                args:
                  - echo {{inputs.parameters.message}}
                command:
                  - sh
                  - echo {{item}} from {{workflow.name}}
        """);

    assertThat(errors(result)).isEmpty();
    assertThat(result.resources().get(0).root().get("spec").get("groups").get(0).get("rules").get(0)
        .get("annotations").get("plain").text()).isEqualTo("Pod {{ $labels.pod }} down for {{ \"600\" | humanizeDuration }}");
  }

  @Test
  void aYamlErrorAwayFromTheBracesIsPlainMalformedYaml() {
    LoadResult far = load("apiVersion: v1\nkind: ConfigMap\ndata:\n  a: '{{ x }}'\n  c: d\n  b: [\n");
    LoadResult near = load("apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n  b: {{ x }} y\n");

    assertThat(errors(far)).containsExactly(
        "in.yaml:7:1: malformed YAML: expected a value, but found the end of the input");
    assertThat(errors(near)).containsExactly(
        "in.yaml:5:7: unrendered template ({{ ... }}) that is not valid YAML; render it with the tool it is written for and scan the output (... | kubeward scan -)");
  }

  @Test
  void aliasBombIsAnErrorNotAnOutOfMemoryError() {
    StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: Bomb\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
      bomb.append('a').append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }

    LoadResult result = load(bomb + NEXT);

    assertThat(errors(result)).containsExactly("in.yaml:7:45: aliases expand to more than 100000 nodes (alias bomb?)");
    assertThat(resources(result)).containsExactly("ConfigMap next@14:1");
  }

  @Test
  void aliasExpansionLimitIsConfigurable() {
    String yaml = "apiVersion: v1\nkind: A\nx: &x [1, 2, 3]\ny: [*x, *x]\n";

    assertThat(errors(load(LoadLimits.DEFAULTS.withMaxAliasNodes(8), yaml))).isEmpty();
    assertThat(errors(load(LoadLimits.DEFAULTS.withMaxAliasNodes(7), yaml)))
        .containsExactly("in.yaml:4:9: aliases expand to more than 7 nodes (alias bomb?)");
  }

  @Test
  void nestingDeeperThanTheLimit() {
    LoadLimits limits = LoadLimits.DEFAULTS.withMaxDepth(4);
    String ok = "apiVersion: v1\nkind: A\na: {b: {c: [x]}}\n";
    String flow = "apiVersion: v1\nkind: A\na: {b: {c: [[x]]}}\n";
    String block = "apiVersion: v1\nkind: A\na:\n  b:\n    c:\n      d:\n        e: x\n";

    assertThat(errors(load(limits, ok))).isEmpty();
    assertThat(errors(load(limits, flow))).containsExactly("in.yaml:3:13: nesting deeper than the limit of 4");
    assertThat(errors(load(limits, block))).containsExactly("in.yaml:7:9: nesting deeper than the limit of 4");
  }

  @Test
  void nestingDeeperThanTheDefaultLimit() {
    String deep = "apiVersion: v1\nkind: A\na: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    String deepJson = "{\"apiVersion\": \"v1\", \"kind\": \"A\", \"a\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";

    assertThat(errors(load(deep + NEXT))).containsExactly("in.yaml:3:259: nesting deeper than the limit of 256");
    assertThat(errors(Loader.defaults().loadString("deep.json", deepJson)))
        .containsExactly("deep.json:1:295: nesting deeper than the limit of 256");
  }

  @Test
  void jsonNestingLimitIsConfigurable() {
    LoadLimits limits = LoadLimits.DEFAULTS.withMaxDepth(3);
    Loader loader = Loader.of(limits, dev.kubeward.model.WorkloadKinds.builtIn());
    String ok = "{\"apiVersion\": \"v1\", \"kind\": \"A\", \"a\": {\"b\": {\"c\": 1}}}";
    String deep = "{\"apiVersion\": \"v1\", \"kind\": \"A\", \"a\": {\"b\": {\"c\": {\"d\": 1}}}}";

    assertThat(errors(loader.loadString("d.json", ok))).isEmpty();
    assertThat(errors(loader.loadString("d.json", deep))).containsExactly("d.json:1:52: nesting deeper than the limit of 3");
  }

  @Test
  void aDocumentOverTheSizeLimit() {
    LoadLimits limits = LoadLimits.DEFAULTS.withMaxDocumentBytes(100);
    String big = "apiVersion: v1\nkind: ConfigMap\ndata:\n  blob: " + "x".repeat(200) + "\n";

    LoadResult result = load(limits, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: small}\n---\n" + big + NEXT);

    assertThat(errors(result)).containsExactly("in.yaml:5:1: document is larger than the limit of 100 bytes");
    assertThat(resources(result)).containsExactly("ConfigMap small@1:1", "ConfigMap next@10:1");
  }

  @Test
  void aJsonDocumentOverTheSizeLimit() {
    LoadLimits limits = LoadLimits.DEFAULTS.withMaxDocumentBytes(100);
    String json = "{\"apiVersion\": \"v1\", \"kind\": \"A\"}\n{\"apiVersion\": \"v1\", \"kind\": \"B\", \"blob\": \""
        + "x".repeat(200) + "\"}";

    LoadResult result = Loader.of(limits, dev.kubeward.model.WorkloadKinds.builtIn()).loadString("big.json", json);

    assertThat(resources(result)).containsExactly("A null@1:1");
    assertThat(errors(result)).containsExactly("big.json:2:1: document is larger than the limit of 100 bytes");
  }

  @Test
  void tooManyNodes() {
    LoadLimits limits = LoadLimits.DEFAULTS.withMaxNodes(10);
    String yaml = "apiVersion: v1\nkind: A\nlist: [1, 2, 3, 4, 5, 6, 7, 8]\n";

    assertThat(errors(load(limits, yaml))).containsExactly("in.yaml:3:17: document has more than 10 nodes");
  }

  @Test
  void limitsAreValidated() {
    assertThatThrownBy(() -> LoadLimits.DEFAULTS.withMaxDepth(0)).hasMessage("max depth must be positive");
    assertThatThrownBy(() -> LoadLimits.DEFAULTS.withMaxDocumentBytes(-1)).hasMessage("max document bytes must be positive");
    assertThatThrownBy(() -> LoadLimits.DEFAULTS.withMaxAliasNodes(-1)).hasMessage("max alias nodes must not be negative");
    assertThatThrownBy(() -> LoadLimits.DEFAULTS.withMaxNodes(0)).hasMessage("max nodes must be positive");
    assertThat(LoadLimits.defaults()).isEqualTo(new LoadLimits(8 << 20, 256, 100_000, 2_000_000));
  }

  @Test
  void aPathThatDoesNotExist(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.yaml");
    Files.writeString(good, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: good}\n");
    String missing = dir.resolve("missing.yaml").toString();

    LoadResult result = Loader.defaults().load(List.of(missing, good.toString()), InputStream0.EMPTY);

    assertThat(result.errors()).containsExactly(new LoadError(missing, 0, 0, "no such file or directory"));
    assertThat(result.errors().get(0).toString()).isEqualTo(missing + ": no such file or directory");
    assertThat(resources(result)).containsExactly("ConfigMap good@1:1");
    assertThat(result.files()).isEqualTo(1);
    assertThat(Loader.defaults().load(dir.resolve("nope")).errors())
        .containsExactly(new LoadError(dir.resolve("nope").toString(), 0, 0, "no such file or directory"));
  }

  @Test
  void aMissingClasspathResource() {
    LoadResult result = Loader.defaults().loadClasspath("no/such/manifest.yaml", getClass().getClassLoader());

    assertThat(errors(result)).containsExactly("no/such/manifest.yaml: no such classpath resource");
  }

  @Test
  void standardInputIsNamedDash() {
    LoadResult result = Loader.defaults().load(List.of("-"),
        new ByteArrayInputStream("apiVersion: v1\nkind: A\nx: [\n".getBytes(StandardCharsets.UTF_8)));

    assertThat(result.errors()).hasSize(1);
    assertThat(result.errors().get(0).file()).isEqualTo("-");
    assertThat(result.errors().get(0).line()).isEqualTo(4);
  }

  /** An empty standard input. */
  private static final class InputStream0 {
    static final ByteArrayInputStream EMPTY = new ByteArrayInputStream(new byte[0]);
  }
}
