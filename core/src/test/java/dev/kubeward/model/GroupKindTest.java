/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupKindTest {

  @Test
  void knownOfKindListsEveryGroupThatServesTheKindInDeclarationOrder() {
    assertThat(GroupKind.knownOfKind("Deployment"))
        .containsExactly(GroupKind.DEPLOYMENT, GroupKind.EXTENSIONS_DEPLOYMENT);
    assertThat(GroupKind.knownOfKind("Service")).containsExactly(GroupKind.SERVICE, GroupKind.KNATIVE_SERVICE);
    assertThat(GroupKind.knownOfKind("Widget")).isEmpty();
  }

  @Test
  void isKnownOnlyForTheDeclaredPairs() {
    assertThat(GroupKind.of("apps", "Deployment").isKnown()).isTrue();
    assertThat(new GroupKind("apps", "Deployment").isKnown()).isTrue();
    assertThat(GroupKind.core("Deployment").isKnown()).isFalse();
    assertThat(GroupKind.of("example.com", "Widget").isKnown()).isFalse();
  }
}
