/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.fuzz;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.load.LoadError;
import dev.kubeward.load.LoadResult;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What must hold for any input, however broken. A violation throws {@link AssertionError}, which
 * Jazzer reports as a finding (and JUnit as a failure when replaying the corpus).
 */
final class Invariants {

  private Invariants() {}

  /** Checks a load of one source named {@code name}. */
  static void checkLoad(LoadResult result, String name) {
    for (LoadError e : result.errors()) {
      check(e.file().equals(name), "error names another source", e);
      check(e.line() >= 1 && e.column() >= 1, "error without a position", e);
      checkMessage(e.message(), e);
    }
    for (Resource r : result.resources()) {
      check(r.source().name().equals(name), "resource names another source", r);
      check(!r.apiVersion().isBlank() && !r.kind().isBlank(), "resource without apiVersion or kind", r);
      checkPositions(r.root(), r);
    }
  }

  /** Checks a scan report of one source named {@code name}. */
  static void checkScan(ScanReport report, String name) {
    for (LoadError e : report.errors()) {
      check(!e.message().startsWith("rule ") || !e.message().contains(" failed"), "a rule threw", e);
      check(e.file().equals(name), "error names another source", e);
      check(e.line() >= 1 && e.column() >= 1, "error without a position", e);
      checkMessage(e.message(), e);
    }
    for (Finding f : report.findings()) {
      check(f.file().equals(name), "finding names another source", f);
      check(f.line() >= 1 && f.column() >= 1, "finding without a position", f);
      check(f.path().isEmpty() || f.path().startsWith("/"), "finding path is not a JSON Pointer", f);
      checkMessage(f.message(), f);
    }
    for (int i = 1; i < report.findings().size(); i++) {
      check(Finding.ORDER.compare(report.findings().get(i - 1), report.findings().get(i)) <= 0,
          "findings out of order", report.findings().get(i));
    }
  }

  private static void checkMessage(String message, Object what) {
    check(!message.isBlank(), "empty message", what);
    check(message.indexOf('\n') < 0 && message.indexOf('\r') < 0, "message with a line break", what);
    check(!message.endsWith("."), "message ends with a period", what);
  }

  /** Every node of the tree, keys included, has a 1-based position. */
  private static void checkPositions(Node root, Resource owner) {
    Deque<Node> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      check(n.line() >= 1 && n.column() >= 1, "node without a position in " + owner, n);
      if (n instanceof MapNode m) {
        for (int i = 0; i < m.size(); i++) {
          check(m.keyNode(i).line() >= 1 && m.keyNode(i).column() >= 1, "key without a position in " + owner, m.key(i));
          stack.push(m.value(i));
        }
      } else if (n.isList()) {
        for (int i = 0; i < n.size(); i++) {
          stack.push(n.get(i));
        }
      }
    }
  }

  private static void check(boolean condition, String problem, Object what) {
    if (!condition) {
      throw new AssertionError(problem + ": " + what);
    }
  }
}
