/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import dev.kubeward.model.InlineSuppression;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.tokens.CommentToken;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * Finds the {@code # kubeward:ignore} comments of a chunk with the YAML scanner, which knows where
 * block scalars and quoted strings are: only real comments count, never text inside a scalar. Only
 * a chunk whose text holds {@link InlineSuppression#MARKER} is scanned, so loading a document
 * without one costs one search. Immutable and thread-safe.
 */
final class InlineComments {

  private final LoadSettings settings;

  InlineComments(LoadLimits limits) {
    this.settings = LoadSettings.builder()
        .setCodePointLimit(Math.max(limits.maxDocumentBytes(), 1024) + 16)
        .setParseComments(true)
        .setUseMarks(true)
        .build();
  }

  /**
   * The suppression comments of each document of the chunk {@code text[start, end)}, which starts
   * at line {@code line}: element {@code i} holds those of the chunk's {@code i}-th document (empty
   * documents included); a comment after the last document belongs to it. Empty if the chunk
   * cannot be scanned (the parser then reports the chunk as unreadable anyway).
   */
  List<List<InlineSuppression>> scan(String text, int start, int end, int line) {
    List<List<InlineSuppression>> documents = new ArrayList<>(1);
    documents.add(new ArrayList<>(1));
    try {
      StreamReader reader = start == 0 && end == text.length()
          ? new StreamReader(settings, text)
          : new StreamReader(settings, new YamlComposer.Region(text, start, end));
      ScannerImpl scanner = new ScannerImpl(settings, reader);
      boolean content = false;
      while (scanner.hasNext()) {
        Token token = scanner.next();
        switch (token.getTokenId()) {
          case Comment -> {
            CommentToken comment = (CommentToken) token;
            if (comment.getCommentType() != CommentType.BLANK_LINE && comment.getValue().contains(InlineSuppression.MARKER)) {
              Mark mark = comment.getStartMark().orElse(null);
              InlineSuppression s = InlineSuppression.parse(comment.getValue(),
                  mark == null ? line : line + mark.getLine(), mark == null ? 1 : mark.getColumn() + 1);
              if (s != null) {
                documents.get(documents.size() - 1).add(s);
              }
            }
          }
          case DocumentEnd -> {
            documents.add(new ArrayList<>(1));
            content = false;
          }
          case DocumentStart -> {
            if (content) {
              documents.add(new ArrayList<>(1));
            }
            content = true;
          }
          case StreamStart, StreamEnd -> { }
          default -> content = true;
        }
      }
    } catch (YamlEngineException e) {
      return List.of();
    }
    return documents;
  }
}
