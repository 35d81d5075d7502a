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
    write("chart/templates/service.yaml", "{{- if .Values.service }}\napiVersion: v1\nkind: Service\n{{- end }}\n");

    Result r = cli().in(root).run("scan");

    System.out.println(r.out() + "\n---\n" + r.err() + "\n---" + r.exitCode());
    Result allowed = cli().in(root).run("scan", "--allow-partial", "--format", "json");
    System.out.println(allowed.out() + "\n---\n" + allowed.err() + "\n---" + allowed.exitCode());
  }

  @Test
  void helmTemplateOutputNamesTheTemplates() {
    String rendered = "---\n# Source: shop/templates/deployment.yaml\n" + DEPLOYMENT.replace("\"{{ .Values.image }}\"", "nginx");
    Result r = cli().stdin(rendered).run("scan", "-");
    System.out.println(r.out() + "\n---\n" + r.err() + "\n---" + r.exitCode());
    Result sarif = cli().stdin(rendered).run("scan", "--format", "sarif", "-");
    System.out.println(sarif.out());
  }

  @Test
  void kustomizePatches() throws IOException {
    write("base/kustomization.yaml", "resources: [deployment.yaml]\n");
    write("base/deployment.yaml", DEPLOYMENT.replace("\"{{ .Values.image }}\"", "nginx:1.27").replace("          securityContext:\n            privileged: true\n", ""));
    write("overlay/kustomization.yaml", "resources: [../base]\npatches:\n  - path: privileged.yaml\n  - path: replicas.yaml\n    target: {kind: Deployment}\n");
    write("overlay/privileged.yaml", DEPLOYMENT.replace("          image: \"{{ .Values.image }}\"\n", ""));
    write("overlay/replicas.yaml", "- op: replace\n  path: /spec/replicas\n  value: 3\n");
    Result r = cli().in(root).run("scan");
    System.out.println(r.out() + "\n---\n" + r.err() + "\n---" + r.exitCode());
  }

  private void write(String name, String text) throws IOException {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
