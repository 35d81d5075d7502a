/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import dev.kubeward.model.ListNode;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.ScalarNode;
import java.io.Reader;
import java.util.Iterator;
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
 * Builds trees from snakeyaml-engine parser events, with {@link TreeBuilder} doing what is common
 * to every composer (scalars as Kubernetes reads them, aliases, merge keys, duplicate keys,
 * limits). The reference composer: {@link TokenComposer} reads the scanner's tokens instead and
 * falls back to this one for every document it does not accept, so that each failure is reported
 * exactly as this composer reports it. One instance per chunk.
 */
final class YamlComposer {

  /** One document of a chunk: its root (null for an empty document) and where it starts. */
  record Document(Node root, int line, int column) {}

  private final LoadSettings settings;
  private final int lineOffset;
  private final TreeBuilder tree;
  private Iterator<Event> events;
  private StreamReader reader;

  /**
   * A composer for one chunk.
   *
   * @param settings parser settings from {@link #settings(LoadLimits)} for the same limits, shared
   *     by every chunk of a loader
   */
  YamlComposer(LoadSettings settings, LoadLimits limits, int lineOffset, boolean templateHint) {
    this.settings = settings;
    this.lineOffset = lineOffset;
    this.tree = new TreeBuilder(limits, lineOffset, templateHint);
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
    tree.region(text, start, end);
    try {
      reader = start == 0 && end == text.length()
          ? new StreamReader(settings, text)
          : new StreamReader(settings, new Region(text, start, end));
      events = new ParserImpl(settings, reader);
      while (hasNext()) {
        Event event = next();
        if (event.getEventId() == Event.ID.DocumentStart) {
          tree.startDocument();
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
    if (tree.templateNear(line)) {
      return Templates.MESSAGE + " (" + problem + ")";
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

  /** Composes the node that starts with {@code event}; {@code key} if it is a mapping's key. */
  private Node compose(Event event, int depth, boolean key) throws LoadFailure {
    Optional<Mark> mark = event.getStartMark();
    int line = mark.isPresent() ? lineOffset + mark.get().getLine() + 1 : lineOffset + 1;
    int column = mark.isPresent() ? mark.get().getColumn() + 1 : 1;
    switch (event.getEventId()) {
      case Alias:
        return tree.alias(((AliasEvent) event).getAlias().getValue(), line, column);
      case Scalar:
        tree.count(line, column);
        return remember(event, scalar((ScalarEvent) event, line, column, key));
      case MappingStart:
        tree.checkDepth(depth, line, column);
        tree.count(line, column);
        return remember(event, mapping(line, column, depth));
      case SequenceStart:
        tree.checkDepth(depth, line, column);
        tree.count(line, column);
        return remember(event, sequence(line, column, depth));
      default:
        throw new LoadFailure(line, column, "malformed YAML: unexpected " + event.getEventId());
    }
  }

  private Node compose(Event event, int depth) throws LoadFailure {
    return compose(event, depth, false);
  }

  private Node remember(Event event, Node node) {
    if (event instanceof NodeEvent ne && ne.getAnchor().isPresent()) {
      tree.anchor(ne.getAnchor().get().getValue(), node);
    }
    return node;
  }

  private ScalarNode scalar(ScalarEvent event, int line, int column, boolean key) {
    Optional<Mark> mark = event.getStartMark();
    return tree.scalar(event.getValue(), event.getTag().orElse(null), event.getScalarStyle() == ScalarStyle.PLAIN,
        event.getScalarStyle() == ScalarStyle.LITERAL && mark.isPresent(), mark.isPresent() ? mark.get().getIndex() : 0,
        line, column, key);
  }

  private MapNode mapping(int line, int column, int depth) throws LoadFailure {
    TreeBuilder.MapFrame frame = tree.openMapping(depth);
    while (true) {
      Event next = next();
      if (next.getEventId() == Event.ID.MappingEnd) {
        break;
      }
      ScalarNode key = tree.key(compose(next, depth + 1, true));
      tree.entry(frame, key, compose(next(), depth + 1));
    }
    return tree.closeMapping(frame, line, column);
  }

  private ListNode sequence(int line, int column, int depth) throws LoadFailure {
    int base = tree.openSequence();
    while (true) {
      Event next = next();
      if (next.getEventId() == Event.ID.SequenceEnd) {
        break;
      }
      tree.push(compose(next, depth + 1));
    }
    return tree.closeSequence(base, line, column);
  }
}
