/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

/**
 * Hard limits that keep hostile input from exhausting memory or time. A document over a limit is
 * reported as unreadable; the scan goes on.
 *
 * @param maxDocumentBytes largest document (one {@code ---} section or JSON value), in bytes
 * @param maxDepth deepest nesting of maps and lists
 * @param maxAliasNodes most nodes that alias expansion may create in one document
 * @param maxNodes most nodes in one document
 */
public record LoadLimits(int maxDocumentBytes, int maxDepth, int maxAliasNodes, int maxNodes) {

  /** 8 MiB documents, depth 256, 100,000 alias-expanded nodes, 2,000,000 nodes. */
  public static final LoadLimits DEFAULTS = new LoadLimits(8 << 20, 256, 100_000, 2_000_000);

  public LoadLimits {
    if (maxDocumentBytes <= 0) {
      throw new IllegalArgumentException("max document bytes must be positive");
    }
    if (maxDepth <= 0) {
      throw new IllegalArgumentException("max depth must be positive");
    }
    if (maxAliasNodes < 0) {
      throw new IllegalArgumentException("max alias nodes must not be negative");
    }
    if (maxNodes <= 0) {
      throw new IllegalArgumentException("max nodes must be positive");
    }
  }

  public static LoadLimits defaults() {
    return DEFAULTS;
  }

  public LoadLimits withMaxDocumentBytes(int value) {
    return new LoadLimits(value, maxDepth, maxAliasNodes, maxNodes);
  }

  public LoadLimits withMaxDepth(int value) {
    return new LoadLimits(maxDocumentBytes, value, maxAliasNodes, maxNodes);
  }

  public LoadLimits withMaxAliasNodes(int value) {
    return new LoadLimits(maxDocumentBytes, maxDepth, value, maxNodes);
  }

  public LoadLimits withMaxNodes(int value) {
    return new LoadLimits(maxDocumentBytes, maxDepth, maxAliasNodes, value);
  }
}
