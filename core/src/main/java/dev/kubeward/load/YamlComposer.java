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
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Builds trees from snakeyaml-engine events, resolving scalars as Kubernetes does, expanding
 * aliases and merge keys within limits, and rejecting duplicate keys. One instance per chunk.
 *
 * <p>Merge keys follow YAML (explicit keys win over merged ones, earlier maps of a merge list over
 * later ones) wherever Kubernetes' reader agrees; where it does not (a second {@code <<} in one
 * mapping, or a merge key that supplies a key written before it) the document is unreadable, like
 * one with a duplicate key, so that no reader can see a value the scan did not.
 */
final class YamlComposer {

  private static final String TAG_PREFIX = "tag:yaml.org,2002:";

  /** One document of a chunk: its root (null for an empty document) and where it starts. */
  record Document(Node root, int line, int column) {}

  private final LoadSettings settings;
  private final LoadLimits limits;
  private final int lineOffset;
  private final boolean templateHint;
  private String text;
  private final Map<String, Node> anchors = new HashMap<>();
  private Iterator<Event> events;
  private StreamReader reader;
  /** Entries of the mappings and items of the sequences being composed, innermost last. */
  private Node[] stack = new Node[32];
  private int top;
  private int nodes;
  private int regionStart;
  private int regionEnd;
  private int codePointCursor;
  private int charCursor;
  private int aliasNodes;

  /**
   * A composer for one chunk.
   *
   * @param settings parser settings from {@link #settings(LoadLimits)} for the same limits, shared
   *     by every chunk of a loader
   */
  YamlComposer(LoadSettings settings, LoadLimits limits, int lineOffset, boolean templateHint) {
    this.settings = settings;
    this.limits = limits;
    this.lineOffset = lineOffset;
    this.templateHint = templateHint;
  }

  /**
   * The snakeyaml-engine settings for {@code limits}. Immutable, so one instance serves every chunk
   * (building it anew per chunk costs a scalar resolver and its maps each time).
   */
  static LoadSettings settings(LoadLimits limits) {
    return LoadSettings.builder()
        .setCodePointLimit(Math.max(limits.maxDocumentBytes(), 1024) + 16)
        .setParseComments(false)
        .setUseMarks(true)
        .build();
  }

  /**
   * Composes every document of {@code text}, calling {@code sink} for each; stops at the first
   * failure, after the documents before it were delivered.
   */
  void compose(String text, DocumentSink sink) throws LoadFailure {
    compose(text, 0, text.length(), sink);
  }

  /**
   * Composes every document of {@code text[start, end)}, read in place. With a template hint the
   * region must be the whole of {@code text}, which then serves to find the template of a failure.
   */
  void compose(String text, int start, int end, DocumentSink sink) throws LoadFailure {
    this.text = text;
    this.regionStart = start;
    this.regionEnd = end;
    this.codePointCursor = 0;
    this.charCursor = start;
    try {
      reader = start == 0 && end == text.length()
          ? new StreamReader(settings, text)
          : new StreamReader(settings, new Region(text, start, end));
      events = new ParserImpl(settings, reader);
      while (hasNext()) {
        Event event = next();
        if (event.getEventId() == Event.ID.DocumentStart) {
          anchors.clear();
          nodes = 0;
          aliasNodes = 0;
          Event first = next();
          Node root = compose(first, 1);
          expect(Event.ID.DocumentEnd);
          int[] pos = position(first);
          sink.accept(new Document(root.isNull() ? null : root, pos[0], pos[1]));
        }
      }
    } catch (MarkedYamlEngineException e) {
      Mark mark = e.getProblemMark().orElse(e.getContextMark().orElse(null));
      int line = mark == null ? lineOffset + 1 : lineOffset + mark.getLine() + 1;
      int column = mark == null ? 1 : mark.getColumn() + 1;
      throw new LoadFailure(line, column, malformed(Messages.redact(e.getProblem()), line));
    } catch (YamlEngineException e) {
      throw new LoadFailure(lineOffset + 1, 1, malformed(Messages.redact(e.getMessage()), lineOffset + 1));
    }
  }

  /** The message for YAML that cannot be parsed at {@code line}: a template's fault if one is there. */
  private String malformed(String problem, int line) {
    if (templateNear(line)) {
      return Templates.MESSAGE + " (" + problem + ")";
    }
    return "malformed YAML: " + problem;
  }

