/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.lifecycle;

import dev.kubeward.model.GroupKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of Kubernetes API versions: which {@code apiVersion} and kind pairs were removed or
 * are deprecated, and in which release, read once from {@code api-lifecycle.tsv} (its header names
 * the sources). Look-ups by the exact {@code apiVersion} string and kind allocate nothing.
 */
final class ApiLifecycle {

  /** What became of an apiVersion and kind. */
  enum Status {
    /** Removed in {@link Entry#removed()}: the API server no longer serves it. */
    REMOVED,
    /** Deprecated, with a removal planned in {@link Entry#removed()} but not confirmed. */
    PLANNED,
    /** An alpha version: off by default, no compatibility promise. */
    ALPHA,
    /** A GA kind that is deprecated without a removal date. */
    DEPRECATED
  }

  /**
   * One apiVersion and kind.
   *
   * @param deprecated the minor version that deprecated it, or -1
   * @param removed the minor version that removed it (or will), or -1
   * @param replacement what to use instead: an apiVersion, or a description when {@link #kindGone()}
   *     ({@code null} for none)
   * @param kindGone true if the kind itself no longer exists
   */
  record Entry(String apiVersion, String kind, int deprecated, int removed, Status status, String replacement,
      boolean kindGone) {}

  private static final Map<String, Map<String, Entry>> BY_VERSION = new HashMap<>();
  private static final Set<GroupKind> REMOVED_KINDS = new LinkedHashSet<>();
  private static final Set<GroupKind> ALL_KINDS = new LinkedHashSet<>();

  static {
    try (InputStream in = ApiLifecycle.class.getResourceAsStream("api-lifecycle.tsv")) {
      if (in == null) {
        throw new IllegalStateException("api-lifecycle.tsv is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
          throw new IllegalStateException("api-lifecycle.tsv has a malformed row: " + line);
        }
        Status status = Status.valueOf(f[4].toUpperCase(java.util.Locale.ROOT));
        boolean gone = f[5].startsWith("!");
        String replacement = f[5].equals("-") ? null : gone ? f[5].substring(1) : f[5];
        for (String kind : f[1].split(",")) {
          Entry e = new Entry(f[0], kind, minor(f[2]), minor(f[3]), status, replacement, gone);
          if (BY_VERSION.computeIfAbsent(f[0], v -> new HashMap<>()).put(kind, e) != null) {
            throw new IllegalStateException("api-lifecycle.tsv lists " + f[0] + " " + kind + " twice");
          }
          GroupKind gk = GroupKind.ofApiVersion(f[0], kind);
          ALL_KINDS.add(gk);
          if (status == Status.REMOVED) {
            REMOVED_KINDS.add(gk);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ApiLifecycle() {}

  private static int minor(String text) {
    if (text.equals("-")) {
      return -1;
    }
    if (!text.startsWith("1.")) {
      throw new IllegalStateException("api-lifecycle.tsv has a malformed version: " + text);
    }
    return Integer.parseInt(text.substring(2));
  }

  /** The entry for {@code apiVersion} and {@code kind}, or {@code null}. */
  static Entry lookup(String apiVersion, String kind) {
    if (apiVersion == null || kind == null) {
      return null;
    }
    Map<String, Entry> kinds = BY_VERSION.get(apiVersion);
    return kinds == null ? null : kinds.get(kind);
  }

  /** The group-kinds with a removed version. */
  static GroupKind[] removedKinds() {
    return REMOVED_KINDS.toArray(GroupKind[]::new);
  }

  /** The group-kinds of every entry. */
  static GroupKind[] allKinds() {
    return ALL_KINDS.toArray(GroupKind[]::new);
  }

  /** What to do instead, for a message: {@code use apps/v1}. */
  static String advice(Entry e) {
    if (e.replacement() == null) {
      return "no replacement version is planned";
    }
    if (e.kindGone() && e.status() == Status.REMOVED) {
      return e.kind() + " no longer exists, use " + e.replacement();
    }
    return "use " + e.replacement();
  }
}
