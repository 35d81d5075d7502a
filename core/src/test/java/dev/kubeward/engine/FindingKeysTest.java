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

/**
 * Keys made unique before sorting, from the hash codes collectors work out, agree with keys made
 * unique after sorting with a hash map of whole keys, whatever the keys and their order.
 */
class FindingKeysTest {

  private static final ResourceRef WEB = new ResourceRef("apps/v1", "Deployment", "shop", "web", "web.yaml", 0);

  private static Finding finding(String key, String file, int line, String rule) {
    return Finding.builder(rule, WEB).message("m").at(file, line, 1).key(key).build();
  }

  private static List<String> keys(List<Finding> findings) {
    return findings.stream().map(f -> f.file() + ":" + f.line() + " " + f.key()).toList();
  }

  private static List<Finding> reference(List<Finding> in) {
    List<Finding> sorted = new ArrayList<>(in);
    sorted.sort(Finding.ORDER);
    return FindingKeys.unique(sorted);
  }

  private static KeyedFindings keyed(List<Finding> in) {
    KeyedFindings all = new KeyedFindings();
    in.forEach(all::add);
    return all;
  }

  @Test
  void theHashOfAKeyIsWorkedOutFromItsParts() {
    Random random = new Random(7);
    for (int round = 0; round < 2_000; round++) {
      String rule = text(random, 1 + random.nextInt(30));
      String identity = text(random, random.nextInt(700));
      String discriminator = text(random, random.nextInt(300));
      assertThat(FindingKeys.hashOf(rule, identity, discriminator))
          .isEqualTo(FindingKeys.key(rule, identity, discriminator).hashCode());
    }
  }

  private static String text(Random random, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(random.nextInt(10) == 0 ? (char) (0x100 + random.nextInt(0x2000)) : (char) ('!' + random.nextInt(90)));
    }
    return sb.toString();
  }

  @Test
  void aKeyMetAgainIsNumberedInReportOrder() {
    // Handed over out of report order: the numbers follow the report, not the hand-over.
    List<Finding> in = List.of(finding("r|apps/Deployment/shop/web|/a", "b.yaml", 3, "r"),
        finding("r|apps/Deployment/shop/api|/a", "a.yaml", 9, "r"),
        finding("r|apps/Deployment/shop/web|/a", "a.yaml", 5, "r"),
        finding("r|apps/Deployment/shop/web|/a", "a.yaml", 2, "r"),
        finding("q|apps/Deployment/shop/web|/a", "a.yaml", 2, "q"));
    assertThat(keys(FindingKeys.sortedWithUniqueKeys(keyed(in)))).containsExactly(
        "a.yaml:2 q|apps/Deployment/shop/web|/a",
        "a.yaml:2 r|apps/Deployment/shop/web|/a",
        "a.yaml:5 r|apps/Deployment/shop/web|/a#2",
        "a.yaml:9 r|apps/Deployment/shop/api|/a",
        "b.yaml:3 r|apps/Deployment/shop/web|/a#3");
  }

  @Test
  void randomFindingsAgreeWithSortingFirst() {
    Random random = new Random(42);
    String[] names = {"web", "api", "db", "a-very-long-name-of-a-deployment-0001", "a-very-long-name-of-a-deployment-0002"};
    String[] paths = {"", "/spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation",
        "/spec/template/spec/containers/1/securityContext/allowPrivilegeEscalation", "/metadata/name", "app"};
    for (int round = 0; round < 300; round++) {
      List<Finding> in = new ArrayList<>();
      int n = random.nextInt(80);
      for (int i = 0; i < n; i++) {
        String rule = "rule-" + random.nextInt(3);
        // Few files and lines, so that the report order has ties, which a stable sort keeps in hand-over order.
        in.add(finding(rule + "|apps/Deployment/ns" + random.nextInt(2) + "/" + names[random.nextInt(names.length)] + "|"
            + paths[random.nextInt(paths.length)], "f" + random.nextInt(3) + ".yaml", 1 + random.nextInt(4), rule));
      }
      assertThat(keys(FindingKeys.sortedWithUniqueKeys(keyed(in)))).isEqualTo(keys(reference(in)));
    }
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
      in.add(finding("r|apps/Deployment/default/" + name + "|/spec", "x.yaml", 4_096 - i, "r"));
    }
    in.add(finding(in.get(7).key(), "y.yaml", 1, "r"));
    assertThat(in.get(0).key().hashCode()).isEqualTo(in.get(1).key().hashCode());
    List<Finding> out = FindingKeys.sortedWithUniqueKeys(keyed(in));
    assertThat(keys(out)).isEqualTo(keys(reference(in)));
    assertThat(out.get(out.size() - 1).key()).isEqualTo(in.get(7).key() + "#2");
  }

  @Test
  void theMergeSortsStablyWhateverTheRunsAndCarriesTheHashCodes() {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      int n = random.nextInt(200);
      List<Finding> in = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        // Few distinct places, so that ties are many and stability shows.
        in.add(finding("k" + i, "f" + random.nextInt(4) + ".yaml", 1 + random.nextInt(6), "r" + random.nextInt(2)));
      }
      switch (round % 3) {
        case 0 -> in.sort(Finding.ORDER.reversed()); // one descending run: every finding its own run
        case 1 -> {
          // Runs already in order, as collectors hand them over resource by resource.
          for (int from = 0; from < n; from += 1 + random.nextInt(8)) {
            in.subList(from, Math.min(n, from + 8)).sort(Finding.ORDER);
          }
        }
        default -> { }
      }
      Finding[] findings = in.toArray(new Finding[0]);
      int[] hashes = new int[n];
      for (int i = 0; i < n; i++) {
        hashes[i] = findings[i].key().hashCode();
      }
      FindingKeys.sort(findings, hashes);
      List<Finding> expected = new ArrayList<>(in);
      expected.sort(Finding.ORDER);
      assertThat(findings).containsExactlyElementsOf(expected);
      for (int i = 0; i < n; i++) {
        assertThat(hashes[i]).isEqualTo(findings[i].key().hashCode());
      }
    }
  }
}