  /** True if {@code line} or the line before it holds {@code {{}. */
  private boolean templateNear(int line) {
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

  private boolean hasNext() throws LoadFailure {
    try {
      return events.hasNext();
    } catch (YamlEngineException e) {
      throw e;
    } catch (RuntimeException e) {
      throw parserFailed();
    }
  }

  private Event next() throws LoadFailure {
    try {
      return events.next();
    } catch (YamlEngineException e) {
      throw e;
    } catch (RuntimeException e) {
      throw parserFailed();
    }
  }

  /**
   * The parser threw something other than its own exception (snakeyaml-engine 3.2 throws a
   * {@code NumberFormatException} for a {@code \x} escape cut off by the end of the input): blame
   * where it stopped reading.
   */
  private LoadFailure parserFailed() {
    int line = lineOffset + reader.getLine() + 1;
    return new LoadFailure(line, reader.getColumn() + 1, malformed("unreadable input", line));
  }

  /** Reads part of a string without copying it out first. */
  static final class Region extends Reader {
    private final String text;
    private final int end;
    private int next;

    Region(String text, int start, int end) {
      this.text = text;
      this.next = start;
      this.end = end;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      int n = Math.min(length, end - next);
      if (n <= 0) {
        return length == 0 ? 0 : -1;
      }
      text.getChars(next, next + n, buffer, offset);
      next += n;
      return n;
    }

    @Override
    public void close() {
      // Nothing to release.
    }
  }

  interface DocumentSink {
    void accept(Document document) throws LoadFailure;
  }

  private void expect(Event.ID id) throws LoadFailure {
    Event e = next();
    if (e.getEventId() != id) {
      int[] pos = position(e);
      throw new LoadFailure(pos[0], pos[1], "malformed YAML: expected " + id + " but found " + e.getEventId());
    }
  }

  private int[] position(Event e) {
    Optional<Mark> mark = e.getStartMark();
    if (mark.isEmpty()) {
      return new int[] {lineOffset + 1, 1};
    }
    return new int[] {lineOffset + mark.get().getLine() + 1, mark.get().getColumn() + 1};
  }

  private void count(int line, int column) throws LoadFailure {
    if (++nodes > limits.maxNodes()) {
      throw new LoadFailure(line, column, "document has more than " + limits.maxNodes() + " nodes");
    }
  }

  private Node compose(Event event, int depth) throws LoadFailure {
    return compose(event, depth, false);
  }

  /** Composes the node that starts with {@code event}; {@code key} if it is a mapping's key. */
  private Node compose(Event event, int depth, boolean key) throws LoadFailure {
    Optional<Mark> mark = event.getStartMark();
    int line = mark.isPresent() ? lineOffset + mark.get().getLine() + 1 : lineOffset + 1;
    int column = mark.isPresent() ? mark.get().getColumn() + 1 : 1;
    switch (event.getEventId()) {
      case Alias:
        return alias((AliasEvent) event, line, column);
      case Scalar:
        count(line, column);
        return remember(event, scalar((ScalarEvent) event, line, column, key));
      case MappingStart:
        checkDepth(depth, line, column);
        count(line, column);
        return remember(event, mapping(line, column, depth));
      case SequenceStart:
        checkDepth(depth, line, column);
        count(line, column);
        return remember(event, sequence(line, column, depth));
      default:
        throw new LoadFailure(line, column, "malformed YAML: unexpected " + event.getEventId());
    }
  }

  private void checkDepth(int depth, int line, int column) throws LoadFailure {
    if (depth > limits.maxDepth()) {
      throw new LoadFailure(line, column, "nesting deeper than the limit of " + limits.maxDepth());
    }
  }

  private Node remember(Event event, Node node) {
    if (event instanceof NodeEvent ne && ne.getAnchor().isPresent()) {
      anchors.put(ne.getAnchor().get().getValue(), node);
    }
    return node;
  }

  private ScalarNode scalar(ScalarEvent event, int line, int column, boolean key) throws LoadFailure {
    String value = key ? KnownKeys.canonical(event.getValue()) : event.getValue();
    String tag = event.getTag().orElse(null);
    if (tag != null && tag.startsWith(TAG_PREFIX)) {
      String t = tag.substring(TAG_PREFIX.length());
      if (t.equals("str") || t.equals("binary")) {
        return ScalarNode.ofString(line, column, value, false);
      }
      return Scalars.resolvePlain(line, column, value);
    }
    if (event.getScalarStyle() == ScalarStyle.PLAIN && (tag == null || !tag.equals("!"))) {
      return Scalars.resolvePlain(line, column, value);
    }
    if (event.getScalarStyle() == ScalarStyle.LITERAL && event.getStartMark().isPresent()) {
      return ScalarNode.ofLiteral(line, column, value, literalContentColumn(event.getStartMark().get()));
    }
    return ScalarNode.ofString(line, column, value, false);
  }

  /** The char index in {@code text} of code point {@code index} of the region, scanning forward from the last one. */
  private int charIndex(int index) {
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
   * The 1-based column of the content of the literal block scalar whose indicator is at {@code mark}:
   * the indentation of its first non-blank line, plus one. 0 when that cannot be told for sure (an
   * explicit indentation indicator, no content, the indicator not where the mark says).
   */
  private int literalContentColumn(Mark mark) {
    int at = charIndex(mark.getIndex());
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

  private MapNode mapping(int line, int column, int depth) throws LoadFailure {
    // Entries go on the shared stack as key, value pairs from base; nested nodes use the stack
    // above them and are done before this mapping's next entry goes on, so no per-mapping lists.
    int base = top;
    Map<String, Integer> seen = null;
    List<MapNode> merges = null;
    ScalarNode mergeKey = null;
    int explicitBeforeMerge = 0;
    while (true) {
      Event next = next();
      if (next.getEventId() == Event.ID.MappingEnd) {
        break;
      }
      Node keyNode = compose(next, depth + 1, true);
      if (!keyNode.isScalar()) {
        if (templateNear(keyNode.line())) {
          throw new LoadFailure(keyNode.line(), keyNode.column(), Templates.MESSAGE);
        }
        throw new LoadFailure(keyNode.line(), keyNode.column(), "a mapping key must be a scalar");
      }
      ScalarNode key = jsonKey((ScalarNode) keyNode);
      Node value = compose(next(), depth + 1);
      if (key.isPlain() && "<<".equals(key.rawText()) && key.type() == ScalarNode.Type.STRING) {
        if (mergeKey != null) {
          throw new LoadFailure(key.line(), key.column(), "duplicate key '<<' (first at " + mergeKey.line() + ":"
              + mergeKey.column() + ")");
        }
        mergeKey = key;
        explicitBeforeMerge = top;
        merges = new ArrayList<>();
        addMerges(merges, value, key);
        continue;
      }
      String text = key.rawText();
      int first = indexOfKey(base, seen, text);
      if (first >= 0) {
        ScalarNode firstKey = (ScalarNode) stack[first];
        throw new LoadFailure(key.line(), key.column(), "duplicate key '" + Messages.key(text)
            + "' (first at " + firstKey.line() + ":" + firstKey.column() + ")");
      }
      seen = push(base, seen, key, value);
    }
    if (merges != null) {
      for (MapNode merged : merges) {
        for (int i = 0; i < merged.size(); i++) {
          int explicit = indexOfKey(base, seen, merged.key(i));
          if (explicit < 0) {
            seen = push(base, seen, merged.keyNode(i), merged.value(i));
          } else if (explicit < explicitBeforeMerge) {
            throw mergeAfterKey(mergeKey, (ScalarNode) stack[explicit], merged.keyNode(i));
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

  private void push(Node node) {
    if (top == stack.length) {
      stack = Arrays.copyOf(stack, stack.length * 2);
    }
    stack[top++] = node;
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

  private ListNode sequence(int line, int column, int depth) throws LoadFailure {
    int base = top;
    while (true) {
      Event next = next();
      if (next.getEventId() == Event.ID.SequenceEnd) {
        break;
      }
      push(compose(next, depth + 1));
    }
    Node[] items = Arrays.copyOfRange(stack, base, top, Node[].class);
    pop(base);
    return ListNode.of(line, column, items);
  }

  private Node alias(AliasEvent event, int line, int column) throws LoadFailure {
    String name = event.getAlias().getValue();
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
