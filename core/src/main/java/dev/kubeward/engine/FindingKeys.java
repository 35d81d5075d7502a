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

  /** 31 to the power of the index, in {@code int} arithmetic as {@link String#hashCode} uses. */
  private static final int[] POWERS_OF_31 = new int[257];

  static {
    POWERS_OF_31[0] = 1;
    for (int i = 1; i < POWERS_OF_31.length; i++) {
      POWERS_OF_31[i] = POWERS_OF_31[i - 1] * 31;
    }
  }

  /**
   * {@code key(rule, identity, discriminator).hashCode()}, worked out from the parts' own hash codes
   * (a String keeps its hash code, and rule ids, identities and shared pointers are hashed once),
   * without reading the key's text.
   */
  static int hashOf(String rule, String identity, String discriminator) {
    int h = rule.hashCode() * 31 + '|';
    h = append(h, identity);
    h = h * 31 + '|';
    return append(h, discriminator);
  }

  /** The hash code of {@code a + text} from {@code h}, the hash code of {@code a}. */
  private static int append(int h, String text) {
    int n = text.length();
    int power = 1;
    int left = n;
    while (left >= POWERS_OF_31.length) {
      power *= POWERS_OF_31[POWERS_OF_31.length - 1];
      left -= POWERS_OF_31.length - 1;
    }
    power *= POWERS_OF_31[left];
    return h * power + text.hashCode();
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
   * The findings of {@code all} in report order ({@link Finding#ORDER}) with keys made unique as
   * {@link #unique} makes them, using the hash codes the collectors worked out: equal keys are found
   * before sorting, and each group of them is numbered in its own report order (a stable sort of a
   * group gives its members in the order the stable sort of all of them does; the suffix does not
   * take part in the order).
   */
  static List<Finding> sortedWithUniqueKeys(KeyedFindings all) {
    List<Finding> findings = all.list();
    int n = findings.size();
    int capacity = Integer.highestOneBit(Math.max(n, 1)) << 2; // at least 2n, a power of two
    int mask = capacity - 1;
    int[] slots = new int[capacity]; // 1 + the index of the first finding of a key; 0 when free
    int[] next = null; // for each finding of a key met more than once, 1 + the index of the next one; 0 for none
    int[] last = null; // for the first finding of such a key, 1 + the index of the last one so far
    int probes = 0;
    int budget = 8 * n + 64;
    List<Integer> firsts = null;
    for (int i = 0; i < n; i++) {
      int hash = all.hash(i);
      int s = (hash ^ (hash >>> 16)) & mask;
      while (true) {
        int first = slots[s] - 1;
        if (first < 0) {
          slots[s] = i + 1;
          break;
        }
        if (++probes > budget) {
          // Many keys share hash codes (a crafted input): sort, then a hash map, which stays linear.
          List<Finding> sorted = new ArrayList<>(findings);
          sorted.sort(Finding.ORDER);
          return unique(sorted);
        }
        if (all.hash(first) == hash && findings.get(first).key().equals(findings.get(i).key())) {
          if (next == null) {
            next = new int[n];
            last = new int[n];
            firsts = new ArrayList<>();
          }
          if (last[first] == 0) {
            firsts.add(first);
            next[first] = i + 1;
          } else {
            next[last[first] - 1] = i + 1;
          }
          last[first] = i + 1;
          break;
        }
        s = (s + 1) & mask;
      }
    }
    List<Finding> out = new ArrayList<>(findings);
    if (firsts != null) {
      for (int first : firsts) {
        List<Integer> group = new ArrayList<>();
        for (int i = first; i >= 0; i = next[i] - 1) {
          group.add(i);
        }
        group.sort((a, b) -> Finding.ORDER.compare(findings.get(a), findings.get(b)));
        for (int k = 1; k < group.size(); k++) {
          Finding f = findings.get(group.get(k));
          out.set(group.get(k), f.withKey(f.key() + "#" + (k + 1)));
        }
      }
    }
    out.sort(Finding.ORDER);
    return out;
  }

  /**
   * {@code findings} (in report order) with keys made unique: a key met again gets {@code #2},
   * {@code #3}... in report order.
   */
  static List<Finding> unique(List<Finding> findings) {
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
