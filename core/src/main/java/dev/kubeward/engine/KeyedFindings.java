/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The findings of an evaluation as collectors hand them over, each with the hash code of its key,
 * which a collector works out from the key's parts ({@link FindingKeys#hashOf}) without reading the
 * key's text: making keys unique then reads a key's text only to confirm a meeting.
 */
final class KeyedFindings {

  private final List<Finding> list = new ArrayList<>();
  private int[] hashes = new int[64];

  /** Adds the findings of {@code collector}, in its order. */
  void addAll(FindingCollector collector) {
    int n = collector.findings.size();
    int size = list.size();
    if (size + n > hashes.length) {
      hashes = Arrays.copyOf(hashes, Math.max(hashes.length * 2, size + n));
    }
    System.arraycopy(collector.keyHashes, 0, hashes, size, n);
    list.addAll(collector.findings);
  }

  /** Adds {@code finding}, whose key is hashed here. */
  void add(Finding finding) {
    if (list.size() == hashes.length) {
      hashes = Arrays.copyOf(hashes, hashes.length * 2);
    }
    hashes[list.size()] = finding.key().hashCode();
    list.add(finding);
  }

  /** The findings, in the order they were added. */
  List<Finding> list() {
    return list;
  }

  /** The hash code of the key of finding {@code i}: {@code list().get(i).key().hashCode()}. */
  int hash(int i) {
    return hashes[i];
  }
}
