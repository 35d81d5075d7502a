/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import dev.kubeward.model.InlineSuppression;
import dev.kubeward.model.Node;
import java.util.List;
import dev.kubeward.model.Source;

/** Where the documents of one source go; numbers them as they come. */
final class Documents {
  private final Accumulator acc;
  private final Source source;
  private final ResourceAssembler assembler;
  private int next;

  Documents(Accumulator acc, Source source, ResourceAssembler assembler) {
    this.acc = acc;
    this.source = source;
    this.assembler = assembler;
  }

  /** Counts a document that could not be read and records why. */
  void fail(int line, int column, String message) {
    acc.documents++;
    next++;
    acc.errors.add(new LoadError(source.name(), line, column, message));
  }

  /** Counts a document that was read and turns it into resources or errors. */
  void accept(Node root) {
    accept(root, List.of());
  }

  /** As {@link #accept(Node)}, for a document with the {@code # kubeward:ignore} comments {@code comments}. */
  void accept(Node root, List<InlineSuppression> comments) {
    acc.documents++;
    assembler.toResources(acc, source, next++, root, comments);
  }
}
