/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import dev.kubeward.model.ListNode;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.ScalarNode;
import dev.kubeward.model.Scalars;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a YAML composer does once the structure of a document is known, whichever layer of
 * snakeyaml-engine tells it the structure ({@link YamlComposer} reads parser events,
 * {@link TokenComposer} scanner tokens): resolves scalars as Kubernetes does, expands aliases and
 * merge keys within limits, rejects duplicate keys and counts nodes and depth. One instance per
 * chunk, used by one composer.
 *
 * <p>Merge keys follow YAML (explicit keys win over merged ones, earlier maps of a merge list over
 * later ones) wherever Kubernetes' reader agrees; where it does not (a second {@code <<} in one
 * mapping, or a merge key that supplies a key written before it) the document is unreadable, like
 * one with a duplicate key, so that no reader can see a value the scan did not.
 */
final class TreeBuilder {

  static final String TAG_PREFIX = "tag:yaml.org,2002:";

  /** The state of one mapping being composed; one per depth, reused. */
  static final class MapFrame {
    int base;
    Map<String, Integer> seen;
    List<MapNode> merges;
    ScalarNode mergeKey;
    int explicitBeforeMerge;
  }

  private final LoadLimits limits;
  final int lineOffset;
  private final boolean templateHint;
  private final Map<String, Node> anchors = new HashMap<>();
  private String text;
  /** Entries of the mappings and items of the sequences being composed, innermost last. */
  private Node[] stack = new Node[32];
  private int top;
  private MapFrame[] frames = new MapFrame[8];
  private int nodes;
  private int regionStart;
  private int regionEnd;
  private int codePointCursor;
  private int charCursor;
  private boolean oneCharPerCodePoint;
  private int aliasNodes;

  TreeBuilder(LoadLimits limits, int lineOffset, boolean templateHint) {
    this.limits = limits;
    this.lineOffset = lineOffset;
    this.templateHint = templateHint;
  }

  /** Starts on the region {@code text[start, end)}. */
  void region(String text, int start, int end) {
    region(text, start, end, false);
  }

  /**
   * Starts on the region {@code text[start, end)}; {@code oneCharPerCodePoint} if it is known to
   * hold no surrogate pair (ASCII text), so that a code point index is a char index.
   */
  void region(String text, int start, int end, boolean oneCharPerCodePoint) {
    this.text = text;
    this.regionStart = start;
    this.regionEnd = end;
    this.oneCharPerCodePoint = oneCharPerCodePoint;
    this.codePointCursor = 0;
    this.charCursor = start;
  }

  /** Forgets the anchors and counts of the document before. */
  void startDocument() {
    anchors.clear();
    nodes = 0;
    aliasNodes = 0;
  }

  /** True if {@code line} or the line before it holds {@code {{}. */
  boolean templateNear(int line) {
    if (!templateHint) {
      return false;
    }
    int target = line - lineOffset - 1;
    int current = 0;
    int start = 0;
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      boolean end = i == n || text.charAt(i) == '\n' || (text.charAt(i) == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'));
      if (end) {
        if (current >= target - 1 && current <= target && text.substring(start, i).contains("{{")) {
          return true;
        }
        if (current >= target) {
          return false;
        }
        current++;
        start = i + 1;
      }
    }
    return false;
  }

  void count(int line, int column) throws LoadFailure {
    if (++nodes > limits.maxNodes()) {
      throw new LoadFailure(line, column, "document has more than " + limits.maxNodes() + " nodes");
    }
  }

  void checkDepth(int depth, int line, int column) throws LoadFailure {
    if (depth > limits.maxDepth()) {
      throw new LoadFailure(line, column, "nesting deeper than the limit of " + limits.maxDepth());
    }
  }

  /** Records {@code node} under the anchor {@code name}, replacing an earlier one of that name. */
  void anchor(String name, Node node) {
    anchors.put(name, node);
  }

