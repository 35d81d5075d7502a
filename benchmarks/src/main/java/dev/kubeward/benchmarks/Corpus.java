/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark corpus: real manifests copied byte for byte from public repositories (see
 * {@code corpus/SOURCES.md}), read from the classpath in the order of {@code corpus/INDEX.tsv}.
 *
 * <p>The totals are constants so that JMH can normalise by them
 * ({@code @OperationsPerInvocation}); {@link #load()} fails if the files no longer add up to them.
 */
public final class Corpus {

  /** Total size of the corpus files in bytes: one operation of {@link LoadBenchmark} is one byte. */
  public static final int BYTES = 1_069_001;

  /** Number of resources Kubeward loads from the corpus (after {@code List} flattening). */
  public static final int RESOURCES = 876;

  /** One manifest file: its path under {@code corpus/} and its bytes. */
  public record File(String name, byte[] bytes) {}

  private final List<File> files;

  private Corpus(List<File> files) {
    this.files = List.copyOf(files);
  }

  /** Reads every file listed in {@code corpus/INDEX.tsv} and checks the byte total. */
  public static Corpus load() {
    List<File> files = new ArrayList<>();
    ClassLoader loader = Corpus.class.getClassLoader();
    try (InputStream index = loader.getResourceAsStream("corpus/INDEX.tsv")) {
      if (index == null) {
        throw new IllegalStateException("the corpus index corpus/INDEX.tsv is not on the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
      String line = reader.readLine(); // header
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String name = line.substring(0, line.indexOf('\t'));
        try (InputStream in = loader.getResourceAsStream("corpus/" + name)) {
          if (in == null) {
            throw new IllegalStateException("corpus file '" + name + "' is listed but missing");
          }
          files.add(new File(name, in.readAllBytes()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the corpus", e);
    }
    Corpus corpus = new Corpus(files);
    if (corpus.bytes() != BYTES) {
      throw new IllegalStateException("the corpus has " + corpus.bytes() + " bytes but Corpus.BYTES says "
          + BYTES + "; update the constant");
    }
    return corpus;
  }

  /** The files, in index order. */
  public List<File> files() {
    return files;
  }

  /** Total size in bytes. */
  public long bytes() {
    long total = 0;
    for (File f : files) {
      total += f.bytes().length;
    }
    return total;
  }
}
