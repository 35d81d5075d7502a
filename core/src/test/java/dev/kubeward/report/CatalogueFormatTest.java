/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import dev.kubeward.model.GroupKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule catalogue in its three formats, from metadata alone. */
class CatalogueFormatTest {

  static final RuleMetadata REPLICAS = RuleMetadata.builder("too-many-replicas")
      .title("Replica count | over the limit")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .rationale("Runaway replica counts exhaust quotas.")
      .remediation("Lower spec.replicas.")
      .kinds(GroupKind.STATEFUL_SET, GroupKind.DEPLOYMENT)
      .parameters(
          ParameterKey.ofInt("maxReplicas", 10, "The largest replica count allowed."),
          ParameterKey.ofList("exempt", List.of(), "Names never checked."))
      .optIn()
      .build();

  static final List<RuleMetadata> RULES = List.of(ReportFixtures.PRIVILEGED, REPLICAS, ReportFixtures.CLUSTER_ADMIN);

  static String write(CatalogueFormat format) throws IOException {
    StringWriter out = new StringWriter();
    format.write(RULES, out);
    return out.toString();
  }

  @Test
  void textIsAnAlignedTableWithParameters() throws IOException {
    assertThat(write(CatalogueFormat.TEXT)).isEqualTo("""
        ID                     SEVERITY  TOPIC         CONTROLS                 TITLE
        cluster-admin-binding  CRITICAL  rbac          cis-k8s:5.1.1            Binding to cluster-admin
        privileged-container   HIGH      pod-security  pss-baseline:privileged  Privileged container
        too-many-replicas      LOW       hygiene       -                        Replica count | over the limit
            parameter maxReplicas (int, default 10): The largest replica count allowed.
            parameter exempt (list, default empty): Names never checked.
        3 rules
        """);
  }

  @Test
  void jsonHoldsEveryMetadataField() throws IOException {
    assertThat(write(CatalogueFormat.JSON)).endsWith("""
            {
              "id": "too-many-replicas",
              "title": "Replica count | over the limit",
              "severity": "LOW",
              "topic": "hygiene",
              "controls": [],
              "profiles": [
                "all"
              ],
              "optIn": true,
              "since": "0.1.0",
              "kinds": [
                "Deployment.apps",
                "StatefulSet.apps"
              ],
              "rationale": "Runaway replica counts exhaust quotas.",
              "remediation": "Lower spec.replicas.",
              "parameters": [
                {
                  "name": "maxReplicas",
                  "type": "int",
                  "default": "10",
                  "description": "The largest replica count allowed."
                },
                {
                  "name": "exempt",
                  "type": "list",
                  "default": "",
                  "description": "Names never checked."
                }
              ]
            }
          ]
        }
        """);
  }

  @Test
  void markdownIsATableThenASectionPerRuleWithEscapedCells() throws IOException {
    assertThat(write(CatalogueFormat.MARKDOWN)).isEqualTo("""
        # Kubeward rules

        Generated from the rules' metadata by `kubeward rules --format markdown`; do not edit by hand.

        | Rule | Title | Severity | Topic | Controls | Profiles |
        |------|-------|----------|-------|----------|----------|
        | [`cluster-admin-binding`](#cluster-admin-binding) | Binding to cluster-admin | CRITICAL | rbac | `cis-k8s:5.1.1` | recommended, cis, all |
        | [`privileged-container`](#privileged-container) | Privileged container | HIGH | pod-security | `pss-baseline:privileged` | recommended, pss-baseline, pss-restricted, all |
        | [`too-many-replicas`](#too-many-replicas) | Replica count \\| over the limit | LOW | hygiene | - | all |

        ## By CIS Kubernetes Benchmark section

        The rules citing a recommendation of the CIS Kubernetes Benchmark 1.12.

        ### 5.1 RBAC and service accounts

        | CIS | Recommendation | Rules |
        |-----|----------------|-------|
        | 5.1.1 | the cluster-admin role is bound only where required | [`cluster-admin-binding`](#cluster-admin-binding) |

        ## cluster-admin-binding

        **Binding to cluster-admin**: severity CRITICAL, topic `rbac`, controls `cis-k8s:5.1.1`, profiles recommended, cis, all, looks at ClusterRoleBinding.rbac.authorization.k8s.io, since 0.1.0.

        cluster-admin can do anything anywhere in the cluster.

        Remediation: Bind a role that grants only what the subject needs.

        ## privileged-container

        **Privileged container**: severity HIGH, topic `pod-security`, controls `pss-baseline:privileged`, profiles recommended, pss-baseline, pss-restricted, all, looks at workloads, since 0.1.0.

        A privileged container has every capability of the host and can take it over.

        Remediation: Remove securityContext.privileged or set it to false.

        ## too-many-replicas

        **Replica count | over the limit**: severity LOW, topic `hygiene`, controls -, profiles all, looks at Deployment.apps, StatefulSet.apps, since 0.1.0. Opt-in: not in the `recommended` profile.

        Runaway replica counts exhaust quotas.

        Remediation: Lower spec.replicas.

        | Parameter | Type | Default | Description |
        |-----------|------|---------|-------------|
        | `maxReplicas` | int | `10` | The largest replica count allowed. |
        | `exempt` | list | empty | Names never checked. |
        """);
  }

  @Test
  void formatsAreNamedAsOnTheCommandLine() {
    assertThat(CatalogueFormat.of("Markdown")).isEqualTo(CatalogueFormat.MARKDOWN);
    assertThatThrownBy(() -> CatalogueFormat.of("yaml"))
        .hasMessage("unknown catalogue format 'yaml' (expected text, json or markdown)");
  }
}
