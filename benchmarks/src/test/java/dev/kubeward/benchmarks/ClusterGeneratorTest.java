/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ClusterGeneratorTest {

  @Test
  void generatesExactlyTheRequestedNumberOfResourcesThatLoadCleanly() {
    for (int size : new int[] {1, 7, 1_000, 2_345}) {
      List<ClusterGenerator.File> files = ClusterGenerator.generate(size, ClusterGenerator.SEED);
      assertThat(files.stream().mapToInt(ClusterGenerator.File::resources).sum()).as("declared, size %d", size)
          .isEqualTo(size);
      int loaded = 0;
      for (ClusterGenerator.File f : files) {
        LoadResult result = Loader.defaults().loadString(f.path(), f.text());
        assertThat(result.errors()).as(f.path()).isEmpty();
        assertThat(result.resources()).as(f.path()).hasSize(f.resources());
        loaded += result.resources().size();
      }
      assertThat(loaded).as("loaded, size %d", size).isEqualTo(size);
    }
  }

  @Test
  void sameSeedGivesTheSameClusterAndAnotherSeedAnotherOne() {
    assertThat(ClusterGenerator.generate(500, 42)).isEqualTo(ClusterGenerator.generate(500, 42));
    assertThat(ClusterGenerator.generate(500, 42)).isNotEqualTo(ClusterGenerator.generate(500, 43));
  }

  @Test
  void clusterHasTheObjectsCrossResourceRulesNeed() {
    Map<String, Integer> kinds = new TreeMap<>();
    for (ClusterGenerator.File f : ClusterGenerator.generate(2_000, ClusterGenerator.SEED)) {
      for (Resource r : Loader.defaults().loadString(f.path(), f.text()).resources()) {
        kinds.merge(r.kind(), 1, Integer::sum);
      }
    }
    assertThat(kinds).containsOnlyKeys("ClusterRole", "ClusterRoleBinding", "ConfigMap", "CronJob", "DaemonSet",
        "Deployment", "Namespace", "NetworkPolicy", "Role", "RoleBinding", "Service", "ServiceAccount", "StatefulSet");
    assertThat(kinds.get("Deployment")).isGreaterThan(kinds.get("StatefulSet"));
  }
}
