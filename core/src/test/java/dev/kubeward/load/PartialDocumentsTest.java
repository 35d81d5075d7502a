/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents that can be checked only in part: template placeholders in valid YAML, chart
 * templates named by {@code helm template}, kustomize patches.
 */
class PartialDocumentsTest {

  private static final String DEPLOYMENT = """
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
      """;

  @Test
  void aDocumentWithPlaceholdersThatIsValidYamlIsReadAndMarkedPartial() {
    LoadResult r = Loader.defaults().loadString("web.yaml", DEPLOYMENT);
    assertThat(r.errors()).isEmpty();
    assertThat(r.resources()).extracting(Resource::kind).containsExactly("Deployment");
    assertThat(r.partial()).extracting(PartialDocument::toString).containsExactly(
        "web.yaml:10:18: holds template placeholders; findings that depend on them are marked unverified");
  }

  @Test
  void everyKindOfPlaceholderMakesADocumentPartialAndOtherTemplatesDoNot() {
    String head = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  k: ";
    for (String value : new String[] {"${TAG}", "'<your-password>'", "app:${VERSION}", "\"{{ .Values.x }}\"",
        "svc-{{ name }}", "\"registry/app:${TAG}\""}) {
      assertThat(Loader.defaults().loadString("c.yaml", head + value + "\n").partial()).as(value).hasSize(1);
    }
    for (String value : new String[] {"$(POD_NAME)", "\"Pod {{ $labels.pod }} is down\"", "'{{instance}}'",
        "\"echo ${HOME} now\"", "echo ${HOME} now", "'${2}'", "${pvc.name}",
        "${binary_remote_addr}", "'<a><b>'", "plain text", "\"\"", "xxx"}) {
      LoadResult r = Loader.defaults().loadString("c.yaml", head + value + "\n");
      assertThat(r.errors()).as(value).isEmpty();
      assertThat(r.partial()).as(value).isEmpty();
    }
  }

  @Test
  void aPlaceholderWrittenWithEscapesIsFoundAndEachDocumentOfAFileIsLookedAtOnItsOwn() {
    // The loader walks a tree for placeholders only when the document's text could make one: an
    // escape can write "<" and "{" without the characters themselves.
    String head = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  k: ";
    for (String value : new String[] {"\"\\x3cyour-password\\x3e\"", "\"\\u007b{ .Values.x }}\"", "\"\\x24{TAG}\""}) {
      assertThat(Loader.defaults().loadString("c.yaml", head + value + "\n").partial())
          .extracting(PartialDocument::toString).as(value).containsExactly(
              "c.yaml:5:6: holds template placeholders; findings that depend on them are marked unverified");
    }
    String plain = head + "plain\n";
    String withPlaceholder = head + "${TAG}\n";
    LoadResult r = Loader.defaults().loadString("c.yaml", plain + "---\n" + withPlaceholder + "---\n" + plain);
    assertThat(r.resources()).hasSize(3);
    assertThat(r.partial()).extracting(PartialDocument::toString).containsExactly(
        "c.yaml:11:6: holds template placeholders; findings that depend on them are marked unverified");
    LoadResult before = Loader.defaults().loadString("c.yaml", withPlaceholder + "---\n" + plain + "---\n" + plain);
    assertThat(before.partial()).extracting(PartialDocument::toString).containsExactly(
        "c.yaml:5:6: holds template placeholders; findings that depend on them are marked unverified");
  }

  @Test
  void aTemplateThatBreaksTheYamlIsAnErrorWhoseAdviceDependsOnAChart(@TempDir Path dir) throws IOException {
    String broken = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels:\n"
        + "    {{- include \"labels\" . | nindent 4 }}\n";
    Path inChart = write(dir.resolve("chart/templates/cm.yaml"), broken);
    write(dir.resolve("chart/Chart.yaml"), "apiVersion: v2\nname: chart\nversion: 1.0.0\n");
    Path alone = write(dir.resolve("plain/cm.yaml"), broken);

    assertThat(Loader.defaults().load(inChart).errors()).extracting(LoadError::toString).containsExactly(
        dir + "/chart/templates/cm.yaml:6:5: unrendered template ({{ ... }}) that is not valid YAML; render the chart"
            + " and scan the output: helm template . | kubeward scan - (in " + dir + "/chart)");
    assertThat(Loader.defaults().load(alone).errors()).extracting(LoadError::toString).containsExactly(
        dir + "/plain/cm.yaml:6:5: unrendered template ({{ ... }}) that is not valid YAML; render it with the tool it"
            + " is written for and scan the output (... | kubeward scan -)");
    assertThat(Loader.defaults().loadString("-", broken).errors()).extracting(LoadError::message)
        .allSatisfy(m -> assertThat(m).doesNotContain("helm"));
  }

