/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import dev.kubeward.model.Node;
import dev.kubeward.model.ScalarNode;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.tokens.AliasToken;
import org.snakeyaml.engine.v2.tokens.AnchorToken;
import org.snakeyaml.engine.v2.tokens.ScalarToken;
import org.snakeyaml.engine.v2.tokens.TagToken;
import org.snakeyaml.engine.v2.tokens.TagTuple;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * Builds trees straight from snakeyaml-engine's scanner tokens, one layer below the parser that
 * {@link YamlComposer} reads: the same grammar as snakeyaml-engine's {@code ParserImpl} (block and
 * flow collections, indentless sequences, explicit keys, properties, document markers), written
 * as a recursive descent that composes as it goes instead of producing events, and
 * {@link TreeBuilder} for everything else. One instance per chunk.
 *
 * <p>It only ever accepts. Anything it does not take (a directive, a tag handle other than
 * {@code !} and {@code !!}, a token where the grammar allows none) and every failure, of the
 * scanner or of the tree (a duplicate key, a limit), sends the chunk to {@link YamlComposer},
 * which reports it exactly as before: the documents already delivered are not delivered again.
 * A failing document is therefore read twice; documents that load, nearly all, once.
 */
final class TokenComposer {

  private final LoadSettings settings;
  private final LoadLimits limits;
  private final int lineOffset;
  private final boolean templateHint;
  private final TreeBuilder tree;
  private ScannerImpl scanner;
  /** The next token, peeked and not yet taken, or null. */
  private Token next;
  /** The id of {@link #next}. */
  private Token.ID nextId;
  /** How many documents went to the sink. */
  private int delivered;
  /** True if the text is known to be ASCII: see {@link #asciiText()}. */
  private boolean ascii;

  /** Thrown where the token path stops; the reason does not matter, the fallback reports it. */
  private static final class NotTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final NotTaken INSTANCE = new NotTaken();

