/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import dev.kubeward.model.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one YAML document that is not a manifest (a configuration file, a fixture header) into a
 * tree with positions, with the same scalar resolution, merge keys, alias and depth limits and
 * duplicate-key checks as the {@link Loader}.
 */
public final class Yaml {

  private Yaml() {}

  /**
   * The root of the single document in {@code text}, or {@link Node#MISSING} when it holds no
   * document (empty, comments only, or an explicit null).
   *
   * @param sourceName the name used in error messages, usually the file path
   * @throws YamlException with the message {@code sourceName:line:column: problem}
   *     when the text is not valid YAML, has a duplicate key, exceeds the default
   *     {@link LoadLimits} or holds more than one document; the message never quotes values of
   *     the input
   */
  public static Node parseTree(String sourceName, String text) {
    return parseTree(sourceName, text, LoadLimits.DEFAULTS);
  }

  /** As {@link #parseTree(String, String)}, within {@code limits}. */
  public static Node parseTree(String sourceName, String text, LoadLimits limits) {
    List<YamlComposer.Document> documents = new ArrayList<>();
    if (text.length() > limits.maxDocumentBytes()) {
      throw error(sourceName, 1, 1, "document is larger than the limit of " + limits.maxDocumentBytes() + " bytes");
    }
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      int[] pos = TextDecoding.position(text, 1, nul);
      throw error(sourceName, pos[0], pos[1], "NUL byte in a text file");
    }
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    try {
      new TokenComposer(YamlComposer.settings(limits), limits, 0, false).compose(body, document -> {
        if (document.root() != null) {
          documents.add(document);
        }
      });
    } catch (LoadFailure failure) {
      throw error(sourceName, failure.line, failure.column, failure.getMessage());
    } catch (StackOverflowError e) {
      throw error(sourceName, 1, 1, "nesting too deep to read");
    }
    if (documents.isEmpty()) {
      return Node.MISSING;
    }
    if (documents.size() > 1) {
      YamlComposer.Document second = documents.get(1);
      throw error(sourceName, second.line(), second.column(), "expected a single YAML document, found more");
    }
    return documents.get(0).root();
  }

  private static YamlException error(String source, int line, int column, String message) {
    return new YamlException(new LoadError(source, line, column, message));
  }
}
