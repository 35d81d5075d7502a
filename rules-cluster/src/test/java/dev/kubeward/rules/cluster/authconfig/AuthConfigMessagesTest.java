/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.authconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.rules.cluster.ClusterRules;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The messages of the authentication and authorization configuration rules, word for word. */
class AuthConfigMessagesTest {

  private static final Kubeward SCANNER =
      Kubeward.builder().rules(new ClusterRules().rules()).profile(Profile.of("all")).build();

  private static List<String> messages(String text) {
    return SCANNER.scanString("auth.yaml", text).findings().stream()
        .map(f -> f.line() + " " + f.rule() + " " + f.severity() + ": " + f.message()).collect(Collectors.toList());
  }

  @Test
  void authorization() {
    assertThat(messages("""
        apiVersion: apiserver.config.k8s.io/v1
        kind: AuthorizationConfiguration
        authorizers:
          - type: Webhook
            name: guard
            webhook:
              failurePolicy: NoOpinion
          - type: AlwaysAllow
            name: allow
        """)).containsExactly(
        "3 authorization-config-node-missing MEDIUM: AuthorizationConfiguration in auth.yaml has no authorizer of"
            + " type Node: kubelets are not limited to the objects of their own node",
        "3 authorization-config-rbac-missing MEDIUM: AuthorizationConfiguration in auth.yaml has no authorizer of"
            + " type RBAC: Roles and ClusterRoles grant nothing",
        "7 authorization-config-webhook-no-opinion LOW: webhook authorizer \"guard\" of AuthorizationConfiguration"
            + " in auth.yaml has failurePolicy NoOpinion: when it fails, AlwaysAllow decides without it",
        "8 authorization-config-always-allow CRITICAL: authorizer 2 of AuthorizationConfiguration in auth.yaml is of"
            + " type AlwaysAllow: every request it is asked about is allowed");
  }

  @Test
  void authentication() {
    assertThat(messages("""
        apiVersion: apiserver.config.k8s.io/v1
        kind: AuthenticationConfiguration
        anonymous:
          enabled: true
        """)).containsExactly("4 authentication-config-anonymous HIGH: AuthenticationConfiguration in auth.yaml sets"
        + " anonymous.enabled: true without conditions: every path of the API server serves anonymous requests");
  }
}