  /**
   * A scalar: {@code tag} is the resolved tag or null, {@code plain} and {@code literal} its style,
   * {@code markIndex} the code point index in the region where the node starts (its properties
   * included), used to find the content column of a literal block scalar.
   */
  ScalarNode scalar(String raw, String tag, boolean plain, boolean literal, int markIndex, int line, int column, boolean key) {
    String value = raw;
    if (key) {
      String known = KnownKeys.known(raw);
      if (known != null) {
        if (plain && tag == null) {
          return ScalarNode.ofString(line, column, known, true); // what resolvePlain makes of every known key
        }
        value = known;
      }
    }
    if (tag != null && tag.startsWith(TAG_PREFIX)) {
      String t = tag.substring(TAG_PREFIX.length());
      if (t.equals("str") || t.equals("binary")) {
        return ScalarNode.ofString(line, column, value, false);
      }
      return Scalars.resolvePlain(line, column, value);
    }
    if (plain && (tag == null || !tag.equals("!"))) {
      return Scalars.resolvePlain(line, column, value);
    }
    if (literal) {
      return ScalarNode.ofLiteral(line, column, value, literalContentColumn(markIndex));
    }
    return ScalarNode.ofString(line, column, value, false);
  }

  /** The char index in {@code text} of code point {@code index} of the region, scanning forward from the last one. */
  private int charIndex(int index) {
    if (oneCharPerCodePoint) {
      return regionStart + Math.min(index, regionEnd - regionStart);
    }
    if (index < codePointCursor) {
      codePointCursor = 0;
      charCursor = regionStart;
    }
    while (codePointCursor < index && charCursor < regionEnd) {
      charCursor += Character.charCount(text.codePointAt(charCursor));
      codePointCursor++;
    }
    return charCursor;
  }

  /**
   * The 1-based column of the content of the literal block scalar whose node starts at code point
   * {@code index}: the indentation of its first non-blank line, plus one. 0 when that cannot be
   * told for sure (an explicit indentation indicator, no content, the indicator not at the start
   * of the node).
   */
  private int literalContentColumn(int index) {
    int at = charIndex(index);
    if (at >= regionEnd || text.charAt(at) != '|') {
      return 0;
    }
    int i = at + 1;
    while (i < regionEnd && " #\r\n".indexOf(text.charAt(i)) < 0) {
      if (Character.isDigit(text.charAt(i))) {
        return 0; // an explicit indentation indicator: relative to the parent's indentation
      }
      i++;
    }
    int eol = text.indexOf('\n', at);
    for (int lineStart = eol + 1; eol >= 0 && lineStart < regionEnd; lineStart = eol + 1) {
      int c = lineStart;
      while (c < regionEnd && text.charAt(c) == ' ') {
        c++;
      }
      if (c < regionEnd && text.charAt(c) != '\n' && text.charAt(c) != '\r') {
        return c - lineStart + 1;
      }
      eol = text.indexOf('\n', c);
    }
    return 0;
  }

  // Entries go on the shared stack as key, value pairs from a frame's base; nested nodes use the
  // stack above them and are done before the mapping's next entry goes on, so no per-mapping lists.

  /** Opens a mapping at {@code depth}; its entries go on until {@link #closeMapping}. */
  MapFrame openMapping(int depth) {
    if (depth >= frames.length) {
      frames = Arrays.copyOf(frames, Math.max(frames.length * 2, depth + 1));
    }
    MapFrame frame = frames[depth];
    if (frame == null) {
      frame = new MapFrame();
      frames[depth] = frame;
    }
    frame.base = top;
    frame.seen = null;
    frame.merges = null;
    frame.mergeKey = null;
    frame.explicitBeforeMerge = 0;
    return frame;
  }

  /** The key node of a mapping entry as Kubernetes reads it, checked before its value is read. */
  ScalarNode key(Node keyNode) throws LoadFailure {
    if (!keyNode.isScalar()) {
      if (templateNear(keyNode.line())) {
        throw new LoadFailure(keyNode.line(), keyNode.column(), Templates.MESSAGE);
      }
      throw new LoadFailure(keyNode.line(), keyNode.column(), "a mapping key must be a scalar");
    }
    return jsonKey((ScalarNode) keyNode);
  }

