/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.kubeward.load.Yaml;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The findings a team has accepted for now, by their stable keys ({@link Finding#key()}: rule,
 * resource identity and a discriminator, never line numbers, so edits elsewhere in a file do not
 * break it). A scan with a baseline ({@link #apply}) reports every finding as before, marks those
 * the baseline holds as {@linkplain Finding#baselined() baselined}, counts only the others for the
 * exit code, and lists the entries that no longer match anything so that the file can shrink.
 * Immutable and thread-safe.
 *
 * <p>The file is JSON, sorted by key, so that it diffs well in review:
 *
 * <pre>{@code
 * {
 *   "schemaVersion": 1,
 *   "findings": [
 *     {"key": "...", "rule": "privileged-container", "resource": "DaemonSet kube-system/cilium",
 *      "message": "..."}
 *   ]
 * }
 * }</pre>
 *
 * Only {@code key} decides; the other fields are there for the reviewer.
 */
public final class Baseline {

  /** The version of the baseline file format. */
  public static final int SCHEMA_VERSION = 1;

  /**
   * One accepted finding.
   *
   * @param key the finding's stable key
   * @param rule the rule id
   * @param resource the resource as reports name it ({@code Kind namespace/name})
   * @param message the finding's message when it was accepted
   */
  public record Entry(String key, String rule, String resource, String message) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * What a baseline did to a report.
   *
   * @param source the baseline file as given
   * @param accepted how many findings it accepted
   * @param unmatched its entries that matched no finding of the scan, in key order
   */
  public record Applied(String source, int accepted, List<Entry> unmatched) {
    public Applied {
      Objects.requireNonNull(source, "source");
      unmatched = List.copyOf(unmatched);
    }
  }

  private final String source;
  private final Map<String, Entry> entries;

  private Baseline(String source, Map<String, Entry> entries) {
    this.source = source;
    this.entries = entries;
  }

  /** The baseline that accepts every finding of {@code report} that is not suppressed. */
  public static Baseline of(ScanReport report) {
    Map<String, Entry> entries = new TreeMap<>();
    for (Finding f : report.findings()) {
      if (!f.suppressed()) {
        entries.put(f.key(), new Entry(f.key(), f.rule(), f.resource().displayName(), f.message()));
      }
    }
    return new Baseline("", entries);
  }

  /**
   * Reads the baseline file at {@code path}.
   *
   * @throws IllegalArgumentException when it cannot be read or is not a baseline, with the file,
   *     line and column
   */
  public static Baseline read(Path path) {
    String name = path.toString();
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(name + ": no such baseline file");
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(name + ": the baseline file is not UTF-8 text");
    } catch (IOException e) {
      throw new IllegalArgumentException(name + ": cannot read the baseline file (" + e.getClass().getSimpleName() + ")");
    }
    return parse(name, text);
  }

  /**
   * Parses baseline {@code text}; {@code sourceName} names it in messages.
   *
   * @throws IllegalArgumentException {@code sourceName:line:column: problem}
   */
  public static Baseline parse(String sourceName, String text) {
    Node root = Yaml.parseTree(sourceName, text);
    if (!root.isMap()) {
      throw error(sourceName, root, "a baseline file is a JSON object with schemaVersion and findings");
    }
    MapNode map = root.asMap();
    Node version = map.get("schemaVersion");
    if (!version.isScalar() || !String.valueOf(SCHEMA_VERSION).equals(version.text())) {
      throw error(sourceName, version.isMissing() ? root : version,
          "schemaVersion must be " + SCHEMA_VERSION + " (a baseline written by kubeward scan --write-baseline)");
    }
    Node findings = map.get("findings");
    if (!findings.isList()) {
      throw error(sourceName, findings.isMissing() ? root : findings, "findings must be a list");
    }
    ListNode list = findings.asList();
    Map<String, Entry> entries = new TreeMap<>();
    for (int i = 0; i < list.size(); i++) {
      Node item = list.get(i);
      if (!item.isMap() || !item.get("key").isScalar() || item.get("key").text("").isBlank()) {
        throw error(sourceName, item, "every entry of findings needs a key");
      }
      String key = item.get("key").text();
      entries.put(key, new Entry(key, item.get("rule").text(""), item.get("resource").text(""),
          item.get("message").text("")));
    }
    return new Baseline(sourceName, entries);
  }

  private static IllegalArgumentException error(String source, Node at, String message) {
    return new IllegalArgumentException(source + ":" + at.line() + ":" + at.column() + ": " + message);
  }

  /** The file this baseline was read from, or {@code ""} for one made from a report. */
  public String source() {
    return source;
  }

  /** The entries, in key order. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** True if the baseline accepts the finding with {@code key}. */
  public boolean contains(String key) {
    return entries.containsKey(key);
  }

  /**
   * {@code report} with the findings this baseline holds marked as baselined (suppressed ones are
   * left as they are) and the entries that matched nothing listed.
   */
  public ScanReport apply(ScanReport report) {
    List<Finding> marked = new ArrayList<>(report.findings().size());
    Set<String> matched = new HashSet<>();
    int accepted = 0;
    for (Finding f : report.findings()) {
      boolean baselined = !f.suppressed() && entries.containsKey(f.key());
      if (baselined) {
        matched.add(f.key());
        accepted++;
      }
      marked.add(f.baselined() == baselined ? f : f.withBaselined(baselined));
    }
    List<Entry> unmatched = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (!matched.contains(e.key())) {
        unmatched.add(e);
      }
    }
    return report.withFindings(marked).withBaseline(new Applied(source, accepted, unmatched));
  }

  /** Writes this baseline as JSON (two-space indentation, a final newline). */
  public void write(Writer out) throws IOException {
    // The layout of the JSON report: two-space indentation, "key": value.
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withArrayEmptySeparator(""))
        .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator g = JsonFactory.builder().build().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(printer);
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeArrayFieldStart("findings");
      for (Entry e : entries.values()) {
        g.writeStartObject();
        g.writeStringField("key", e.key());
        g.writeStringField("rule", e.rule());
        g.writeStringField("resource", e.resource());
        g.writeStringField("message", e.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  /** This baseline as the JSON {@link #write} writes. */
  @Override
  public String toString() {
    StringWriter out = new StringWriter();
    try {
      write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
