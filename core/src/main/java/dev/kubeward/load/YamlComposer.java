package dev.kubeward.load;

import dev.kubeward.model.ListNode;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.ScalarNode;
import dev.kubeward.model.Scalars;
import java.util.ArrayList;
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
 */
final class YamlComposer {

  private static final String TAG_PREFIX = "tag:yaml.org,2002:";

  /** One document of a chunk: its root (null for an empty document) and where it starts. */
  record Document(Node root, int line, int column) {}

  private final LoadLimits limits;
  private final int lineOffset;
  private final boolean templateHint;
  private final Map<String, Node> anchors = new HashMap<>();
  private Iterator<Event> events;
  private StreamReader reader;
  private int nodes;
  private int aliasNodes;

  YamlComposer(LoadLimits limits, int lineOffset, boolean templateHint) {
    this.limits = limits;
    this.lineOffset = lineOffset;
    this.templateHint = templateHint;
  }

  /**
   * Composes every document of {@code text}, calling {@code sink} for each; stops at the first
   * failure, after the documents before it were delivered.
   */
  void compose(String text, DocumentSink sink) throws LoadFailure {
    LoadSettings settings = LoadSettings.builder()
        .setCodePointLimit(Math.max(limits.maxDocumentBytes(), 1024) + 16)
        .setParseComments(false)
        .setUseMarks(true)
        .build();
    try {
      reader = new StreamReader(settings, text);
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
      throw new LoadFailure(line, column, malformed(Messages.redact(e.getProblem())));
    } catch (YamlEngineException e) {
      throw new LoadFailure(lineOffset + 1, 1, malformed(Messages.redact(e.getMessage())));
    }
  }

  private String malformed(String problem) {
    if (templateHint) {
      return "unrendered Helm template ({{ ... }}); render it with 'helm template' first (" + problem + ")";
    }
    return "malformed YAML: " + problem;
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
    return new LoadFailure(lineOffset + reader.getLine() + 1, reader.getColumn() + 1, malformed("unreadable input"));
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
    int[] pos = position(event);
    int line = pos[0];
    int column = pos[1];
    switch (event.getEventId()) {
      case Alias:
        return alias((AliasEvent) event, line, column);
      case Scalar:
        count(line, column);
        return remember(event, scalar((ScalarEvent) event, line, column));
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

  private ScalarNode scalar(ScalarEvent event, int line, int column) throws LoadFailure {
    String value = event.getValue();
    String tag = event.getTag().orElse(null);
    if (tag != null && tag.startsWith(TAG_PREFIX)) {
      String t = tag.substring(TAG_PREFIX.length());
      if (t.equals("str") || t.equals("binary")) {
        return ScalarNode.ofString(line, column, value, false);
      }
      return Scalars.resolvePlain(line, column, value);
    }
    if (event.getScalarStyle() == ScalarStyle.PLAIN && (tag == null || !tag.equals("!"))) {
      if (templateHint && value.contains("{{")) {
        throw new LoadFailure(line, column,
            "unrendered Helm template ({{ ... }}); render it with 'helm template' first");
      }
      return Scalars.resolvePlain(line, column, value);
    }
    return ScalarNode.ofString(line, column, value, false);
  }

  private MapNode mapping(int line, int column, int depth) throws LoadFailure {
    List<ScalarNode> keys = new ArrayList<>();
    List<Node> values = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<MapNode> merges = null;
    while (true) {
      Event next = next();
      if (next.getEventId() == Event.ID.MappingEnd) {
        break;
      }
      Node keyNode = compose(next, depth + 1);
      if (!keyNode.isScalar()) {
        if (templateHint) {
          throw new LoadFailure(keyNode.line(), keyNode.column(),
              "unrendered Helm template ({{ ... }}); render it with 'helm template' first");
        }
        throw new LoadFailure(keyNode.line(), keyNode.column(), "a mapping key must be a scalar");
      }
      ScalarNode key = (ScalarNode) keyNode;
      Node value = compose(next(), depth + 1);
      if (key.isPlain() && "<<".equals(key.rawText()) && key.type() == ScalarNode.Type.STRING) {
        if (merges == null) {
          merges = new ArrayList<>();
        }
        addMerges(merges, value, key);
        continue;
      }
      String text = key.rawText();
      Integer first = seen.putIfAbsent(text, keys.size());
      if (first != null) {
        ScalarNode firstKey = keys.get(first);
        throw new LoadFailure(key.line(), key.column(), "duplicate key '" + Messages.key(text)
            + "' (first at " + firstKey.line() + ":" + firstKey.column() + ")");
      }
      keys.add(key);
      values.add(value);
    }
    if (merges != null) {
      for (MapNode merged : merges) {
        for (int i = 0; i < merged.size(); i++) {
          if (!seen.containsKey(merged.key(i))) {
            seen.put(merged.key(i), keys.size());
            keys.add(merged.keyNode(i));
            values.add(merged.value(i));
          }
        }
      }
    }
    return MapNode.of(line, column, keys.toArray(new ScalarNode[0]), values.toArray(new Node[0]));
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
    List<Node> items = new ArrayList<>();
    while (true) {
      Event next = next();
      if (next.getEventId() == Event.ID.SequenceEnd) {
        break;
      }
      items.add(compose(next, depth + 1));
    }
    return ListNode.of(line, column, items.toArray(new Node[0]));
  }

  private Node alias(AliasEvent event, int line, int column) throws LoadFailure {
    String name = event.getAlias().getValue();
    Node target = anchors.get(name);
    if (target == null) {
      // The name is not quoted: an unquoted value that starts with '*' (a password...) reads as an alias.
      throw new LoadFailure(line, column, "alias refers to no earlier anchor");
    }
    return copy(target, line, column);
  }

  /** A deep copy, so that every use of an alias is its own node with its own JSON path. */
  private Node copy(Node node, int line, int column) throws LoadFailure {
    if (++aliasNodes > limits.maxAliasNodes()) {
      throw new LoadFailure(line, column, "aliases expand to more than " + limits.maxAliasNodes()
          + " nodes (alias bomb?)");
    }
    count(line, column);
    if (node instanceof ScalarNode s) {
      return s.copy();
    }
    if (node instanceof MapNode m) {
      ScalarNode[] keys = new ScalarNode[m.size()];
      Node[] values = new Node[m.size()];
      for (int i = 0; i < m.size(); i++) {
        keys[i] = m.keyNode(i).copy();
        values[i] = copy(m.value(i), line, column);
      }
      return MapNode.of(m.line(), m.column(), keys, values);
    }
    if (node instanceof ListNode l) {
      Node[] items = new Node[l.size()];
      for (int i = 0; i < l.size(); i++) {
        items[i] = copy(l.get(i), line, column);
      }
      return ListNode.of(l.line(), l.column(), items);
    }
    return node;
  }
}
