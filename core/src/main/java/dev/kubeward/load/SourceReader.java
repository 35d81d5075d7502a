/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import dev.kubeward.load.DocumentSplitter.Chunk;
import dev.kubeward.model.InlineSuppression;
import dev.kubeward.model.Source;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads the bytes of one source into documents: decodes them, reads a JSON value as such, splits
 * YAML at {@code ---} lines and parses each document where it lies in the text, within the limits.
 * Immutable and thread-safe.
 */
final class SourceReader {

  private final LoadLimits limits;
  /** Parser settings for {@link #limits}: immutable, built once instead of once per chunk. */
  private final LoadSettings yamlSettings;
  private final ResourceAssembler assembler;
  private final InlineComments comments;
  /** Counts the sources read, or {@code null}. */
  private final java.util.concurrent.atomic.AtomicInteger filesRead;

  LoadLimits limits() {
    return limits;
  }

  SourceReader(LoadLimits limits, ResourceAssembler assembler, java.util.concurrent.atomic.AtomicInteger filesRead) {
    this.filesRead = filesRead;
    this.limits = limits;
    this.yamlSettings = YamlComposer.settings(limits);
    this.assembler = assembler;
    this.comments = new InlineComments(limits);
  }

  /** Reads {@code bytes}, the whole of source {@code name}, into {@code acc}. */
  void read(Accumulator acc, String name, byte[] bytes) {
    if (filesRead != null) {
      filesRead.incrementAndGet();
    }
    int firstResource = acc.resources.size();
    int firstError = acc.errors.size();
    int shapeErrors = acc.shapeErrors;
    readDocuments(acc, name, bytes);
    int errors = acc.errors.size() - firstError;
    if (acc.resources.size() == firstResource && errors > 0 && errors == acc.shapeErrors - shapeErrors) {
      // Every document read and none is a Kubernetes object by its shape (no kind at the top):
      // a values.yaml, a Chart.yaml, a workflow. Skipped, and named as such in every report; a
      // file that mixes objects and other documents keeps its errors.
      acc.errors.subList(firstError, acc.errors.size()).clear();
      acc.shapeErrors = shapeErrors;
      acc.skipped.add(new SkippedFile(name, acc.patch != null ? acc.patch.skipReason() : SkippedFile.NO_OBJECT));
      return;
    }
    assembler.numberUnnamed(acc.resources, firstResource);
  }

  private void readDocuments(Accumulator acc, String name, byte[] bytes) {
    Documents doc = new Documents(acc, acc.argument == null ? Source.of(name) : Source.of(name, acc.argument), assembler);
    byte[] data = bytes;
    int offset = TextDecoding.utf8BomLength(data);
    if (offset == 0 && TextDecoding.hasUtf16Bom(data)) {
      data = TextDecoding.utf16ToUtf8(bytes);
      if (data == null) {
        doc.fail(1, 1, "invalid UTF-16 text");
        return;
      }
    }
    if (TextDecoding.isJson(data, offset)) {
      readJson(doc, data, offset);
      return;
    }
    // Lines break at ASCII characters, so the split works on the bytes as Latin-1 text (one
    // character per byte). Nearly every manifest is pure ASCII without NUL: that text is then the
    // decoded text itself, and each document is parsed where it lies in it, without a copy.
    String ascii = new String(data, offset, data.length - offset, StandardCharsets.US_ASCII);
    boolean plain = ascii.indexOf('\uFFFD') < 0 && ascii.indexOf('\0') < 0;
    int template = plain ? ascii.indexOf("{{") : -1;
    int marker = plain ? ascii.indexOf(InlineSuppression.MARKER) : -1;
    // What a placeholder needs (see Documents.mayHoldPlaceholder), found once per file like the above.
    int angle = plain ? ascii.indexOf('<') : -1;
    int substitution = plain ? ascii.indexOf("${") : -1;
    int escape = plain ? ascii.indexOf('\\') : -1;
    String latin1 = plain ? ascii : new String(data, offset, data.length - offset, StandardCharsets.ISO_8859_1);
    for (Chunk chunk : DocumentSplitter.split(latin1)) {
      if (plain) {
        int start = chunk.start();
        int end = start + chunk.length();
        template = next(ascii, "{{", template, start);
        marker = next(ascii, InlineSuppression.MARKER, marker, start);
        angle = next(ascii, "<", angle, start);
        substitution = next(ascii, "${", substitution, start);
        escape = next(ascii, "\\", escape, start);
        doc.mayHoldPlaceholder = within(template, end) || within(angle, end) || within(substitution, end)
            || within(escape, end);
        readText(doc, ascii, start, end, chunk.line(), within(template, end), within(marker, end), true);
        doc.mayHoldPlaceholder = true;
      } else {
        readChunk(doc, data, offset, chunk);
      }
    }
  }

  /** The first index of {@code s} in {@code text} from {@code from}, given {@code found}, the first before. */
  private static int next(String text, String s, int found, int from) {
    return found >= 0 && found < from ? text.indexOf(s, from) : found;
  }

