/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.grants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.assertj.QuietPath;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-scan index of the dangerous-grant family: which entries may grant what each row looks
 * for (whatever the scope and the Kubernetes version, which each row's own match decides), and
 * that quiet roles and bindings leave no trace in it and cost it no allocation. Not a timing test.
 */
class GrantIndexTest {

  private static final String QUIET = String.join("\n",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: Role",
      "metadata: {name: reader-N, namespace: shop}",
      "rules:",
      "  - apiGroups: [\"\", \"apps\"]",
      "    resources: [\"configmaps\", \"pods\", \"deployments\"]",
      "    verbs: [\"get\", \"list\", \"watch\"]",
      "  - apiGroups: [\"\"]",
      "    resources: [\"Secrets\", \"pods/log\"]",
      "    verbs: [\"GET\", \"get\"]",
      "---",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: RoleBinding",
      "metadata: {name: reader-N, namespace: shop}",
      "subjects: [{kind: ServiceAccount, name: app-N}]",
      "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader-N}",
      "---",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: ClusterRole",
      "metadata: {name: nodes-N, labels: {example.com/aggregate: \"true\"}}",
      "rules:",
      "  - apiGroups: [\"\"]",
      "    resources: [\"nodes\", \"nodes/metrics\"]",
      "    verbs: [\"get\", \"list\"]",
      "  - nonResourceURLs: [\"/metrics\"]",
      "    verbs: [\"get\"]",
      "---",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: ClusterRoleBinding",
      "metadata: {name: nodes-N}",
      "subjects: [{kind: ServiceAccount, name: scraper, namespace: monitoring}]",
      "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: nodes-N}",
      "");

  /** One Role that reads Secrets and its binding, so that the index is not empty and walks the bindings. */
  private static final String DANGEROUS = String.join("\n",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: Role",
      "metadata: {name: secrets, namespace: shop}",
      "rules:",
      "  - apiGroups: [\"\"]",
      "    resources: [\"secrets\"]",
      "    verbs: [\"list\"]",
      "---",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: RoleBinding",
      "metadata: {name: secrets, namespace: shop}",
      "subjects: [{kind: ServiceAccount, name: app}]",
      "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secrets}",
      "");

  private static final String AGGREGATED = String.join("\n",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: ClusterRole",
      "metadata: {name: aggregated}",
      "aggregationRule:",
      "  clusterRoleSelectors: [{matchLabels: {example.com/aggregate: \"true\"}}]",
      "rules:",
      "  - apiGroups: [\"\"]",
      "    resources: [\"secrets\"]",
      "    verbs: [\"get\"]",
      "---",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: ClusterRoleBinding",
      "metadata: {name: aggregated}",
      "subjects: [{kind: Group, name: ops}]",
      "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: aggregated}",
      "");

  @Test
  void aScanOfQuietRolesHasAnEmptyIndex() {
    // The aggregated ClusterRole's own rules read Secrets, but aggregation replaces them with the
    // quiet ones of the ClusterRoles it picks.
    Inventory inventory = inventory(QUIET.replace("-N", "-0") + "---\n" + AGGREGATED);
    GrantIndex index = inventory.derived(GrantIndex.KEY);
    assertThat(index.isEmpty()).isTrue();
    assertThat(index.roles()).isEmpty();
    assertThat(index.bindings()).isEmpty();
    for (Resource r : inventory.all()) {
      assertThat(index.candidates(r)).as(r.displayName()).isNull();
    }
  }

  @Test
  void onlyRolesWithCandidatesAndTheBindingsOfThemAreIndexed() {
    Inventory inventory = inventory(QUIET.replace("-N", "-0") + "---\n" + DANGEROUS);
    GrantIndex index = inventory.derived(GrantIndex.KEY);
    assertThat(index.roles()).extracting(c -> c.role().displayName()).containsExactly("Role shop/secrets");
    assertThat(index.bindings()).extracting(b -> b.binding().displayName())
        .containsExactly("RoleBinding shop/secrets");
    assertThat(index.bindings().get(0).rows()).isEqualTo(bit("rbac-read-secrets"));
    assertThat(index.candidates(inventory.named(GroupKind.ROLE, "shop", "reader-0").get(0))).isNull();
  }

  @Test
  void anAggregatedClusterRoleHasTheCandidatesOfTheRolesItPicks() {
    String picked = String.join("\n",
        "apiVersion: rbac.authorization.k8s.io/v1",
        "kind: ClusterRole",
        "metadata: {name: picked, labels: {example.com/aggregate: \"true\"}}",
        "rules:",
        "  - apiGroups: [\"\"]",
        "    resources: [\"configmaps\"]",
        "    verbs: [\"get\"]",
        "  - apiGroups: [\"\"]",
        "    resources: [\"nodes/proxy\"]",
        "    verbs: [\"get\"]",
        "");
    Inventory inventory = inventory(picked + "---\n" + AGGREGATED);
    GrantIndex index = inventory.derived(GrantIndex.KEY);
    // Only the ClusterRole with an own candidate is judged as a role; the aggregated one at its binding.
    assertThat(index.roles()).extracting(c -> c.role().displayName()).containsExactly("ClusterRole picked");
    GrantIndex.Candidates aggregated = index.candidates(inventory.named(GroupKind.CLUSTER_ROLE, null, "aggregated").get(0));
    assertThat(aggregated.size()).isEqualTo(1);
    assertThat(aggregated.entry(0).role().displayName()).isEqualTo("ClusterRole picked");
    assertThat(aggregated.entry(0).index()).isEqualTo(1);
    assertThat(index.bindings()).extracting(b -> b.binding().displayName(), GrantIndex.Bound::rows)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ClusterRoleBinding aggregated", bit("rbac-node-proxy")));
  }

  @Test
  void anEntryIsACandidateForEveryRowWhoseTargetsItMayGrantWhateverTheVersionAndScope() {
    // get on pods/exec counts only before v1.35, and nodes/proxy only cluster-wide: both candidates.
    assertThat(rows("{apiGroups: [\"\"], resources: [\"pods/exec\", \"secrets\", \"nodes/proxy\"], verbs: [get]}"))
        .containsExactly("rbac-read-secrets", "rbac-pod-exec", "rbac-node-proxy");
    assertThat(rows("{apiGroups: [\"\"], resources: [\"*\"], verbs: [get]}")).containsExactly(
        "rbac-read-secrets", "rbac-pod-exec", "rbac-pod-port-forward", "rbac-node-proxy", "rbac-pod-service-proxy");
    assertThat(rows("{apiGroups: [\"*\"], resources: [\"*/exec\", \"*/attach\"], verbs: [create]}"))
        .containsExactly("rbac-pod-exec");
    // extensions/deployments counts only before v1.16.
    assertThat(rows("{apiGroups: [extensions], resources: [deployments], verbs: [patch]}"))
        .containsExactly("rbac-create-workloads");
    assertThat(rows("{apiGroups: [authentication.k8s.io], resources: [userextras/scopes], verbs: [impersonate]}"))
        .containsExactly("rbac-impersonate");
    assertThat(rows("{apiGroups: [authentication.k8s.io], resources: [\"*/scopes\"], verbs: [impersonate]}"))
        .containsExactly("rbac-impersonate");
    assertThat(rows("{apiGroups: [certificates.k8s.io], resources: [signers], verbs: [approve]}"))
        .containsExactly("rbac-approve-csr (companion)");
    // Everything, left to rbac-wildcard: a candidate only as a companion.
    assertThat(rows("{apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}"))
        .containsExactly("rbac-approve-csr (companion)");
    assertThat(rows("{apiGroups: [\"\"], resources: [Secrets, \"pods/Exec\", \"*/execs\"], verbs: [GET, get, create]}"))
        .isEmpty();
    assertThat(rows("{apiGroups: [\"\"], resources: [secrets], verbs: []}")).isEmpty();
    assertThat(rows("{apiGroups: [apps], resources: [secrets], verbs: [get]}")).isEmpty();
  }

  /**
   * Over every rules entry of the module's fixtures: an entry is a candidate for a row exactly when
   * the row's match grants it something with scope and version left aside (cluster-wide, version 0),
   * so no row misses an entry it would report and none judges one it never could.
   */
  @Test
  void theCandidatesAreExactlyWhatTheRowsMatchWithScopeAndVersionLeftAside() {
    LoadResult loaded = Loader.defaults().load(Path.of("src/test/resources/rules"));
    int entries = 0;
    int candidates = 0;
    for (Resource role : loaded.resources()) {
      if (!role.is(GroupKind.ROLE) && !role.is(GroupKind.CLUSTER_ROLE)) {
        continue;
      }
      Node rules = role.root().get("rules");
      for (int i = 0; i < rules.size(); i++) {
        Node node = rules.get(i);
        if (!node.isMap()) {
          continue;
        }
        entries++;
        PolicyRules.Entry entry = new PolicyRules.Entry(role, i, node);
        long mask = GrantIndex.mask(node);
        candidates += mask == 0 ? 0 : 1;
        for (int r = 0; r < DangerousGrant.ROWS.size(); r++) {
          DangerousGrant.Row row = DangerousGrant.ROWS.get(r);
          boolean grants = !entry.isFullWildcard() && PolicyRules.grant(entry, row.targets(), false, 0) != null;
          assertThat((mask & (1L << r)) != 0).as("%s %s for %s", role.displayName(), entry.label(), row.id())
              .isEqualTo(grants);
          boolean companion = !row.companion().isEmpty()
              && PolicyRules.grant(entry, row.companion(), false, 0) != null;
          assertThat((mask & (1L << (GrantIndex.COMPANION + r))) != 0)
              .as("%s %s for the companion of %s", role.displayName(), entry.label(), row.id()).isEqualTo(companion);
        }
      }
    }
    assertThat(entries).isGreaterThan(100);
    assertThat(candidates).isGreaterThan(50).isLessThan(entries);
  }

  /**
   * Building the index over four times as many quiet roles and bindings allocates no more: each
   * check of the test rule builds it anew (the rules share one per scan), and the bindings are
   * walked, since one Role of the scan has a candidate.
   */
  @Test
  void buildingTheIndexAllocatesNothingPerQuietRoleOrBinding() {
    QuietPath.of(List.of(new IndexBuild())).assertAllocatesNothingPerQuietResource(GrantIndexTest::quietScan);
  }

  /** A rule that only builds the index, for {@link QuietPath} to count what that allocates. */
  private static final class IndexBuild implements InventoryRule {
    private static final RuleMetadata METADATA = RuleMetadata.builder("test-grant-index")
        .title("Builds the index of the dangerous-grant family")
        .severity(Severity.INFO)
        .topic(Topic.RBAC)
        .kinds(GroupKind.ROLE, GroupKind.CLUSTER_ROLE, GroupKind.ROLE_BINDING, GroupKind.CLUSTER_ROLE_BINDING)
        .rationale("A test rule.")
        .remediation("Nothing to do.")
        .build();

    /** The last index built, so that building it is not optimised away. */
    volatile GrantIndex built;

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public void check(Inventory inventory, Context context) {
      GrantIndex index = new GrantIndex(inventory);
      if (index.roles().size() != 1 || index.bindings().size() != 1) {
        throw new AssertionError("expected the one Role that reads Secrets and its binding");
      }
      built = index;
    }
  }

  /**
   * {@code n} quiet Roles, RoleBindings, ClusterRoles and ClusterRoleBindings (a quarter each) and
   * one Role that reads Secrets with its binding.
   */
  private static List<Resource> quietScan(int n) {
    StringBuilder yaml = new StringBuilder(DANGEROUS);
    for (int i = 0; i < n / 4; i++) {
      yaml.append("---\n").append(QUIET.replace("-N", "-" + i));
    }
    LoadResult loaded = Loader.defaults().loadString("rbac.yaml", yaml.toString());
    assertThat(loaded.errors()).isEmpty();
    assertThat(loaded.resources()).hasSize(n / 4 * 4 + 2);
    return loaded.resources();
  }

  private static Inventory inventory(String yaml) {
    LoadResult loaded = Loader.defaults().loadString("rbac.yaml", yaml);
    assertThat(loaded.errors()).isEmpty();
    return Inventory.of(loaded.resources());
  }

  /** The rows (and companions) the entry {@code flow} may grant, in catalogue order. */
  private static List<String> rows(String flow) {
    Node entry = inventory("apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\nrules:\n  - "
        + flow + "\n").all().get(0).root().get("rules").get(0);
    long mask = GrantIndex.mask(entry);
    List<String> out = new ArrayList<>();
    for (int r = 0; r < DangerousGrant.ROWS.size(); r++) {
      if ((mask & (1L << r)) != 0) {
        out.add(DangerousGrant.ROWS.get(r).id());
      }
    }
    for (int r = 0; r < DangerousGrant.ROWS.size(); r++) {
      if ((mask & (1L << (GrantIndex.COMPANION + r))) != 0) {
        out.add(DangerousGrant.ROWS.get(r).id() + " (companion)");
      }
    }
    return out;
  }

  private static long bit(String id) {
    for (int r = 0; r < DangerousGrant.ROWS.size(); r++) {
      if (DangerousGrant.ROWS.get(r).id().equals(id)) {
        return 1L << r;
      }
    }
    throw new IllegalArgumentException(id);
  }
}
