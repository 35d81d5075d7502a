/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import dev.kubeward.model.InlineSuppression;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Placeholders;
import dev.kubeward.model.Resource;
import dev.kubeward.model.Source;
import java.util.List;

/**
 * Where the documents of one source go; numbers them as they come, and marks what they hold: the
 * chart template a document was rendered from, template placeholders, kustomize patches.
 */
final class Documents {
  private final Accumulator acc;
  private final Source source;
  private final ResourceAssembler assembler;
  private int next;
  /** The chart template named by the {@code # Source:} comment of the document being read, or null. */
  String template;
  /**
   * False while the document being read cannot hold a placeholder: its text has none of the
   * characters that every placeholder needs ({@code <}, {@code {{}, {@code ${}) and no backslash
   * that an escape could make one of them with, so its tree need not be walked for one.
   */
  boolean mayHoldPlaceholder = true;
  /** The chart folder beside or above the file, once looked up. */
  private String chart;
  private boolean chartLooked;

  Documents(Accumulator acc, Source source, ResourceAssembler assembler) {
    this.acc = acc;
    this.source = source;
    this.assembler = assembler;
  }

  /** Counts a document that could not be read and records why. */
  void fail(int line, int column, String message) {
    acc.documents++;
    next++;
    if (message.startsWith(Templates.MESSAGE)) {
      message = message + "; " + Templates.advice(chart());
    }
    acc.errors.add(new LoadError(source.name(), line, column, message));
  }

  /** Counts a document that was read and turns it into resources or errors. */
  void accept(Node root) {
    accept(root, List.of());
  }

  /** As {@link #accept(Node)}, for a document with the {@code # kubeward:ignore} comments {@code comments}. */
  void accept(Node root, List<InlineSuppression> comments) {
    acc.documents++;
    int first = acc.resources.size();
    assembler.toResources(acc, source, next++, root, comments);
    if (acc.resources.size() > first) {
      mark(root, first);
    }
  }

  private void mark(Node root, int first) {
    boolean patch = acc.patch != null;
    if (template != null || patch) {
      for (int i = first; i < acc.resources.size(); i++) {
        Resource r = acc.resources.get(i);
        acc.resources.set(i, r.withTemplate(template).asPatch(patch));
      }
    }
    Node placeholder = mayHoldPlaceholder ? firstPlaceholder(root) : null;
    if (placeholder != null) {
      String c = chart();
      acc.partial.add(new PartialDocument(source.name(), placeholder.line(), placeholder.column(),
          PartialDocument.PLACEHOLDERS + (c == null ? ""
              : "; check the rendered chart: helm template . | kubeward scan - (in " + c + ")")));
    }
    if (patch) {
      Resource r = acc.resources.get(first);
      acc.partial.add(new PartialDocument(source.name(), r.line(), r.column(), acc.patch.notice()));
    }
  }

  private String chart() {
    if (!chartLooked) {
      chartLooked = true;
      chart = acc.file == null ? null : Kustomizations.chartOf(acc.file, source.name());
    }
    return chart;
  }

  /** The first string scalar under {@code node} that holds a placeholder, in document order, or null. */
  static Node firstPlaceholder(Node node) {
    if (node instanceof MapNode map) {
      for (int i = 0; i < map.size(); i++) {
        Node found = firstPlaceholder(map.value(i));
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (node instanceof ListNode list) {
      for (int i = 0; i < list.size(); i++) {
        Node found = firstPlaceholder(list.get(i));
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    return Placeholders.holdsPlaceholder(node) ? node : null;
  }
}
