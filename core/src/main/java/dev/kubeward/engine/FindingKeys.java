/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stable keys of findings: {@code rule|identity|discriminator}. The identity is
 * {@code group/Kind/namespace/name} with the namespace the object is applied to (none for
 * cluster-scoped kinds); an object without a name is identified by its file, relative to a base
 * folder (the configuration file's, or the working directory) and normalised, and its document
 * index. Nothing in a key depends on line numbers or on how a path was written on the command line.
 */
final class FindingKeys {

  private FindingKeys() {}

  /** {@code rule|identity|discriminator}. */
  static String key(String rule, String identity, String discriminator) {
    // Written out: on JDK 17 the invokedynamic concatenation of these parts is not compiled inline
    // and costs several times as much, once per finding.
    return new StringBuilder(rule.length() + identity.length() + discriminator.length() + 2)
        .append(rule).append('|').append(identity).append('|').append(discriminator).toString();
  }

  /** The identity of {@code resource} in keys. */
  static String identity(Resource resource, String defaultNamespace, Path base) {
    String namespace = resource.isClusterScoped() ? ""
        : resource.namespace() == null ? defaultNamespace : resource.namespace();
    String name = resource.name() != null ? resource.name()
        : "@" + normalisedFile(resource.source().name(), base) + "#" + resource.documentIndex();
    String group = resource.apiGroup();
    String kind = resource.kind();
    return new StringBuilder(group.length() + kind.length() + namespace.length() + name.length() + 3)
        .append(group).append('/').append(kind).append('/').append(namespace).append('/').append(name).toString();
  }

  /**
   * {@code file} relative to {@code base}, normalised, with {@code /} separators; the name itself
   * for standard input or a name that is not a path.
   */
  static String normalisedFile(String file, Path base) {
    if (file.equals("-")) {
      return "-";
    }
    try {
      Path absolute = Path.of(file).toAbsolutePath().normalize();
      Path relative = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
      return relative.toString().replace('\\', '/');
    } catch (IllegalArgumentException e) {
      return file;
    }
  }

  /**
   * {@code findings} (in report order) with keys made unique: a key met again gets {@code #2},
   * {@code #3}... in report order.
   */
  static List<Finding> unique(List<Finding> findings) {
    int n = findings.size();
    if (n < 2) {
      return findings;
    }
    List<Finding> out = uniqueByTable(findings);
    return out != null ? out : uniqueByHash(findings);
  }

  /**
   * {@link #unique} with an open-addressing table of hash codes and first indices, which keeps no
   * entry object or boxed count per key; a meeting of two hash codes is confirmed with {@code
   * equals}. Null when too many keys share hash codes (a crafted input can make them): then the
   * caller uses a hash map, which stays linear.
   */
  private static List<Finding> uniqueByTable(List<Finding> findings) {
    int n = findings.size();
    int capacity = Integer.highestOneBit(n) << 2; // at least 2n, a power of two
    int mask = capacity - 1;
    int[] slots = new int[capacity]; // 1 + the index of the first finding of a key; 0 when free
    int[] hashes = new int[capacity];
    int[] counts = null; // for the first finding of a key, how many findings have it so far
    int probes = 0;
    int budget = 8 * n + 64;
    List<Finding> out = null;
    for (int i = 0; i < n; i++) {
      String key = findings.get(i).key();
      int hash = key.hashCode();
      int s = (hash ^ (hash >>> 16)) & mask;
      while (true) {
        int first = slots[s] - 1;
        if (first < 0) {
          slots[s] = i + 1;
          hashes[s] = hash;
          break;
        }
        if (++probes > budget) {
          return null;
        }
        if (hashes[s] == hash && findings.get(first).key().equals(key)) {
          if (counts == null) {
            counts = new int[n];
          }
          int occurrence = (counts[first] == 0 ? 1 : counts[first]) + 1;
          counts[first] = occurrence;
          if (out == null) {
            out = new ArrayList<>(findings);
          }
          out.set(i, findings.get(i).withKey(key + "#" + occurrence));
          break;
        }
        s = (s + 1) & mask;
      }
    }
    return out == null ? findings : out;
  }

  /** {@link #unique} by whole keys. */
  static List<Finding> uniqueByHash(List<Finding> findings) {
    Map<String, Integer> seen = new HashMap<>(findings.size() * 4 / 3 + 1);
    List<Finding> out = null;
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      Integer n = seen.merge(f.key(), 1, Integer::sum);
      if (n > 1) {
        if (out == null) {
          out = new ArrayList<>(findings);
        }
        out.set(i, f.withKey(f.key() + "#" + n));
      }
    }
    return out == null ? findings : out;
  }
}
