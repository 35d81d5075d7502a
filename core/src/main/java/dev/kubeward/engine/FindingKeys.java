/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
   * {@link #unique} makes them, using the hash codes the collectors worked out: the findings are
   * sorted together with their hash codes (a stable merge of the runs they arrive in, which
   * collectors hand over in report order resource by resource), then numbered in that order, a
   * key's text read only to confirm that two keys meet.
   */
  static List<Finding> sortedWithUniqueKeys(KeyedFindings all) {
    List<Finding> list = all.list();
    int n = list.size();
    Finding[] findings = list.toArray(new Finding[0]);
    int[] hashes = new int[n];
    for (int i = 0; i < n; i++) {
      hashes[i] = all.hash(i);
    }
    sort(findings, hashes);
    int bits = Math.max(4, 34 - Integer.numberOfLeadingZeros(Math.max(n, 1))); // at least 2n slots
    int[] slots = new int[1 << bits]; // 1 + the index of the first finding of a key; 0 when free
    int[] numbers = null; // for a finding whose key was met before, its number (2, 3...); otherwise 0
    int[] lastNumber = null; // for the first finding of such a key, the last number given
    int probes = 0;
    int budget = 8 * n + 64;
    for (int i = 0; i < n; i++) {
      int hash = hashes[i];
      int s = (hash * 0x9E3779B9) >>> (32 - bits);
      while (true) {
        int first = slots[s] - 1;
        if (first < 0) {
          slots[s] = i + 1;
          break;
        }
        if (++probes > budget) {
          // Many keys share hash codes (a crafted input): a hash map, which stays linear.
          return unique(new ArrayList<>(Arrays.asList(findings)));
        }
        if (hashes[first] == hash && findings[first].key().equals(findings[i].key())) {
          if (numbers == null) {
            numbers = new int[n];
            lastNumber = new int[n];
          }
          lastNumber[first] = lastNumber[first] == 0 ? 2 : lastNumber[first] + 1;
          numbers[i] = lastNumber[first];
          break;
        }
        s = (s + 1) & (slots.length - 1);
      }
    }
    if (numbers != null) {
      for (int i = 0; i < n; i++) {
        if (numbers[i] != 0) {
          String key = findings[i].key();
          findings[i] = findings[i].withKey(new StringBuilder(key.length() + 4).append(key).append('#')
              .append(numbers[i]).toString());
        }
      }
    }
    return new ArrayList<>(Arrays.asList(findings));
  }

  /**
   * Sorts {@code findings} into report order, stably, moving each finding's hash code with it: a
   * merge of the ascending runs they hold, so that findings handed over in order cost one
   * comparison each.
   */
  static void sort(Finding[] findings, int[] hashes) {
    int n = findings.length;
    int[] runs = new int[8]; // the starts of the runs, then n
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || Finding.ORDER.compare(findings[i - 1], findings[i]) > 0) {
        if (count + 1 == runs.length) {
          runs = Arrays.copyOf(runs, runs.length * 2);
        }
        runs[count++] = i;
      }
    }
    runs[count] = n;
    if (count <= 1) {
      return;
    }
    Finding[] from = findings;
    int[] fromHashes = hashes;
    Finding[] to = new Finding[n];
    int[] toHashes = new int[n];
    while (count > 1) {
      int merged = 0;
      for (int r = 0; r < count; r += 2) {
        int lo = runs[r];
        int mid = runs[Math.min(r + 1, count)];
        int hi = runs[Math.min(r + 2, count)];
        int a = lo;
        int b = mid;
        for (int k = lo; k < hi; k++) {
          // Ties go to the left run, which came first: the merge is stable.
          if (b >= hi || (a < mid && Finding.ORDER.compare(from[a], from[b]) <= 0)) {
            to[k] = from[a];
            toHashes[k] = fromHashes[a++];
          } else {
            to[k] = from[b];
            toHashes[k] = fromHashes[b++];
          }
        }
        runs[merged++] = lo;
      }
      runs[merged] = n;
      count = merged;
      Finding[] f = from;
      from = to;
      to = f;
      int[] h = fromHashes;
      fromHashes = toHashes;
      toHashes = h;
    }
    if (from != findings) {
      System.arraycopy(from, 0, findings, 0, n);
      System.arraycopy(fromHashes, 0, hashes, 0, n);
    }
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
