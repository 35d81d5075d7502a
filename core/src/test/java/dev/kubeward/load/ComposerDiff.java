/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import dev.kubeward.model.ListNode;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads a text with both YAML composers, chunk by chunk as {@link SourceReader} splits it, and
 * tells where they disagree: the event composer ({@link YamlComposer}) is the reference, the token
 * composer ({@link TokenComposer}) must give the same documents (every node's type, value, style
 * and position, keys in order) and the same failure (line, column, message), and its token path
 * alone must never accept a chunk the reference rejects or read one differently.
 */
final class ComposerDiff {

  static final LoadLimits LIMITS = LoadLimits.DEFAULTS;
  /** Small limits, so that the limit checks are reached by small inputs too. */
  static final LoadLimits SMALL = new LoadLimits(1 << 16, 12, 40, 400);

  /** Chunks read, and chunks the reference reads without failure that the token path left to it. */
  int chunks;
  int readable;
  int notTaken;
  final List<String> notTakenSamples = new ArrayList<>();

  /** Compares both composers on {@code text}; throws an {@link AssertionError} naming the first difference. */
  void check(String name, String text) {
    check(name, text, LIMITS);
    check(name, text, SMALL);
  }

  void check(String name, String text, LoadLimits limits) {
    LoadSettings settings = YamlComposer.settings(limits);
    boolean hint = text.contains("{{");
    boolean ascii = text.chars().allMatch(c -> c < 0x80);
    for (DocumentSplitter.Chunk chunk : DocumentSplitter.split(text)) {
      int start = chunk.start();
      int end = start + chunk.length();
      int offset = chunk.line() - 1;
      chunks++;
      String reference = outcome(sink -> new YamlComposer(settings, limits, offset, hint).compose(text, start, end, sink));
      String tokens = outcome(sink -> new TokenComposer(settings, limits, offset, hint).compose(text, start, end, sink));
      if (!reference.equals(tokens)) {
        throw new AssertionError(name + " at line " + chunk.line() + ", limits " + limits + ": the token composer reads\n"
            + tokens + "\nbut the event composer\n" + reference);
      }
      if (ascii) {
        // The loader tells the composer when a text is ASCII, which spares it the walk over code points.
        String asAscii = outcome(sink -> new TokenComposer(settings, limits, offset, hint).asciiText()
            .compose(text, start, end, sink));
        if (!reference.equals(asAscii)) {
          throw new AssertionError(name + " at line " + chunk.line() + ", limits " + limits
              + ": the token composer told the text is ASCII reads\n" + asAscii + "\nbut the event composer\n" + reference);
        }
      }
      boolean[] taken = {false};
      String alone = outcome(sink -> taken[0] = new TokenComposer(settings, limits, offset, hint)
          .tokensOnly(text, start, end, sink));
      if (taken[0] && !alone.equals(reference)) {
        throw new AssertionError(name + " at line " + chunk.line() + ", limits " + limits
            + ": the token path alone reads\n" + alone + "\nbut the event composer\n" + reference);
      }
      if (reference.endsWith("ok\n")) {
        readable++;
        if (!taken[0]) {
          notTaken++;
          if (notTakenSamples.size() < 20) {
            notTakenSamples.add(name + ":" + chunk.line());
          }
        }
      }
    }
  }

  interface Run {
    void run(YamlComposer.DocumentSink sink) throws LoadFailure;
  }

  /** The documents delivered, then {@code ok} or the failure. */
  static String outcome(Run run) {
    StringBuilder out = new StringBuilder();
    try {
      run.run(document -> {
        out.append("document ").append(document.line()).append(':').append(document.column()).append(' ');
        if (document.root() == null) {
          out.append("empty");
        } else {
          dump(document.root(), out);
        }
        out.append('\n');
      });
      out.append("ok\n");
    } catch (LoadFailure e) {
      out.append("failure ").append(e.line).append(':').append(e.column).append(' ').append(e.getMessage()).append('\n');
    } catch (StackOverflowError e) {
      out.append("stack overflow\n");
    }
    return out.toString();
  }

  static void dump(Node node, StringBuilder out) {
    out.append(node.line()).append(':').append(node.column());
    if (node instanceof ScalarNode s) {
      out.append(" S ").append(s.type()).append(s.isPlain() ? " plain" : "").append(" lit=")
          .append(s.literalContentColumn()).append(" \"").append(s.rawText().replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"');
    } else if (node instanceof MapNode m) {
      out.append(" {");
      for (int i = 0; i < m.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        dump(m.keyNode(i), out);
        out.append(": ");
        dump(m.value(i), out);
      }
      out.append('}');
    } else if (node instanceof ListNode l) {
      out.append(" [");
      for (int i = 0; i < l.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        dump(l.get(i), out);
      }
      out.append(']');
    } else {
      out.append(" ?").append(node);
    }
  }
}
