/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Keys made unique by their ends agree with keys made unique by whole-key hashing, whatever the keys. */
class FindingKeysTest {

  private static final ResourceRef WEB = new ResourceRef("apps/v1", "Deployment", "shop", "web", "web.yaml", 0);

  private static Finding withKey(String key) {
    return Finding.builder("r", WEB).message("m").key(key).build();
  }

  private static List<String> keys(List<Finding> findings) {
    return findings.stream().map(Finding::key).toList();
  }

  @Test
  void aKeyMetAgainIsNumberedInReportOrder() {
    List<Finding> in = List.of(withKey("r|apps/Deployment/shop/web|/a"), withKey("r|apps/Deployment/shop/api|/a"),
        withKey("r|apps/Deployment/shop/web|/a"), withKey("r|apps/Deployment/shop/web|/a"),
        withKey("q|apps/Deployment/shop/web|/a"));
    assertThat(keys(FindingKeys.unique(in))).containsExactly("r|apps/Deployment/shop/web|/a",
        "r|apps/Deployment/shop/api|/a", "r|apps/Deployment/shop/web|/a#2", "r|apps/Deployment/shop/web|/a#3",
        "q|apps/Deployment/shop/web|/a");
    List<Finding> distinct = List.of(withKey("a"), withKey("b"));
    assertThat(FindingKeys.unique(distinct)).isSameAs(distinct);
  }

  @Test
  void randomKeysAgreeWithWholeKeyHashing() {
    Random random = new Random(42);
    String[] names = {"web", "api", "db", "a-very-long-name-of-a-deployment-0001", "a-very-long-name-of-a-deployment-0002"};
    String[] paths = {"", "/spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation",
        "/spec/template/spec/containers/1/securityContext/allowPrivilegeEscalation", "/metadata/name", "app"};
    for (int round = 0; round < 200; round++) {
      List<Finding> in = new ArrayList<>();
      int n = 2 + random.nextInt(60);
      for (int i = 0; i < n; i++) {
        in.add(withKey("rule-" + random.nextInt(3) + "|apps/Deployment/ns" + random.nextInt(2) + "/"
            + names[random.nextInt(names.length)] + "|" + paths[random.nextInt(paths.length)]));
      }
      assertThat(keys(FindingKeys.unique(in))).isEqualTo(keys(FindingKeys.uniqueByHash(in)));
    }
  }

  @Test
  void keysThatShareTheirEndsStillComeOutRight() {
    // Generated objects: keys of one length that differ only inside, in the object's name.
    String tail = "|/spec/template/spec/containers/0/securityContext/privileged";
    List<Finding> in = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      in.add(withKey(String.format("r|apps/Deployment/default/%05d-web", i) + tail));
    }
    in.add(withKey(String.format("r|apps/Deployment/default/%05d-web", 7) + tail));
    List<String> out = keys(FindingKeys.unique(in));
    assertThat(out).isEqualTo(keys(FindingKeys.uniqueByHash(in)));
    assertThat(out.get(5_000)).isEqualTo("r|apps/Deployment/default/00007-web" + tail + "#2");
  }

  @Test
  void keysThatShareHashCodesStillComeOutRight() {
    // "Aa" and "BB" have one hash code, and so has every string of n such pairs: 2^12 distinct keys
    // of one hash code all meet in the table; past a budget of probes a hash map takes over, so that
    // a crafted scan stays linear.
    List<Finding> in = new ArrayList<>();
    for (int i = 0; i < 4_096; i++) {
      StringBuilder name = new StringBuilder();
      for (int bit = 0; bit < 12; bit++) {
        name.append((i >> bit & 1) == 0 ? "Aa" : "BB");
      }
      in.add(withKey("r|apps/Deployment/default/" + name + "|/spec"));
    }
    in.add(in.get(7));
    assertThat(in.get(0).key().hashCode()).isEqualTo(in.get(1).key().hashCode());
    List<String> out = keys(FindingKeys.unique(in));
    assertThat(out).isEqualTo(keys(FindingKeys.uniqueByHash(in)));
    assertThat(out.get(4_096)).isEqualTo(in.get(7).key() + "#2");
  }
}
