package dev.kubeward.cli;

import dev.kubeward.engine.Configuration;
import dev.kubeward.engine.Profile;
import dev.kubeward.rule.PssVersion;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for the core's {@code .kubeward.yaml} parser ({@code ConfigurationFile.parse}, same
 * signature), which replaces it: it reads only the top-level scalars {@code profile} and
 * {@code pssVersion}, line by line, and rejects every other key rather than ignore it.
 */
final class ConfigFile {

  private ConfigFile() {}

  /**
   * Parses a configuration file's text.
   *
   * @throws IllegalArgumentException with a {@code name:line:col:} message for anything else
   */
  static Configuration parse(String sourceName, String text) {
    Profile profile = null;
    PssVersion version = null;
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = withoutComment(lines[i]);
      if (line.isBlank() || line.strip().equals("---")) {
        continue;
      }
      int lineNo = i + 1;
      if (Character.isWhitespace(line.charAt(0)) || line.startsWith("-")) {
        throw error(sourceName, lineNo, 1, "expected a top-level key");
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw error(sourceName, lineNo, 1, "expected 'key: value'");
      }
      String key = line.substring(0, colon).strip();
      String after = line.substring(colon + 1);
      String value = unquote(after.strip());
      int valueColumn = colon + 2 + after.length() - after.stripLeading().length();
      if (!key.equals("profile") && !key.equals("pssVersion")) {
        throw error(sourceName, lineNo, 1,
            "configuration key '" + key + "' is not supported by this build (only profile and pssVersion)");
      }
      try {
        if (key.equals("profile")) {
          profile = Profile.of(value);
        } else {
          version = PssVersion.parse(value);
        }
      } catch (IllegalArgumentException e) {
        throw error(sourceName, lineNo, valueColumn, e.getMessage());
      }
    }
    return new Configuration(profile, version, Set.of(), Set.of(), Map.of(), Map.of(), List.of(), List.of());
  }

  private static IllegalArgumentException error(String source, int line, int column, String message) {
    return new IllegalArgumentException(source + ":" + line + ":" + column + ": " + message);
  }

  private static String withoutComment(String line) {
    if (line.stripLeading().startsWith("#")) {
      return "";
    }
    int hash = line.indexOf(" #");
    return hash < 0 ? line : line.substring(0, hash);
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && ((value.startsWith("\"") && value.endsWith("\"")) || (value.startsWith("'") && value.endsWith("'")))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
