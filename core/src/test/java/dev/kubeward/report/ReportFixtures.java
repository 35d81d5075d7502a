/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import dev.kubeward.model.GroupKind;
import dev.kubeward.engine.Finding;
import dev.kubeward.engine.ResourceRef;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.load.LoadError;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reports built by hand, so that every writer test knows exactly what it writes. */
final class ReportFixtures {

  static final RuleMetadata PRIVILEGED = RuleMetadata.builder("privileged-container")
      .title("Privileged container")
      .severity(Severity.HIGH)
      .topic(Topic.POD_SECURITY)
      .controls("pss-baseline:privileged")
      .rationale("A privileged container has every capability of the host and can take it over.")
      .remediation("Remove securityContext.privileged or set it to false.")
      .kinds(RuleMetadata.WORKLOADS)
      .build();

  static final RuleMetadata IMAGE = RuleMetadata.builder("image-not-pinned")
      .title("Image not pinned")
      .severity(Severity.MEDIUM)
      .topic(Topic.IMAGES)
      .rationale("A mutable tag can start different code on every pull.")
      .remediation("Pin the image to a version tag or a digest.")
      .kinds(RuleMetadata.WORKLOADS)
      .build();

  static final RuleMetadata CLUSTER_ADMIN = RuleMetadata.builder("cluster-admin-binding")
      .title("Binding to cluster-admin")
      .severity(Severity.CRITICAL)
      .topic(Topic.RBAC)
      .controls("cis-k8s:5.1.1")
      .rationale("cluster-admin can do anything anywhere in the cluster.")
      .remediation("Bind a role that grants only what the subject needs.")
      .kinds(GroupKind.CLUSTER_ROLE_BINDING)
      .build();

  static final ResourceRef WEB = new ResourceRef("apps/v1", "Deployment", "shop", "web");
  static final ResourceRef WORKER = new ResourceRef("apps/v1", "Deployment", "shop", "worker");
  static final ResourceRef CI_ADMIN =
      new ResourceRef("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", null, "ci-admin");

  private ReportFixtures() {}

  /** Three rules, four findings in three files (one suppressed), two errors. */
  static ScanReport mixed() {
    List<Finding> findings = new ArrayList<>(List.of(
        new Finding("privileged-container", Severity.HIGH, Topic.POD_SECURITY, List.of("pss-baseline:privileged"),
            "container \"app\" of Deployment shop/web runs privileged (securityContext.privileged: true)", WEB,
            "deploy/web.yaml", 21, 23, "/spec/template/spec/containers/0/securityContext/privileged", false, null),
        new Finding("image-not-pinned", Severity.MEDIUM, Topic.IMAGES, List.of(),
            "container \"app\" of Deployment shop/web uses image \"nginx:latest\"", WEB,
            "deploy/web.yaml", 18, 18, "/spec/template/spec/containers/0/image", false, null),
        new Finding("image-not-pinned", Severity.MEDIUM, Topic.IMAGES, List.of(),
            "container \"worker\" of Deployment shop/worker uses image \"busybox\"", WORKER,
            "deploy/worker.yaml", 17, 18, "/spec/template/spec/containers/0/image", true,
            "rebuilt nightly from a pinned base"),
        new Finding("cluster-admin-binding", Severity.CRITICAL, Topic.RBAC, List.of("cis-k8s:5.1.1"),
            "ClusterRoleBinding ci-admin grants cluster-admin to ServiceAccount ci/deployer", CI_ADMIN,
            "rbac.yaml", 8, 3, "/roleRef", false, null)));
    findings.sort(Finding.ORDER);
    List<LoadError> errors = List.of(
        new LoadError("deploy/web.yaml", 40, 7, "duplicate key 'image' (first at 38:7)"),
        new LoadError("missing.yaml", 0, 0, "no such file or directory"));
    return new ScanReport("0.1.0", 4, 6, 5, findings, errors, List.of(CLUSTER_ADMIN, IMAGE, PRIVILEGED),
        Map.of("cluster-admin-binding", Severity.CRITICAL, "image-not-pinned", Severity.MEDIUM,
            "privileged-container", Severity.HIGH));
  }

  /** One rule ran over two files and found nothing. */
  static ScanReport clean() {
    return new ScanReport("0.1.0", 2, 3, 3, List.of(), List.of(), List.of(PRIVILEGED),
        Map.of("privileged-container", Severity.HIGH));
  }

  /** Findings whose message, file and reason hold characters every format must escape. */
  static ScanReport awkward() {
    Finding loud = new Finding("privileged-container", Severity.LOW, Topic.POD_SECURITY, List.of(),
        "container \"a<b>&c\" says 'hi'\tthen\u001b[31mred\u0000", WEB,
        "dir with space/\u00fc.yaml", 3, 5, "/spec/a~1b", false, null);
    Finding quiet = new Finding("privileged-container", Severity.LOW, Topic.POD_SECURITY, List.of(),
        "container \"b\" runs privileged", WEB,
        "dir with space/\u00fc.yaml", 7, 5, "", true, "reason with \"quotes\" & <tags>\nand a newline");
    return new ScanReport("0.1.0", 1, 1, 1, List.of(loud, quiet), List.of(), List.of(PRIVILEGED),
        Map.of("privileged-container", Severity.LOW));
  }

  static String write(ReportWriter writer, ScanReport report) {
    StringWriter out = new StringWriter();
    try {
      writer.write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
