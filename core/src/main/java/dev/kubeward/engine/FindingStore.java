/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.RandomAccess;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The findings of a scan in report order, kept compressed: each file's findings are one
 * deflated block, turned back into {@link Finding}s when they are read. A finding kept as an
 * object takes about 450 bytes (message, key, references, related locations); in a block, a few
 * dozen. Reports read findings in order, a block at a time. Immutable once built, and safe to
 * read from several threads.
 */
final class FindingStore extends AbstractList<Finding> implements RandomAccess {

  private static final Severity[] SEVERITIES = Severity.values();
  private static final Topic[] TOPICS = Topic.values();

  private final byte[][] blocks;
  /** The number of findings in each block. */
  private final int[] sizes;
  /** Index of the first finding of each block, and the total at the end. */
  private final int[] starts;
  /** For each block, the {@code #n} suffix of each finding's key (0 for none), or null when none has one. */
  private final int[][] suffixes;
  /** The last block read, for reads by index. */
  private volatile Decoded last;

  private record Decoded(int block, Finding[] findings) {}

  private FindingStore(byte[][] blocks, int[] sizes, int[][] suffixes) {
    this.blocks = blocks;
    this.sizes = sizes;
    this.suffixes = suffixes;
    this.starts = new int[sizes.length + 1];
    for (int i = 0; i < sizes.length; i++) {
      starts[i + 1] = starts[i] + sizes[i];
    }
  }

  @Override
  public int size() {
    return starts[sizes.length];
  }

