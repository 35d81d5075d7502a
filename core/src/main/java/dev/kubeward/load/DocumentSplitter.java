/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a YAML stream into documents at {@code ---} lines, as Kubernetes' own YAML reader does,
 * before anything is parsed, so that a broken document cannot swallow its neighbours. Works on
 * offsets into the text: nothing is copied.
 */
final class DocumentSplitter {

  private DocumentSplitter() {}

  /**
   * A run of lines between {@code ---} separator lines: offsets into the file's text, which has
   * one character per byte when it is split.
   */
  record Chunk(int start, int length, int line) {}

  /**
   * Splits where Kubernetes' YAML reader splits: at lines that start with {@code ---} followed
   * by nothing, whitespace or a comment; such a line belongs to no chunk. A line with content
   * after {@code ---} and a space ({@code --- {kind: Pod}}) starts a chunk and stays in it, so
   * the YAML parser reads it. A chunk of nothing but directives ({@code %YAML 1.1}) and comments
   * is kept together with the document that follows. {@code data} has one character per byte of
   * the file (ASCII, or Latin-1 decoding), so offsets are the same in bytes and in characters.
   */
  static List<Chunk> split(String data) {
    if (data.indexOf("---") < 0) {
      // No separator line anywhere: one chunk, found without walking the lines.
      return data.isEmpty() ? List.of() : List.of(new Chunk(0, data.length(), 1));
    }
    List<Chunk> chunks = new ArrayList<>();
    // Without a carriage return, lines end at line feeds, which indexOf finds many at a time.
    boolean lineFeedsOnly = data.indexOf('\r') < 0;
    int chunkStart = 0;
    int chunkLine = 1;
    boolean content = false;
    boolean directive = false;
    int line = 1;
    int i = 0;
    int n = data.length();
    while (i < n) {
      int lineStart = i;
      int end;
      int next;
      if (lineFeedsOnly) {
        end = data.indexOf('\n', i);
        end = end < 0 ? n : end;
        next = end < n ? end + 1 : n;
      } else {
        end = i;
        while (end < n && data.charAt(end) != '\n' && data.charAt(end) != '\r') {
          end++;
        }
        next = end;
        if (next < n) {
          next += data.charAt(next) == '\r' && next + 1 < n && data.charAt(next + 1) == '\n' ? 2 : 1;
        }
      }
      int separator = separator(data, lineStart, end);
      if (separator != NOT_SEPARATOR && directive && !content) {
        content = true;
      } else if (separator != NOT_SEPARATOR) {
        if (lineStart > chunkStart) {
          chunks.add(new Chunk(chunkStart, lineStart - chunkStart, chunkLine));
        }
        if (separator == BARE_SEPARATOR) {
          chunkStart = next;
          chunkLine = line + 1;
          content = false;
        } else {
          chunkStart = lineStart;
          chunkLine = line;
          content = true;
        }
        directive = false;
      } else if (!content) {
        int first = lineStart;
        while (first < end && (data.charAt(first) == ' ' || data.charAt(first) == '\t')) {
          first++;
        }
        if (first < end && data.charAt(first) != '#') {
          if (first == lineStart && data.charAt(first) == '%') {
            directive = true;
          } else {
            content = true;
          }
        }
      }
      line++;
      i = next;
    }
    if (n > chunkStart) {
      chunks.add(new Chunk(chunkStart, n - chunkStart, chunkLine));
    }
    return chunks;
  }

  private static final int NOT_SEPARATOR = 0;
  private static final int BARE_SEPARATOR = 1;
  private static final int SEPARATOR_WITH_CONTENT = 2;

  private static int separator(String data, int start, int end) {
    if (end - start < 3 || data.charAt(start) != '-' || data.charAt(start + 1) != '-' || data.charAt(start + 2) != '-') {
      return NOT_SEPARATOR;
    }
    int i = start + 3;
    if (i == end || data.charAt(i) == '#') {
      return BARE_SEPARATOR;
    }
    if (data.charAt(i) != ' ' && data.charAt(i) != '\t') {
      return NOT_SEPARATOR;
    }
    while (i < end && (data.charAt(i) == ' ' || data.charAt(i) == '\t')) {
      i++;
    }
    return i == end || data.charAt(i) == '#' ? BARE_SEPARATOR : SEPARATOR_WITH_CONTENT;
  }
}
