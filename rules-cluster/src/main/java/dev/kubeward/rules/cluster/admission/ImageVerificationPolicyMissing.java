/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.admission;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A scan that holds cluster-wide admission objects (webhook configurations, ValidatingAdmissionPolicies
 * and their bindings, Kyverno ClusterPolicies, Gatekeeper templates and constraints, an
 * AdmissionConfiguration) but no image-verification policy: no Kyverno rule with
 * {@code verifyImages} and no Kyverno ImageValidatingPolicy, no Sigstore {@code ClusterImagePolicy},
 * no Ratify object or Gatekeeper constraint of a Ratify template, no Connaisseur or Kubewarden
 * signature-verification policy. INFO and opt-in (the {@code all} profile), so an application
 * repository, which holds no admission objects, is never told about it.
 */
public final class ImageVerificationPolicyMissing implements InventoryRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("image-verification-policy-missing")
      .title("Admission policies without image signature verification")
      .severity(Severity.INFO)
      .topic(Topic.IMAGES)
      .controls("cis-k8s:5.5.1")
      .kinds(RuleMetadata.ANY)
      .optIn()
      .rationale("Signature or attestation verification at admission is what stops an image that was not"
          + " built by the organisation's pipeline (a typo-squatted, tampered or re-tagged one) from running."
          + " A cluster whose admission policies are in the scan but include none of Kyverno verifyImages,"
          + " Sigstore's policy-controller, Ratify or Connaisseur runs whatever image it is given.")
      .remediation("Add an image-verification policy (Kyverno verifyImages, a Sigstore ClusterImagePolicy, or"
          + " Gatekeeper with Ratify) that requires the signatures of the organisation's registries.")
      .build();

  private static final List<GroupKind> ADMISSION = List.of(GroupKind.MUTATING_WEBHOOK_CONFIGURATION,
      GroupKind.VALIDATING_WEBHOOK_CONFIGURATION, GroupKind.VALIDATING_ADMISSION_POLICY,
      GroupKind.VALIDATING_ADMISSION_POLICY_BINDING, GroupKind.ADMISSION_CONFIGURATION,
      GroupKind.LEGACY_ADMISSION_CONFIGURATION, GroupKind.of("kyverno.io", "ClusterPolicy"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    Resource first = null;
    for (Resource r : inventory.all()) {
      if (verifiesImages(r)) {
        return;
      }
      if (first == null && isClusterAdmission(r)) {
        first = r;
      }
    }
    if (first != null) {
      context.report(first, Node.MISSING, "the scan holds cluster-wide admission objects, the first being "
          + first.displayName() + ", but no image-verification policy (Kyverno verifyImages, Sigstore"
          + " ClusterImagePolicy, Ratify, Connaisseur): any image is admitted unsigned");
    }
  }

  private static boolean isClusterAdmission(Resource r) {
    String group = r.apiGroup();
    return ADMISSION.contains(r.groupKind()) || group.equals("templates.gatekeeper.sh")
        || group.equals("constraints.gatekeeper.sh");
  }

  private static boolean verifiesImages(Resource r) {
    String group = r.apiGroup();
    if (group.equals("policy.sigstore.dev") || group.endsWith("ratify.deislabs.io") || group.endsWith("ratify.dev")
        || group.equals("connaisseur.secureby.design")) {
      return true;
    }
    if (group.equals("policies.kyverno.io") && r.kind().startsWith("ImageValidatingPolicy")
        || group.equals("policies.kyverno.io") && r.kind().equals("ImageVerificationPolicy")) {
      return true;
    }
    if (group.equals("constraints.gatekeeper.sh") && r.kind().toLowerCase(java.util.Locale.ROOT).contains("ratify")) {
      return true;
    }
    if (group.equals("policies.kubewarden.io")) {
      String module = r.root().get("spec").get("module").text("");
      return module.contains("verify-image-signatures");
    }
    if (group.equals("kyverno.io") && (r.kind().equals("ClusterPolicy") || r.kind().equals("Policy"))) {
      Node rules = r.root().get("spec").get("rules");
      for (int i = 0; i < rules.size(); i++) {
        if (rules.get(i).get("verifyImages").size() > 0) {
          return true;
        }
      }
    }
    return false;
  }
}