  /** Adds an entry to the mapping of {@code frame}: a merge, or a key that must be new. */
  void entry(MapFrame frame, ScalarNode key, Node value) throws LoadFailure {
    if (key.isPlain() && "<<".equals(key.rawText()) && key.type() == ScalarNode.Type.STRING) {
      if (frame.mergeKey != null) {
        throw new LoadFailure(key.line(), key.column(), "duplicate key '<<' (first at " + frame.mergeKey.line() + ":"
            + frame.mergeKey.column() + ")");
      }
      frame.mergeKey = key;
      frame.explicitBeforeMerge = top;
      frame.merges = new ArrayList<>();
      addMerges(frame.merges, value, key);
      return;
    }
    String text = key.rawText();
    int first = indexOfKey(frame.base, frame.seen, text);
    if (first >= 0) {
      ScalarNode firstKey = (ScalarNode) stack[first];
      throw new LoadFailure(key.line(), key.column(), "duplicate key '" + Messages.key(text)
          + "' (first at " + firstKey.line() + ":" + firstKey.column() + ")");
    }
    frame.seen = push(frame.base, frame.seen, key, value);
  }

  /** The mapping of {@code frame}, its merges applied. */
  MapNode closeMapping(MapFrame frame, int line, int column) throws LoadFailure {
    int base = frame.base;
    Map<String, Integer> seen = frame.seen;
    if (frame.merges != null) {
      for (MapNode merged : frame.merges) {
        for (int i = 0; i < merged.size(); i++) {
          int explicit = indexOfKey(base, seen, merged.key(i));
          if (explicit < 0) {
            seen = push(base, seen, merged.keyNode(i), merged.value(i));
          } else if (explicit < frame.explicitBeforeMerge) {
            throw mergeAfterKey(frame.mergeKey, (ScalarNode) stack[explicit], merged.keyNode(i));
          }
        }
      }
    }
    int size = (top - base) / 2;
    ScalarNode[] keys = new ScalarNode[size];
    Node[] values = new Node[size];
    for (int i = 0; i < size; i++) {
      keys[i] = (ScalarNode) stack[base + 2 * i];
      values[i] = stack[base + 2 * i + 1];
    }
    pop(base);
    frame.seen = null;
    frame.merges = null;
    frame.mergeKey = null;
    return MapNode.of(line, column, keys, values);
  }

  /** Mappings up to this many keys find duplicates by scanning; larger ones index their keys. */
  private static final int SCAN_KEYS = 16;