  /** True if {@code found} is an index before {@code end}. */
  private static boolean within(int found, int end) {
    return found >= 0 && found < end;
  }

  private void readJson(Documents doc, byte[] data, int offset) {
    // The JSON parser rejects a NUL itself, at its position, after the values before it.
    String text = TextDecoding.decode(doc, data, offset, data.length - offset, 1, false);
    if (text == null) {
      return;
    }
    try {
      new JsonComposer(limits).compose(text, document -> {
        // A top-level null is an empty document, as in YAML.
        if (document.root() != null) {
          doc.accept(document.root());
        }
      });
    } catch (LoadFailure failure) {
      doc.fail(failure.line, failure.column, failure.getMessage());
    }
  }

  /** Records the document at {@code line} as unreadable if its {@code length} is over the limit. */
  private boolean tooLarge(Documents doc, int length, int line) {
    if (length <= limits.maxDocumentBytes()) {
      return false;
    }
    doc.fail(line, 1, "document is larger than the limit of " + limits.maxDocumentBytes() + " bytes");
    return true;
  }

  /**
   * Decodes a chunk of a file that is not plain ASCII (its size checked first, so that a huge one
   * is not decoded), then reads it.
   */
  private void readChunk(Documents doc, byte[] data, int offset, Chunk chunk) {
    if (tooLarge(doc, chunk.length(), chunk.line())) {
      return;
    }
    String text = TextDecoding.decode(doc, data, offset + chunk.start(), chunk.length(), chunk.line(), true);
    if (text == null) {
      return;
    }
    int separator = TextDecoding.unicodeLineBreak(text);
    if (separator >= 0) {
      int[] pos = TextDecoding.position(text, chunk.line(), separator);
      doc.fail(pos[0], pos[1], String.format(Locale.ROOT,
          "line break character U+%04X, which Kubernetes (YAML 1.1) reads as a new line and YAML 1.2 does not;"
          + " use a plain line feed", (int) text.charAt(separator)));
      return;
    }
    boolean hint = text.contains("{{");
    doc.mayHoldPlaceholder = hint || text.indexOf('<') >= 0 || text.contains("${") || text.indexOf('\\') >= 0;
    readText(doc, text, 0, text.length(), chunk.line(), hint, text.contains(InlineSuppression.MARKER), false);
    doc.mayHoldPlaceholder = true;
  }

  /** The comment that {@code helm template} writes before each document it renders. */
  private static final String SOURCE = "# Source: ";

  /**
   * The chart template that a {@code # Source: chart/templates/x.yaml} comment among the comment
   * and blank lines that open {@code text[start, end)} names, or null.
   */
  static String sourceComment(String text, int start, int end) {
    int i = start;
    while (i < end) {
      int eol = i;
      while (eol < end && text.charAt(eol) != '\n') {
        eol++;
      }
      int first = i;
      while (first < eol && (text.charAt(first) == ' ' || text.charAt(first) == '\t')) {
        first++;
      }
      if (text.startsWith("---", first) && i == start) {
        first += 3;
        while (first < eol && (text.charAt(first) == ' ' || text.charAt(first) == '\t')) {
          first++;
        }
      }
      if (first < eol && text.charAt(first) != '#' && text.charAt(first) != '\r') {
        return null;
      }
      if (text.startsWith(SOURCE, first)) {
        String name = text.substring(first + SOURCE.length(), eol).strip();
        if (name.isEmpty() || name.length() > 512 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
          return null;
        }
        return name;
      }
      i = eol + 1;
    }
    return null;
  }

  /**
   * Reads the chunk {@code text[start, end)}, which starts at line {@code line}; {@code hint}
   * tells whether it holds {@code {{}, so that a template may be the cause of a failure;
   * {@code suppressions} whether it holds {@code kubeward:ignore}, so that its comments are read;
   * {@code ascii} whether {@code text} is known to be ASCII.
   */
  private void readText(Documents doc, String text, int start, int end, int line, boolean hint, boolean suppressions,
      boolean ascii) {
    if (tooLarge(doc, end - start, line)) {
      return;
    }
    doc.template = sourceComment(text, start, end);
    if (hint) {
      text = text.substring(start, end);
      start = 0;
      end = text.length();
      int template = Templates.lineStartAction(text);
      if (template >= 0) {
        int[] pos = TextDecoding.position(text, line, template);
        doc.fail(pos[0], pos[1], Templates.MESSAGE);
        return;
      }
    }
    List<List<InlineSuppression>> found = suppressions ? comments.scan(text, start, end, line) : List.of();
    int[] ordinal = {0};
    try {
      TokenComposer composer = new TokenComposer(yamlSettings, limits, line - 1, hint);
      (ascii ? composer.asciiText() : composer).compose(text, start, end, document -> {
        int i = ordinal[0]++;
        if (document.root() != null) {
          doc.accept(document.root(), i < found.size() ? found.get(i) : List.of());
        }
      });
    } catch (LoadFailure failure) {
      doc.fail(failure.line, failure.column, failure.getMessage());
    } catch (StackOverflowError e) {
      doc.fail(line, 1, "nesting too deep to read");
    }
  }
}