  @Test
  void placeholdersInAChartSayHowToCheckTheRenderedChart(@TempDir Path dir) throws IOException {
    write(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: chart\nversion: 1.0.0\n");
    write(dir.resolve("templates/web.yaml"), DEPLOYMENT);
    LoadResult r = Loader.defaults().load(dir);
    assertThat(r.skipped()).extracting(SkippedFile::file).containsExactly(dir + "/Chart.yaml");
    assertThat(r.partial()).extracting(PartialDocument::toString).containsExactly(
        dir + "/templates/web.yaml:10:18: holds template placeholders; findings that depend on them are marked"
            + " unverified; check the rendered chart: helm template . | kubeward scan - (in " + dir + ")");
  }

  @Test
  void helmTemplateOutputNamesTheChartTemplateOfEachObject() {
    LoadResult r = Loader.defaults().loadString("-", """
        ---
        # Source: shop/templates/serviceaccount.yaml
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: shop}
        ---
        # a comment first
        # Source: shop/templates/deployment.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: shop}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: plain}
        # Source: not/at/the/start.yaml
        """);
    assertThat(r.resources()).extracting(Resource::template).containsExactly(
        "shop/templates/serviceaccount.yaml", "shop/templates/deployment.yaml", null);
  }

  @Test
  void kustomizePatchesArePartialObjectsAndOperationListsAreSkipped(@TempDir Path dir) throws IOException {
    write(dir.resolve("kustomization.yaml"), """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources: [deployment.yaml]
        patchesStrategicMerge: [privileged.yaml]
        patches:
          - path: patches/limits.yaml
          - path: ops.yaml
            target: {kind: Deployment}
        patchesJson6902:
          - path: more-ops.yaml
            target: {kind: Deployment, name: web}
        """);
    String web = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n";
    write(dir.resolve("deployment.yaml"), web + "spec: {}\n");
    write(dir.resolve("privileged.yaml"), web
        + "spec: {template: {spec: {containers: [{name: app, securityContext: {privileged: true}}]}}}\n");
    write(dir.resolve("patches/limits.yaml"), web + "spec: {replicas: 2}\n");
    write(dir.resolve("ops.yaml"), "- op: add\n  path: /spec/replicas\n  value: 3\n");
    write(dir.resolve("more-ops.yaml"), "- op: remove\n  path: /spec/replicas\n");

    LoadResult r = Loader.defaults().load(dir);

    assertThat(r.errors()).isEmpty();
    assertThat(r.resources()).extracting(res -> res.source().name().substring(dir.toString().length() + 1)
        + (res.isPatch() ? " (patch)" : "")).containsExactly(
        "deployment.yaml", "kustomization.yaml", "patches/limits.yaml (patch)", "privileged.yaml (patch)");
    String notice = "kustomize patch listed in " + dir + "/kustomization.yaml, checked as a partial object (findings"
        + " about fields it leaves out are dropped); check the whole result: kubectl kustomize " + dir
        + " | kubeward scan -";
    assertThat(r.partial()).extracting(PartialDocument::toString).containsExactly(
        dir + "/patches/limits.yaml:1:1: " + notice, dir + "/privileged.yaml:1:1: " + notice);
    String skip = "JSON 6902 patch listed in " + dir + "/kustomization.yaml, not an object; check the whole"
        + " result: kubectl kustomize " + dir + " | kubeward scan -";
    assertThat(r.skipped()).containsExactly(
        new SkippedFile(dir + "/more-ops.yaml", skip), new SkippedFile(dir + "/ops.yaml", skip));
  }

  @Test
  void aPatchGivenByNameIsStillAPatch(@TempDir Path dir) throws IOException {
    write(dir.resolve("Kustomization"), "patchesStrategicMerge:\n  - patch.yaml\n");
    Path patch = write(dir.resolve("patch.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n");
    assertThat(Loader.defaults().load(patch).resources()).extracting(Resource::isPatch).containsExactly(true);
    assertThat(Loader.defaults().load(dir).resources()).extracting(Resource::isPatch).containsExactly(true);
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