  /** Stack index of the key {@code text} of the mapping that starts at {@code base}, or -1. */
  private int indexOfKey(int base, Map<String, Integer> seen, String text) {
    if (seen != null) {
      Integer at = seen.get(text);
      return at == null ? -1 : at;
    }
    for (int i = base; i < top; i += 2) {
      if (((ScalarNode) stack[i]).rawText().equals(text)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Pushes one entry of the mapping that starts at {@code base}; returns the index of its keys
   * (null while the mapping is small enough to scan).
   */
  private Map<String, Integer> push(int base, Map<String, Integer> seen, ScalarNode key, Node value) {
    push(key);
    push(value);
    if (seen != null) {
      seen.put(key.rawText(), top - 2);
      return seen;
    }
    if ((top - base) / 2 > SCAN_KEYS) {
      Map<String, Integer> index = new HashMap<>();
      for (int i = base; i < top; i += 2) {
        index.put(((ScalarNode) stack[i]).rawText(), i);
      }
      return index;
    }
    return null;
  }

  /** Opens a sequence: its items go on with {@link #push(Node)} until {@link #closeSequence}. */
  int openSequence() {
    return top;
  }

  void push(Node node) {
    if (top == stack.length) {
      stack = Arrays.copyOf(stack, stack.length * 2);
    }
    stack[top++] = node;
  }

  ListNode closeSequence(int base, int line, int column) {
    Node[] items = Arrays.copyOfRange(stack, base, top, Node[].class);
    pop(base);
    return ListNode.of(line, column, items);
  }

  /** Drops everything from {@code base} up, clearing the references. */
  private void pop(int base) {
    Arrays.fill(stack, base, top, null);
    top = base;
  }

  /**
   * The key as Kubernetes sees it after its YAML-to-JSON conversion: a plain boolean key is
   * {@code "true"} or {@code "false"}, a plain integer key is its decimal value; a null key makes
   * the document unreadable.
   */
  private static ScalarNode jsonKey(ScalarNode key) throws LoadFailure {
    switch (key.type()) {
      case NULL:
        throw new LoadFailure(key.line(), key.column(), "a mapping key must not be null");
      case BOOLEAN:
        return ScalarNode.ofString(key.line(), key.column(), key.isTrue() ? "true" : "false", true);
      case INTEGER:
        String text = key.rawText();
        long value = Scalars.parseLong(text, Long.MIN_VALUE);
        return value == Long.MIN_VALUE || Long.toString(value).equals(text)
            ? key
            : ScalarNode.ofString(key.line(), key.column(), Long.toString(value), true);
      default:
        return key;
    }
  }

  /**
   * A key written before a merge key that supplies it too: YAML keeps the explicit value, but
   * Kubernetes' YAML reader (go-yaml v2) applies entries in order, so the merged value would win.
   * Rather than pick one, the document is unreadable.
   */
  private static LoadFailure mergeAfterKey(ScalarNode mergeKey, ScalarNode explicit, ScalarNode merged) {
    return new LoadFailure(mergeKey.line(), mergeKey.column(), "merge key (<<) sets '" + Messages.key(explicit.rawText())
        + "' again (merged from " + merged.line() + ":" + merged.column() + ", first at " + explicit.line() + ":"
        + explicit.column() + "); YAML and Kubernetes disagree on which value wins, so put the merge key first");
  }

  private static void addMerges(List<MapNode> merges, Node value, ScalarNode key) throws LoadFailure {
    if (value.isMap()) {
      merges.add(value.asMap());
      return;
    }
    if (value.isList()) {
      for (int i = 0; i < value.size(); i++) {
        if (!value.get(i).isMap()) {
          throw new LoadFailure(value.get(i).line(), value.get(i).column(),
              "a merge key (<<) list may hold only mappings");
        }
        merges.add(value.get(i).asMap());
      }
      return;
    }
    throw new LoadFailure(key.line(), key.column(), "a merge key (<<) needs a mapping or a list of mappings");
  }

  /** The node an alias named {@code name} at {@code line:column} stands for, copied. */
  Node alias(String name, int line, int column) throws LoadFailure {
    Node target = anchors.get(name);
    if (target == null) {
      // The name is not quoted: an unquoted value that starts with '*' (a password...) reads as an alias.
      throw new LoadFailure(line, column, "alias refers to no earlier anchor");
    }
    return copy(target, line, column, true);
  }

  /**
   * A deep copy, so that every use of an alias is its own node with its own JSON path. The copy
   * of the anchored node itself is placed at the alias ({@code top}); what it holds keeps the
   * positions where it is written.
   */
  private Node copy(Node node, int line, int column, boolean top) throws LoadFailure {
    if (++aliasNodes > limits.maxAliasNodes()) {
      throw new LoadFailure(line, column, "aliases expand to more than " + limits.maxAliasNodes()
          + " nodes (alias bomb?)");
    }
    count(line, column);
    int l = top ? line : node.line();
    int c = top ? column : node.column();
    if (node instanceof ScalarNode s) {
      switch (s.type()) {
        case BOOLEAN:
          return ScalarNode.ofBoolean(l, c, s.rawText(), s.isTrue());
        case INTEGER:
        case FLOAT:
          return ScalarNode.ofNumber(l, c, s.rawText(), s.type() == ScalarNode.Type.INTEGER);
        case NULL:
          return ScalarNode.ofNull(l, c, s.rawText());
        default:
          return ScalarNode.ofString(l, c, s.rawText(), s.isPlain());
      }
    }
    if (node instanceof MapNode m) {
      ScalarNode[] keys = new ScalarNode[m.size()];
      Node[] values = new Node[m.size()];
      for (int i = 0; i < m.size(); i++) {
        keys[i] = m.keyNode(i).copy();
        values[i] = copy(m.value(i), line, column, false);
      }
      return MapNode.of(l, c, keys, values);
    }
    if (node instanceof ListNode list) {
      Node[] items = new Node[list.size()];
      for (int i = 0; i < list.size(); i++) {
        items[i] = copy(list.get(i), line, column, false);
      }
      return ListNode.of(l, c, items);
    }
    return node;
  }
}
