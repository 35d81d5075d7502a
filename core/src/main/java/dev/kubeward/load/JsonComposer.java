/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.ScalarNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds trees from a stream of JSON values with jackson-core, one document per root value. */
final class JsonComposer {

  private final LoadLimits limits;
  private final JsonFactory factory;
  private int nodes;
  private int documentLine = 1;
  private int documentColumn = 1;

  JsonComposer(LoadLimits limits) {
    this.limits = limits;
    this.factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth() + 1)
            .maxStringLength(limits.maxDocumentBytes())
            .maxNumberLength(1000)
            .build())
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
  }

  /** Composes every JSON value of {@code text}, calling {@code sink} for each. */
  void compose(String text, YamlComposer.DocumentSink sink) throws LoadFailure {
    JsonLocation start = null;
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        nodes = 0;
        start = parser.currentTokenLocation();
        documentLine = Math.max(1, start.getLineNr());
        documentColumn = Math.max(1, start.getColumnNr());
        long startOffset = start.getCharOffset();
        Node root = value(parser, token, 1);
        long size = utf8Length(text, (int) startOffset, (int) parser.currentLocation().getCharOffset());
        if (size > limits.maxDocumentBytes()) {
          throw new LoadFailure(start.getLineNr(), start.getColumnNr(),
              "document is larger than the limit of " + limits.maxDocumentBytes() + " bytes");
        }
        sink.accept(new YamlComposer.Document(root.isNull() ? null : root, start.getLineNr(), start.getColumnNr()));
      }
    } catch (JsonProcessingException e) {
      // Constraint violations carry no location: blame the document they occur in.
      JsonLocation loc = e.getLocation();
      boolean located = loc != null && loc.getLineNr() > 0;
      int line = located ? loc.getLineNr() : documentLine;
      int column = located ? Math.max(1, loc.getColumnNr()) : documentColumn;
      String problem = Messages.redact(e.getOriginalMessage());
      if (problem.contains("nesting depth")) {
        throw new LoadFailure(line, column, "nesting deeper than the limit of " + limits.maxDepth());
      }
      if (e instanceof StreamConstraintsException) {
        if (problem.startsWith("String value length")) {
          // Strings are limited to the document size: a longer string is a larger document.
          throw new LoadFailure(start != null ? start.getLineNr() : line, start != null ? start.getColumnNr() : column,
              "document is larger than the limit of " + limits.maxDocumentBytes() + " bytes");
        }
        problem = problem.replaceAll(", from `[^`]*`", "");
      }
      if (problem.contains("(CTRL-CHAR, code 0)")) {
        throw new LoadFailure(line, column, "NUL byte in a text file");
      }
      throw new LoadFailure(line, column, "malformed JSON: " + problem);
    } catch (IOException e) {
      throw new LoadFailure(1, 1, "cannot read JSON: " + Messages.redact(e.getMessage()));
    }
  }

  private static long utf8Length(String text, int from, int to) {
    long n = 0;
    for (int i = Math.max(0, from); i < Math.min(to, text.length()); i++) {
      char c = text.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
  }

  private Node value(JsonParser p, JsonToken token, int depth) throws IOException, LoadFailure {
    JsonLocation loc = p.currentTokenLocation();
    int line = loc.getLineNr();
    int column = loc.getColumnNr();
    if (++nodes > limits.maxNodes()) {
      throw new LoadFailure(line, column, "document has more than " + limits.maxNodes() + " nodes");
    }
    switch (token) {
      case START_OBJECT:
        return object(p, line, column, depth);
      case START_ARRAY:
        return array(p, line, column, depth);
      case VALUE_STRING:
        return ScalarNode.ofString(line, column, p.getText(), false);
      case VALUE_NUMBER_INT:
        return ScalarNode.ofNumber(line, column, p.getText(), true);
      case VALUE_NUMBER_FLOAT:
        return ScalarNode.ofNumber(line, column, p.getText(), false);
      case VALUE_TRUE:
        return ScalarNode.ofBoolean(line, column, "true", true);
      case VALUE_FALSE:
        return ScalarNode.ofBoolean(line, column, "false", false);
      case VALUE_NULL:
        return ScalarNode.ofNull(line, column, "null");
      default:
        throw new LoadFailure(line, column, "malformed JSON: unexpected " + token);
    }
  }

  private void checkDepth(int depth, int line, int column) throws LoadFailure {
    if (depth > limits.maxDepth()) {
      throw new LoadFailure(line, column, "nesting deeper than the limit of " + limits.maxDepth());
    }
  }

  private MapNode object(JsonParser p, int line, int column, int depth) throws IOException, LoadFailure {
    checkDepth(depth, line, column);
    List<ScalarNode> keys = new ArrayList<>();
    List<Node> values = new ArrayList<>();
    Map<String, ScalarNode> seen = new HashMap<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      JsonLocation kl = p.currentTokenLocation();
      ScalarNode key = ScalarNode.ofString(kl.getLineNr(), kl.getColumnNr(), p.currentName(), false);
      ScalarNode first = seen.putIfAbsent(key.rawText(), key);
      if (first != null) {
        throw new LoadFailure(key.line(), key.column(), "duplicate key '" + Messages.key(key.rawText())
            + "' (first at " + first.line() + ":" + first.column() + ")");
      }
      keys.add(key);
      values.add(value(p, p.nextToken(), depth + 1));
    }
    return MapNode.of(line, column, keys.toArray(new ScalarNode[0]), values.toArray(new Node[0]));
  }

  private ListNode array(JsonParser p, int line, int column, int depth) throws IOException, LoadFailure {
    checkDepth(depth, line, column);
    List<Node> items = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      items.add(value(p, t, depth + 1));
    }
    return ListNode.of(line, column, items.toArray(new Node[0]));
  }
}
