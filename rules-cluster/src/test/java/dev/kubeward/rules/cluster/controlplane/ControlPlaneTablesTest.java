/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.rule.Controls;
import dev.kubeward.rule.Rule;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The component tables: one rule per row, each with a firing, a passing and an absent-flag fixture. */
class ControlPlaneTablesTest {

  @Test
  void everyRowHasFiringPassingAndAbsentFlagFixtures() throws Exception {
    List<String> incomplete = new ArrayList<>();
    for (Rule rule : ControlPlaneFlag.rules()) {
      String id = rule.metadata().id();
      URL dir = getClass().getResource("/rules/" + id);
      if (dir == null) {
        incomplete.add(id + ": no fixtures");
        continue;
      }
      List<String> names;
      try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
        names = files.map(p -> p.getFileName().toString()).collect(Collectors.toList());
      }
      boolean fires = names.stream().anyMatch(n -> n.startsWith("fires"));
      boolean passes = names.stream().anyMatch(n -> n.startsWith("passes"));
      boolean absent = names.stream().anyMatch(n -> n.contains("absent"));
      if (!fires || !passes || !absent) {
        incomplete.add(id + ": fires " + fires + ", passes " + passes + ", absent " + absent);
      }
    }
    assertThat(incomplete).isEmpty();
  }

  @Test
  void everyCisRecommendationOfTheFlagSectionsHasItsRow() {
    Set<String> cited = new HashSet<>();
    for (Rule rule : ControlPlaneFlag.rules()) {
      cited.addAll(rule.metadata().controls());
    }
    List<String> missing = new ArrayList<>();
    for (String id : Controls.cisK8s().keySet()) {
      boolean flagSection = id.startsWith("1.2.") || id.startsWith("1.3.") || id.startsWith("1.4.")
          || id.startsWith("2.");
      // 1.2.28 judges the EncryptionConfiguration file, not a flag
      if (flagSection && !id.equals("1.2.28") && !cited.contains("cis-k8s:" + id)) {
        missing.add(id);
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void rowIdsAreUniqueAndNamedAfterTheirComponent() {
    Set<String> ids = new HashSet<>();
    for (Rule rule : ControlPlaneFlag.rules()) {
      FlagCheck row = ((ControlPlaneFlag) rule).check();
      assertThat(ids.add(row.id())).as(row.id()).isTrue();
      String prefix = switch (row.component()) {
        case KUBE_APISERVER -> "api-server-";
        case KUBE_CONTROLLER_MANAGER -> "controller-manager-";
        case KUBE_SCHEDULER -> "scheduler-";
        case ETCD -> "etcd-";
      };
      assertThat(row.id()).startsWith(prefix);
    }
  }
}
