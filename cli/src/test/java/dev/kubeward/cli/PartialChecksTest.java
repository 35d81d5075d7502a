/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import static dev.kubeward.cli.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.cli.Cli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubeward scan} on what can be checked only in part: chart templates with placeholders,
 * {@code helm template} output, kustomize patches; and {@code --allow-partial}.
 */
class PartialChecksTest {

  @TempDir
  Path root;

  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        template:
          spec:
            containers:
              - name: app
                image: "{{ .Values.image }}"
                securityContext:
                  privileged: true
      """;

  @Test
  void aChartIsCheckedInPartAndItsPlaceholderFindingsAreUnverified() throws IOException {
    write("chart/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 1.0.0\n");
    write("chart/values.yaml", "image: nginx:1.27\n");
    write("chart/templates/deployment.yaml", DEPLOYMENT);
    String chart = root + "/chart";

    Result r = cli().in(root).run("scan");

    assertThat(r.out()).isEqualTo(chart + "/templates/deployment.yaml:11:18: MEDIUM container \"app\" of Deployment"
        + " shop/web uses image \"{{ .Values.image }}\" [smoke-image-latest] (unverified)\n"
        + chart + "/templates/deployment.yaml:13:25: HIGH container \"app\" of Deployment shop/web runs privileged"
        + " [smoke-privileged]\n"
        + "\n"
        + "Not checked:\n"
        + "  " + chart + "/Chart.yaml: holds no Kubernetes object\n"
        + "  " + chart + "/values.yaml: holds no Kubernetes object\n"
        + "\n"
        + "Checked in part:\n"
        + "  " + chart + "/templates/deployment.yaml:11:18: holds template placeholders; findings that depend on them"
        + " are marked unverified; check the rendered chart: helm template . | kubeward scan - (in " + chart + ")\n"
        + "\n"
        + "Summary: 3 files, 3 documents, 1 resource; 2 findings, 0 suppressed, 0 errors, 2 files not checked,"
        + " 1 document checked in part, 1 unverified\n"
        + "  by severity: CRITICAL 0, HIGH 1, MEDIUM 1, LOW 0, INFO 0\n"
        + "  by rule:\n"
        + "    smoke-image-latest  1\n"
        + "    smoke-privileged    1\n");
    assertThat(r.err()).isEqualTo("kubeward: 1 document was checked only in part (template placeholders or kustomize"
        + " patches; the report lists them); --allow-partial accepts them\n");
    assertThat(r.exitCode()).isEqualTo(2);

    Result allowed = cli().in(root).run("scan", "--allow-partial", "--format", "json");
    assertThat(allowed.exitCode()).isEqualTo(1);
    assertThat(allowed.err()).isEmpty();
    assertThat(allowed.out()).contains("\"suppressed\": false,\n      \"unverified\": true\n    },")
        .contains("\"partial\": [\n    {\n      \"file\": \"" + chart + "/templates/deployment.yaml\",\n"
            + "      \"line\": 11,\n      \"column\": 18,\n");
    assertThat(allowed.out().indexOf("\"unverified\"")).isEqualTo(allowed.out().lastIndexOf("\"unverified\""));
    ReportSchema.assertValid(allowed.out());

    Result sarif = cli().in(root).run("scan", "--allow-partial", "--format", "sarif");
    assertThat(sarif.out()).contains("\"controls\": [],\n            \"unverified\": true\n")
        .contains("\"text\": \"checked in part: holds template placeholders;");
  }

  @Test
  void onlyATemplateThatDoesNotParseIsAnErrorAndTheAdviceDependsOnTheChart() throws IOException {
    String broken = "{{- if .Values.service }}\napiVersion: v1\nkind: Service\nmetadata: {name: web}\n{{- end }}\n";
    write("chart/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 1.0.0\n");
    write("chart/templates/service.yaml", broken);
    write("deploy/service.yaml", broken);

    Result r = cli().in(root).run("scan", "--format", "json");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("kubeward: " + root + "/chart/templates/service.yaml:1:1: unrendered template"
        + " ({{ ... }}) that is not valid YAML; render the chart and scan the output: helm template . | kubeward"
        + " scan - (in " + root + "/chart)\n"
        + "kubeward: " + root + "/deploy/service.yaml:1:1: unrendered template ({{ ... }}) that is not valid YAML;"
        + " render it with the tool it is written for and scan the output (... | kubeward scan -)\n");
  }

  @Test
  void helmTemplateOutputNamesTheChartTemplateOfEveryFinding() {
    String rendered = "---\n# Source: shop/templates/deployment.yaml\n"
        + DEPLOYMENT.replace("\"{{ .Values.image }}\"", "nginx");

    Result r = cli().stdin(rendered).run("scan", "-");

    assertThat(r.out()).startsWith("-:13:18: MEDIUM container \"app\" of Deployment shop/web uses image \"nginx\""
        + " [smoke-image-latest] (from shop/templates/deployment.yaml)\n"
        + "-:15:25: HIGH container \"app\" of Deployment shop/web runs privileged [smoke-privileged]"
        + " (from shop/templates/deployment.yaml)\n\nSummary: 1 file, 1 document, 1 resource; 2 findings, 0 suppressed,"
        + " 0 errors\n");
    assertThat(r.exitCode()).isEqualTo(1);
    Result json = cli().stdin(rendered).run("scan", "--format", "json", "-");
    assertThat(json.out()).contains("\"line\": 15,\n      \"column\": 25,\n")
        .contains("\"suppressed\": false,\n      \"template\": \"shop/templates/deployment.yaml\"\n    }");
    Result sarif = cli().stdin(rendered).run("scan", "--format", "sarif", "-");
    assertThat(sarif.out()).contains("\"template\": \"shop/templates/deployment.yaml\"\n");
  }

  @Test
  void kustomizePatchesAreCheckedForWhatTheySet() throws IOException {
    String base = DEPLOYMENT.replace("\"{{ .Values.image }}\"", "nginx:1.27")
        .replace("          securityContext:\n            privileged: true\n", "");
    write("base/kustomization.yaml", "resources: [deployment.yaml]\n");
    write("base/deployment.yaml", base);
    write("overlay/kustomization.yaml", "resources: [../base]\npatches:\n  - path: privileged.yaml\n"
        + "  - path: replicas.yaml\n    target: {kind: Deployment}\n");
    write("overlay/privileged.yaml", DEPLOYMENT.replace("          image: \"{{ .Values.image }}\"\n", ""));
    write("overlay/replicas.yaml", "- op: replace\n  path: /spec/replicas\n  value: 3\n");
    String overlay = root + "/overlay";

    Result r = cli().in(root).run("scan");

    assertThat(r.out()).isEqualTo(overlay + "/privileged.yaml:12:25: HIGH container \"app\" of Deployment shop/web"
        + " runs privileged [smoke-privileged]\n"
        + "\n"
        + "Not checked:\n"
        + "  " + root + "/base/kustomization.yaml: holds no Kubernetes object\n"
        + "  " + overlay + "/kustomization.yaml: holds no Kubernetes object\n"
        + "  " + overlay + "/replicas.yaml: JSON 6902 patch listed in " + overlay + "/kustomization.yaml, not an"
        + " object; check the whole result: kubectl kustomize " + overlay + " | kubeward scan -\n"
        + "\n"
        + "Checked in part:\n"
        + "  " + overlay + "/privileged.yaml:1:1: kustomize patch listed in " + overlay + "/kustomization.yaml,"
        + " checked as a partial object (findings about fields it leaves out are dropped); check the whole result:"
        + " kubectl kustomize " + overlay + " | kubeward scan -\n"
        + "\n"
        + "Summary: 5 files, 5 documents, 2 resources; 1 finding, 0 suppressed, 0 errors, 3 files not checked,"
        + " 1 document checked in part\n"
        + "  by severity: CRITICAL 0, HIGH 1, MEDIUM 0, LOW 0, INFO 0\n"
        + "  by rule:\n"
        + "    smoke-privileged  1\n");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(cli().in(root).run("scan", "--allow-partial").exitCode()).isEqualTo(1);
    assertThat(cli().in(root).run("scan", "--allow-partial", "--fail-on", "critical").exitCode()).isZero();
  }

  private void write(String name, String text) throws IOException {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
