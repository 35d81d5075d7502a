/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to text: byte order marks, strict UTF-8 and UTF-16, NUL bytes, Unicode line breaks, JSON
 * detection, and the line and column of a character. Static helpers, no state.
 */
final class TextDecoding {

  private TextDecoding() {}

  /** Length of a UTF-8 byte order mark at the start of {@code data}: 3, or 0 if there is none. */
  static int utf8BomLength(byte[] data) {
    return startsWith(data, 0xEF, 0xBB, 0xBF) ? 3 : 0;
  }

  /** True if {@code data} starts with a UTF-16 byte order mark (either byte order). */
  static boolean hasUtf16Bom(byte[] data) {
    return startsWith(data, 0xFE, 0xFF) || startsWith(data, 0xFF, 0xFE);
  }

  /** {@code data}, UTF-16 with a byte order mark, as UTF-8 bytes; or null if it is not valid UTF-16. */
  static byte[] utf16ToUtf8(byte[] data) {
    try {
      CharsetDecoder decoder = StandardCharsets.UTF_16.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      return decoder.decode(ByteBuffer.wrap(data)).toString().getBytes(StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * True if {@code data} from {@code offset} is a JSON object: its first significant byte is a
   * brace followed by a key or a closing brace. Comments are not skipped: like kubectl, which reads
   * a stream as JSON only when it starts with a brace, a file that opens with a {@code #} comment
   * is YAML (JSON in YAML flow style still reads as such, comments and all).
   */
  static boolean isJson(byte[] data, int offset) {
    int first = firstSignificant(data, offset);
    return first >= 0 && data[first] == '{' && looksLikeJson(data, first + 1);
  }

  /** After a leading brace: true if the next significant byte opens a JSON key or closes it. */
  private static boolean looksLikeJson(byte[] data, int from) {
    for (int i = from; i < data.length; i++) {
      byte b = data[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return b == '"' || b == '}';
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] data, int... prefix) {
    if (data.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((data[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Index of the first byte that is not whitespace, or -1. */
  private static int firstSignificant(byte[] data, int from) {
    int i = from;
    while (i < data.length) {
      byte b = data[i];
      if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
        i++;
      } else {
        return i;
      }
    }
    return -1;
  }

  /**
   * Decodes strict UTF-8. Manifests are nearly always pure ASCII, which needs no decoder: the
   * bytes are the characters, copied once into the string instead of through a char buffer.
   */
  private static String decodeUtf8(byte[] data, int start, int length) throws CharacterCodingException {
    int end = start + length;
    for (int i = start; i < end; i++) {
      if (data[i] < 0) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(data, start, length)).toString();
      }
    }
    return new String(data, start, length, StandardCharsets.ISO_8859_1);
  }

  /**
   * Decodes {@code length} bytes at {@code start} as UTF-8 text (without NUL characters when
   * {@code rejectNul}), or records an error for the document and returns {@code null}.
   */
  static String decode(Documents doc, byte[] data, int start, int length, int firstLine, boolean rejectNul) {
    String text;
    try {
      text = decodeUtf8(data, start, length);
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(data, start, start + length);
      String prefix = new String(data, start, bad - start, StandardCharsets.UTF_8);
      int[] pos = position(prefix, firstLine, prefix.length());
      doc.fail(pos[0], pos[1], "invalid UTF-8 byte sequence");
      return null;
    }
    int nul = rejectNul ? text.indexOf('\0') : -1;
    if (nul >= 0) {
      int[] pos = position(text, firstLine, nul);
      doc.fail(pos[0], pos[1], "NUL byte in a text file");
      return null;
    }
    return text;
  }

  /**
   * Offset of the first byte that is not part of well-formed UTF-8 (as the JDK decoder judges it:
   * overlong forms, surrogates and code points above U+10FFFF included), or {@code to}.
   */
  private static int firstInvalidUtf8(byte[] data, int from, int to) {
    ByteBuffer in = ByteBuffer.wrap(data, from, to - from);
    CoderResult result = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(in, CharBuffer.allocate(to - from), true);
    return result.isError() ? in.position() : to;
  }

  /**
   * Offset of the first NEL (U+0085), LINE SEPARATOR (U+2028) or PARAGRAPH SEPARATOR (U+2029), or
   * -1. Kubernetes' YAML reader (go-yaml, YAML 1.1) breaks lines at them, snakeyaml-engine (YAML
   * 1.2) does not: a comment ending in one would hide the rest of its line from the scan only.
   */
  static int unicodeLineBreak(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Line and column (1-based; columns count code points, line breaks are LF, CRLF and CR, as in
   * the YAML parser) of character {@code at} of {@code text}, whose first line is {@code firstLine}.
   */
  static int[] position(String text, int firstLine, int at) {
    int line = firstLine;
    int column = 1;
    for (int i = 0; i < at; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        column = 1;
      } else if (c != '\r' && !Character.isLowSurrogate(c)) {
        column++;
      }
    }
    return new int[] {line, column};
  }
}