  @Override
  public Finding get(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException(index);
    }
    int b = Arrays.binarySearch(starts, index);
    if (b < 0) {
      b = -b - 2;
    }
    while (sizes[b] == 0) {
      b++;
    }
    return block(b)[index - starts[b]];
  }

  private Finding[] block(int b) {
    Decoded d = last;
    if (d == null || d.block() != b) {
      d = new Decoded(b, decode(blocks[b], sizes[b], suffixes[b]));
      last = d;
    }
    return d.findings();
  }

  /**
   * Gathers the findings of a scan, a cluster at a time, and builds the store: blocks by file in
   * name order, findings in report order, keys made unique.
   */
  static final class Builder {
    /** The blocks of each file: by cluster name, the findings of that cluster in report order. */
    private final TreeMap<String, TreeMap<String, Block>> files = new TreeMap<>();
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);

    private record Block(byte[] bytes, int size) {}

    /**
     * Adds the findings of cluster {@code cluster}: those of per-resource rules, then those of
     * cross-resource rules (the order that settles ties of the report order).
     */
    void add(String cluster, List<Finding> findings) {
      findings.sort(Finding.ORDER);
      int from = 0;
      while (from < findings.size()) {
        String file = findings.get(from).file();
        int to = from + 1;
        while (to < findings.size() && findings.get(to).file().equals(file)) {
          to++;
        }
        List<Finding> part = findings.subList(from, to);
        TreeMap<String, Block> byCluster = files.computeIfAbsent(file, k -> new TreeMap<>());
        Block known = byCluster.get(cluster);
        if (known != null) {
          // The same file met again in one cluster (given twice): keep the cluster's findings in one block.
          List<Finding> merged = new ArrayList<>(List.of(decode(known.bytes(), known.size(), null)));
          merged.addAll(part);
          merged.sort(Finding.ORDER);
          part = merged;
        }
        byCluster.put(cluster, new Block(encode(part), part.size()));
        from = to;
      }
    }

    /** The store of every finding added, in report order, with keys made unique as {@link FindingKeys#unique} does. */
    FindingStore build() {
      List<byte[]> blocks = new ArrayList<>(files.size());
      int[] sizes = new int[files.size()];
      int[][] suffixes = new int[files.size()][];
      Map<String, Integer> seen = new HashMap<>();
      int b = 0;
      for (Entry<String, TreeMap<String, Block>> file : files.entrySet()) {
        TreeMap<String, Block> byCluster = file.getValue();
        Finding[] findings;
        byte[] bytes;
        if (byCluster.size() == 1) {
          Block only = byCluster.firstEntry().getValue();
          bytes = only.bytes();
          findings = decode(bytes, only.size(), null);
        } else {
          // One file in several clusters (arguments that overlap): ties keep the clusters' name order.
          List<Finding> all = new ArrayList<>();
          for (Block block : byCluster.values()) {
            all.addAll(List.of(decode(block.bytes(), block.size(), null)));
          }
          all.sort(Finding.ORDER);
          findings = all.toArray(new Finding[0]);
          bytes = encode(all);
        }
        file.setValue(null);
        int[] suffix = null;
        for (int i = 0; i < findings.length; i++) {
          int n = seen.merge(findings[i].key(), 1, Integer::sum);
          if (n > 1) {
            if (suffix == null) {
              suffix = new int[findings.length];
            }
            suffix[i] = n;
          }
        }
        blocks.add(bytes);
        sizes[b] = findings.length;
        suffixes[b] = suffix;
        b++;
      }
      deflater.end();
      return new FindingStore(blocks.toArray(new byte[0][]), sizes, suffixes);
    }

    private byte[] encode(List<Finding> findings) {
      ByteArrayOutputStream raw = new ByteArrayOutputStream(256 * findings.size());
      try (DataOutputStream out = new DataOutputStream(raw)) {
        for (Finding f : findings) {
          write(out, f);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      byte[] input = raw.toByteArray();
      deflater.reset();
      deflater.setInput(input);
      deflater.finish();
      ByteArrayOutputStream packed = new ByteArrayOutputStream(input.length / 4 + 16);
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        packed.write(buffer, 0, deflater.deflate(buffer));
      }
      return packed.toByteArray();
    }
  }

  private static void write(DataOutputStream out, Finding f) throws IOException {
    text(out, f.rule());
    out.writeByte(f.severity().ordinal());
    out.writeByte(f.topic().ordinal());
    out.writeInt(f.controls().size());
    for (String control : f.controls()) {
      text(out, control);
    }
    text(out, f.message());
    ref(out, f.resource());
    text(out, f.file());
    out.writeInt(f.line());
    out.writeInt(f.column());
    text(out, f.path());
    out.writeByte((f.suppressed() ? 1 : 0) | (f.baselined() ? 2 : 0) | (f.unverified() ? 4 : 0));
    text(out, f.suppression());
    out.writeInt(f.related().size());
    for (RelatedLocation r : f.related()) {
      text(out, r.message());
      ref(out, r.resource());
      text(out, r.file());
      out.writeInt(r.line());
      out.writeInt(r.column());
      text(out, r.path());
    }
    text(out, f.key());
    text(out, f.template());
  }

  private static void ref(DataOutputStream out, ResourceRef ref) throws IOException {
    text(out, ref.apiVersion());
    text(out, ref.kind());
    text(out, ref.namespace());
    text(out, ref.name());
    text(out, ref.file());
    out.writeInt(ref.fileOrdinal());
  }

  /** A string of any length, or null: its UTF-8 length (-1 for null) and bytes. */
  private static void text(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static Finding[] decode(byte[] packed, int size, int[] suffix) {
    Inflater inflater = new Inflater();
    ByteArrayOutputStream raw = new ByteArrayOutputStream(packed.length * 4);
    try {
      inflater.setInput(packed);
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalStateException("a block of findings is cut short");
        }
        raw.write(buffer, 0, n);
      }
    } catch (DataFormatException e) {
      throw new IllegalStateException("a block of findings is damaged", e);
    } finally {
      inflater.end();
    }
    Finding[] out = new Finding[size];
    // Texts that repeat within a block (rule ids, file names, pointers) are read into one instance.
    Map<String, String> texts = new HashMap<>();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw.toByteArray()))) {
      for (int i = 0; i < size; i++) {
        out[i] = read(in, texts, suffix == null ? 0 : suffix[i]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Finding read(DataInputStream in, Map<String, String> texts, int suffix) throws IOException {
    String rule = text(in, texts);
    Severity severity = SEVERITIES[in.readByte()];
    Topic topic = TOPICS[in.readByte()];
    int controlCount = in.readInt();
    List<String> controls = new ArrayList<>(controlCount);
    for (int c = 0; c < controlCount; c++) {
      controls.add(text(in, texts));
    }
    String message = text(in, texts);
    ResourceRef resource = ref(in, texts);
    String file = text(in, texts);
    int line = in.readInt();
    int column = in.readInt();
    String path = text(in, texts);
    int flags = in.readByte();
    String suppression = text(in, texts);
    int relatedCount = in.readInt();
    List<RelatedLocation> related = new ArrayList<>(relatedCount);
    for (int r = 0; r < relatedCount; r++) {
      related.add(new RelatedLocation(text(in, texts), ref(in, texts), text(in, texts), in.readInt(), in.readInt(),
          text(in, texts)));
    }
    String key = text(in, texts);
    String template = text(in, texts);
    return new Finding(rule, severity, topic, controls, message, resource, file, line, column, path,
        (flags & 1) != 0, suppression, related, suffix > 1 ? key + "#" + suffix : key, (flags & 2) != 0,
        (flags & 4) != 0, template);
  }

  private static ResourceRef ref(DataInputStream in, Map<String, String> texts) throws IOException {
    return new ResourceRef(text(in, texts), text(in, texts), text(in, texts), text(in, texts), text(in, texts),
        in.readInt());
  }

  private static String text(DataInputStream in, Map<String, String> texts) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    String s = new String(bytes, StandardCharsets.UTF_8);
    String known = texts.putIfAbsent(s, s);
    return known != null ? known : s;
  }
}
