package dev.kubeward.load;

import java.util.regex.Pattern;

/** Keeps parser messages free of input text: manifests hold Secrets. */
final class Messages {

  private static final Pattern QUOTED = Pattern.compile("'[^']{2,}'|\"[^\"]{2,}\"");
  private static final Pattern SNIPPET = Pattern.compile("\\s*\\n.*", Pattern.DOTALL);

  private Messages() {}

  /** The first line of a parser message with every multi-character quotation removed. */
  static String redact(String message) {
    if (message == null || message.isBlank()) {
      return "unexpected input";
    }
    String firstLine = SNIPPET.matcher(message).replaceFirst("");
    String out = QUOTED.matcher(firstLine).replaceAll("'...'").trim();
    // Parsers name the character they choke on; a control character (CR...) would break the line.
    StringBuilder plain = new StringBuilder(out.length());
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      plain.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    out = plain.toString();
    if (out.endsWith(".")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }

  /** A key for an error message, shortened so that a long key cannot carry a value. */
  static String key(String key) {
    String k = key.length() > 64 ? key.substring(0, 61) + "..." : key;
    StringBuilder sb = new StringBuilder(k.length());
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return sb.toString();
  }
}