    private NotTaken() {
      super(null, null, false, false);
    }
  }

  /** Carries a failure of the sink itself past the fallback. */
  private static final class SinkFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final LoadFailure failure;

    SinkFailed(LoadFailure failure) {
      super(null, null, false, false);
      this.failure = failure;
    }
  }

  /**
   * A composer for one chunk.
   *
   * @param settings scanner settings from {@link YamlComposer#settings(LoadLimits)} for the same
   *     limits
   */
  TokenComposer(LoadSettings settings, LoadLimits limits, int lineOffset, boolean templateHint) {
    this.settings = settings;
    this.limits = limits;
    this.lineOffset = lineOffset;
    this.templateHint = templateHint;
    this.tree = new TreeBuilder(limits, lineOffset, templateHint);
  }

  /**
   * Tells this composer that the text it will read is ASCII, so that positions inside it need no
   * walk over code points; returns this composer.
   */
  TokenComposer asciiText() {
    ascii = true;
    return this;
  }

  /** As {@link YamlComposer#compose(String, YamlComposer.DocumentSink)}. */
  void compose(String text, YamlComposer.DocumentSink sink) throws LoadFailure {
    compose(text, 0, text.length(), sink);
  }

  /** As {@link YamlComposer#compose(String, int, int, YamlComposer.DocumentSink)}, with the same results. */
  void compose(String text, int start, int end, YamlComposer.DocumentSink sink) throws LoadFailure {
    if (tokensOnly(text, start, end, sink)) {
      return;
    }
    // The reference composer reads the chunk again and reports what it finds.
    int skip = delivered;
    int[] seen = {0};
    new YamlComposer(settings, limits, lineOffset, templateHint).compose(text, start, end, document -> {
      if (seen[0]++ >= skip) {
        sink.accept(document);
      }
    });
  }

  /**
   * Composes the chunk from tokens alone: true if every document of it was delivered, false if
   * the token path stopped (after delivering the documents before the one it stopped in). A
   * failure of the sink itself is thrown.
   */
  boolean tokensOnly(String text, int start, int end, YamlComposer.DocumentSink sink) throws LoadFailure {
    delivered = 0;
    try {
      composeTokens(text, start, end, sink);
      return true;
    } catch (SinkFailed e) {
      throw e.failure;
    } catch (LoadFailure | RuntimeException | StackOverflowError e) {
      return false;
    } finally {
      scanner = null;
      next = null;
    }
  }

  /**
   * Composes the chunk from tokens only, as the reference composer would. Throws for anything it
   * does not take.
   */
  private void composeTokens(String text, int start, int end, YamlComposer.DocumentSink sink) throws LoadFailure {
    tree.region(text, start, end, ascii);
    StreamReader reader = start == 0 && end == text.length()
        ? new StreamReader(settings, text)
        : new StreamReader(settings, new YamlComposer.Region(text, start, end));
    scanner = new ScannerImpl(settings, reader);
    scanner.next(); // StreamStart, there from the start, as the parser takes it
    Token.ID id = peekId();
    if (id != Token.ID.Directive && id != Token.ID.DocumentStart && id != Token.ID.StreamEnd) {
      // An implicit document: a block node, with no room for an empty one.
      document(sink, false);
    }
    while (true) {
      while (peekId() == Token.ID.DocumentEnd) {
        take();
      }
      id = peekId();
      if (id == Token.ID.StreamEnd) {
        take();
        return;
      }
      scanner.resetDocumentIndex();
      if (id != Token.ID.DocumentStart) {
        throw NotTaken.INSTANCE; // a directive, which the reference composer reads, or an error
      }
      take();
      document(sink, true);
    }
  }

  /** One document, after its {@code ---} if {@code explicit}, and the {@code ...} that may end it. */
  private void document(YamlComposer.DocumentSink sink, boolean explicit) throws LoadFailure {
    tree.startDocument();
    Token first = peek();
    Node root;
    Token.ID id = nextId;
    if (explicit && (id == Token.ID.Directive || id == Token.ID.DocumentStart || id == Token.ID.DocumentEnd
        || id == Token.ID.StreamEnd)) {
      Mark mark = mark(first.getStartMark());
      root = empty(mark, 1, false);
    } else {
      root = node(true, false, 1, false);
    }
    id = peekId();
    if (id == Token.ID.DocumentEnd) {
      take();
    } else if (id == Token.ID.Directive) {
      throw NotTaken.INSTANCE;
    }
    // The document starts where its root does (that of an empty one at the token after "---").
    Start at = position;
    try {
      sink.accept(new YamlComposer.Document(root.isNull() ? null : root, at.line, at.column));
    } catch (LoadFailure e) {
      throw new SinkFailed(e);
    }
    delivered++;
  }

  /** Where the root of the current document starts. */
  private final Start position = new Start();

  private static final class Start {
    int line;
    int column;
  }

  private Token peek() {
    Token t = next;
    if (t == null) {
      t = scanner.peekToken();
      next = t;
      nextId = t.getTokenId();
    }
    return t;
  }

  /**
   * The id of the next token: kept with it, since asking a token for its id is a call that the
   * compiler cannot inline (every kind of token answers it in its own class).
   */
  private Token.ID peekId() {
    if (next == null) {
      peek();
    }
    return nextId;
  }

  /** Takes the token that {@link #peek()} returned (the scanner hands out only peeked tokens). */
  private Token take() {
    next = null;
    return scanner.next();
  }

  private static Mark mark(Optional<Mark> mark) {
    if (mark.isEmpty()) {
      throw NotTaken.INSTANCE;
    }
    return mark.get();
  }

  private int line(Mark mark) {
    return lineOffset + mark.getLine() + 1;
  }

  private static int column(Mark mark) {
    return mark.getColumn() + 1;
  }

  /** The empty plain scalar the parser makes for a missing node at {@code mark}. */
  private Node empty(Mark mark, int depth, boolean key) throws LoadFailure {
    int line = line(mark);
    int column = column(mark);
    if (depth == 1) {
      position.line = line;
      position.column = column;
    }
    tree.count(line, column);
    return tree.scalar("", null, true, false, 0, line, column, key);
  }

  /**
   * A node: {@code block} for a block node, {@code indentless} where a sequence may be written at
   * its parent's indentation (a block mapping's key or value); {@code key} for a mapping's key.
   */
  private Node node(boolean block, boolean indentless, int depth, boolean key) throws LoadFailure {
    Token t = peek();
    Token.ID id = nextId;
    if (id == Token.ID.Alias) {
      take();
      Mark m = mark(t.getStartMark());
      int line = line(m);
      int column = column(m);
      if (depth == 1) {
        position.line = line;
        position.column = column;
      }
      return tree.alias(((AliasToken) t).getValue().getValue(), line, column);
    }
    String anchor = null;
    TagTuple tag = null;
    Mark start = null;
    if (id == Token.ID.Anchor) {
      take();
      start = mark(t.getStartMark());
      anchor = ((AnchorToken) t).getValue().getValue();
      if (peekId() == Token.ID.Tag) {
        tag = ((TagToken) take()).getValue();
      }
    } else if (id == Token.ID.Tag) {
      take();
      start = mark(t.getStartMark());
      tag = ((TagToken) t).getValue();
      if (peekId() == Token.ID.Anchor) {
        anchor = ((AnchorToken) take()).getValue().getValue();
      }
    }
    String resolvedTag = null;
    if (tag != null) {
      Optional<String> handle = tag.getHandle();
      if (handle.isPresent()) {
        String h = handle.get();
        if (h.equals("!!")) {
          resolvedTag = TreeBuilder.TAG_PREFIX + tag.getSuffix();
        } else if (h.equals("!")) {
          resolvedTag = "!" + tag.getSuffix();
        } else {
          throw NotTaken.INSTANCE; // a handle only a %TAG directive defines
        }
      } else {
        resolvedTag = tag.getSuffix();
      }
    }
    t = peek();
    id = nextId;
    if (start == null) {
      start = mark(t.getStartMark());
    }
    int line = line(start);
    int column = column(start);
    if (depth == 1) {
      position.line = line;
      position.column = column;
    }
    Node node;
    if (indentless && id == Token.ID.BlockEntry) {
      tree.checkDepth(depth, line, column);
      tree.count(line, column);
      node = indentlessSequence(line, column, depth);
    } else if (id == Token.ID.Scalar) {
      take();
      ScalarToken s = (ScalarToken) t;
      tree.count(line, column);
      ScalarStyle style = s.getStyle();
      node = tree.scalar(s.getValue(), resolvedTag, style == ScalarStyle.PLAIN, style == ScalarStyle.LITERAL,
          start.getIndex(), line, column, key);
    } else if (id == Token.ID.FlowSequenceStart) {
      tree.checkDepth(depth, line, column);
      tree.count(line, column);
      node = flowSequence(line, column, depth);
    } else if (id == Token.ID.FlowMappingStart) {
      tree.checkDepth(depth, line, column);
      tree.count(line, column);
      node = flowMapping(line, column, depth);
    } else if (block && id == Token.ID.BlockSequenceStart) {
      tree.checkDepth(depth, line, column);
      tree.count(line, column);
      node = blockSequence(line, column, depth);
    } else if (block && id == Token.ID.BlockMappingStart) {
      tree.checkDepth(depth, line, column);
      tree.count(line, column);
      node = blockMapping(line, column, depth);
    } else if (anchor != null || resolvedTag != null) {
      // Empty scalars are allowed after properties.
      tree.count(line, column);
      node = tree.scalar("", resolvedTag, true, false, start.getIndex(), line, column, key);
    } else {
      throw NotTaken.INSTANCE; // "expected the node content"
    }
    if (anchor != null) {
      tree.anchor(anchor, node);
    }
    return node;
  }

  private static boolean is(Token.ID id, Token.ID a, Token.ID b) {
    return id == a || id == b;
  }

  private static boolean is(Token.ID id, Token.ID a, Token.ID b, Token.ID c) {
    return id == a || id == b || id == c;
  }

  private Node blockSequence(int line, int column, int depth) throws LoadFailure {
    take(); // BlockSequenceStart
    int base = tree.openSequence();
    while (true) {
      Token t = peek();
      Token.ID id = nextId;
      if (id == Token.ID.BlockEntry) {
        take();
        if (!is(peekId(), Token.ID.BlockEntry, Token.ID.BlockEnd)) {
          tree.push(node(true, false, depth + 1, false));
        } else {
          tree.push(empty(mark(t.getEndMark()), depth + 1, false));
        }
      } else if (id == Token.ID.BlockEnd) {
        take();
        return tree.closeSequence(base, line, column);
      } else {
        throw NotTaken.INSTANCE; // "expected <block end>"
      }
    }
  }

  private Node indentlessSequence(int line, int column, int depth) throws LoadFailure {
    int base = tree.openSequence();
    while (true) {
      Token t = peek();
      if (nextId != Token.ID.BlockEntry) {
        return tree.closeSequence(base, line, column);
      }
      take();
      Token.ID id = peekId();
      if (!is(id, Token.ID.BlockEntry, Token.ID.Key, Token.ID.Value) && id != Token.ID.BlockEnd) {
        tree.push(node(true, false, depth + 1, false));
      } else {
        tree.push(empty(mark(t.getEndMark()), depth + 1, false));
      }
    }
  }

  private Node blockMapping(int line, int column, int depth) throws LoadFailure {
    take(); // BlockMappingStart
    TreeBuilder.MapFrame frame = tree.openMapping(depth);
    while (true) {
      Token t = peek();
      Token.ID id = nextId;
      if (id == Token.ID.Key) {
        take();
        Node keyNode = is(peekId(), Token.ID.Key, Token.ID.Value, Token.ID.BlockEnd)
            ? empty(mark(t.getEndMark()), depth + 1, true)
            : node(true, true, depth + 1, true);
        ScalarNode key = tree.key(keyNode);
        Node value;
        Token v = peek();
        Token.ID vid = nextId;
        if (vid == Token.ID.Value) {
          take();
          value = is(peekId(), Token.ID.Key, Token.ID.Value, Token.ID.BlockEnd)
              ? empty(mark(v.getEndMark()), depth + 1, false)
              : node(true, true, depth + 1, false);
        } else if (vid == Token.ID.Scalar) {
          value = node(true, true, depth + 1, false);
        } else {
          value = empty(mark(v.getStartMark()), depth + 1, false);
        }
        tree.entry(frame, key, value);
      } else if (id == Token.ID.BlockEnd) {
        take();
        return tree.closeMapping(frame, line, column);
      } else {
        throw NotTaken.INSTANCE; // "expected <block end>"
      }
    }
  }

  private Node flowSequence(int line, int column, int depth) throws LoadFailure {
    take(); // FlowSequenceStart
    int base = tree.openSequence();
    boolean first = true;
    while (true) {
      Token.ID id = peekId();
      if (id != Token.ID.FlowSequenceEnd) {
        if (!first) {
          if (id != Token.ID.FlowEntry) {
            throw NotTaken.INSTANCE; // "expected ',' or ']'"
          }
          take();
          id = peekId();
        }
        first = false;
        if (id == Token.ID.Key) {
          tree.push(pair(depth + 1));
          continue;
        } else if (id != Token.ID.FlowSequenceEnd) {
          tree.push(node(false, false, depth + 1, false));
          continue;
        }
      }
      take(); // FlowSequenceEnd
      return tree.closeSequence(base, line, column);
    }
  }

  /** A single-pair mapping in a flow sequence ({@code [? a : b]}), starting at its key token. */
  private Node pair(int depth) throws LoadFailure {
    Token k = peek();
    Mark start = mark(k.getStartMark());
    int line = line(start);
    int column = column(start);
    tree.checkDepth(depth, line, column);
    tree.count(line, column);
    TreeBuilder.MapFrame frame = tree.openMapping(depth);
    explicitEntry(frame, k, Token.ID.FlowSequenceEnd, depth);
    return tree.closeMapping(frame, line, column);
  }

  /**
   * The entry that the Key token {@code k} (next in the stream) starts inside a flow collection
   * closed by {@code end}: its key, and its value after a Value token; an absent key or value is an
   * empty scalar at the position the parser gives it.
   */
  private void explicitEntry(TreeBuilder.MapFrame frame, Token k, Token.ID end, int depth) throws LoadFailure {
    take(); // Key
    Node keyNode = is(peekId(), Token.ID.Value, Token.ID.FlowEntry, end)
        ? empty(mark(k.getEndMark()), depth + 1, true)
        : node(false, false, depth + 1, true);
    ScalarNode key = tree.key(keyNode);
    Node value;
    Token v = peek();
    if (nextId == Token.ID.Value) {
      take();
      value = is(peekId(), Token.ID.FlowEntry, end)
          ? empty(mark(v.getEndMark()), depth + 1, false)
          : node(false, false, depth + 1, false);
    } else {
      value = empty(mark(v.getStartMark()), depth + 1, false);
    }
    tree.entry(frame, key, value);
  }

  private Node flowMapping(int line, int column, int depth) throws LoadFailure {
    take(); // FlowMappingStart
    TreeBuilder.MapFrame frame = tree.openMapping(depth);
    boolean first = true;
    while (true) {
      Token t = peek();
      Token.ID id = nextId;
      if (id != Token.ID.FlowMappingEnd) {
        if (!first) {
          if (id != Token.ID.FlowEntry) {
            throw NotTaken.INSTANCE; // "expected ',' or '}'"
          }
          take();
          t = peek();
          id = nextId;
        }
        first = false;
        if (id == Token.ID.Key) {
          explicitEntry(frame, t, Token.ID.FlowMappingEnd, depth);
          continue;
        } else if (id != Token.ID.FlowMappingEnd) {
          ScalarNode key = tree.key(node(false, false, depth + 1, true));
          tree.entry(frame, key, empty(mark(peek().getStartMark()), depth + 1, false));
          continue;
        }
      }
      take(); // FlowMappingEnd
      return tree.closeMapping(frame, line, column);
    }
  }
}
