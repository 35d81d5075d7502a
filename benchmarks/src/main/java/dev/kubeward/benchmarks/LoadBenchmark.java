/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.CharArrayReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Question 1: how fast does Kubeward read YAML, and how much does it allocate, next to the parser
 * it is built on and next to what a JVM user would otherwise use? Every method reads the whole
 * {@link Corpus}, file by file, from the same bytes in memory.
 *
 * <p>One operation is one input byte ({@code @OperationsPerInvocation(Corpus.BYTES)}), so the
 * throughput score is bytes per second (divide by 10<sup>6</sup> for MB/s) and, with
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is the number of bytes allocated per input byte.
 * <ul>
 *   <li>{@link #kubeward}: {@link Loader#loadBytes}: split at {@code ---}, UTF-8 check, tokens,
 *       Kubeward's tree with positions, duplicate keys, resources with their pod spec views;
 *   <li>{@link #snakeyamlEvents}: the floor: decode the bytes and drain snakeyaml-engine's
 *       low-level {@link ParserImpl} events; Kubeward cannot be faster than its parser;
 *   <li>{@link #snakeyamlEventsPerDocument}: the floor with one parser per {@code ---} document,
 *       as the loader parsed before it read tokens;
 *   <li>{@link #snakeyamlTokens}: the layer below: drain snakeyaml-engine's {@link ScannerImpl}
 *       tokens, which Kubeward's loader composes from (its own floor);
 *   <li>{@link #snakeyamlCompose}: snakeyaml-engine's node graph ({@link Compose});
 *   <li>{@link #snakeyamlLoad}: snakeyaml-engine's plain Java maps and lists ({@link Load});
 *   <li>{@link #fabric8}: fabric8's {@link KubernetesSerialization}: typed model objects, or
 *       {@code GenericKubernetesResource} for kinds it does not know.
 * </ul>
 * The warm-up is long because fabric8 needs about eight seconds of it to reach its steady state
 * (Kubeward and snakeyaml-engine need four to six).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@OperationsPerInvocation(Corpus.BYTES)
@State(Scope.Benchmark)
public class LoadBenchmark {

  private List<Corpus.File> files;
  private Loader loader;
  private List<int[]> documents;
  private LoadSettings settings;
  private KubernetesSerialization serialization;

  /** Reads the corpus and checks that every contender reads every file of it. */
  @Setup
  public void setup() {
    files = Corpus.load().files();
    loader = Loader.defaults();
    documents = new ArrayList<>();
    for (Corpus.File f : files) {
      documents.add(documents(new String(f.bytes(), StandardCharsets.UTF_8)));
    }
    settings = settings();
    serialization = new KubernetesSerialization();
    List<String> problems = new ArrayList<>();
    for (Corpus.File f : files) {
      LoadResult result = loader.loadBytes(f.name(), f.bytes());
      if (!result.errors().isEmpty()) {
        problems.add("kubeward " + f.name() + ": " + result.errors());
      }
      try {
        String text = new String(f.bytes(), StandardCharsets.UTF_8);
        Parser parser = new ParserImpl(settings, new StreamReader(settings, text));
        while (parser.hasNext()) {
          parser.next();
        }
        new Load(settings).loadAllFromString(text).forEach(o -> { });
        serialization.unmarshal(new ByteArrayInputStream(f.bytes()));
      } catch (RuntimeException e) {
        problems.add("comparison " + f.name() + ": " + e);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("not every contender reads the corpus: " + problems);
    }
  }

  /** Start and end offsets of the documents of {@code text}, split at bare {@code ---} lines. */
  static int[] documents(String text) {
    List<Integer> cuts = new ArrayList<>();
    cuts.add(text.startsWith("---\n") ? 4 : 0);
    for (int at = text.indexOf("\n---\n"); at >= 0; at = text.indexOf("\n---\n", at + 1)) {
      cuts.add(at + 1);
      cuts.add(at + 5);
    }
    cuts.add(text.length());
    return cuts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The settings Kubeward's loader gives snakeyaml-engine: marks on, comments off. */
  static LoadSettings settings() {
    return LoadSettings.builder().setParseComments(false).setUseMarks(true).build();
  }

  @Benchmark
  public void kubeward(Blackhole bh) {
    for (Corpus.File f : files) {
      bh.consume(loader.loadBytes(f.name(), f.bytes()));
    }
  }

  @Benchmark
  public void snakeyamlEvents(Blackhole bh) {
    for (Corpus.File f : files) {
      String text = new String(f.bytes(), StandardCharsets.UTF_8);
      Parser parser = new ParserImpl(settings, new StreamReader(settings, text));
      while (parser.hasNext()) {
        bh.consume(parser.next());
      }
    }
  }

  /** The scanner alone: the tokens the parser reads, without events. */
  @Benchmark
  public void snakeyamlTokens(Blackhole bh) {
    for (Corpus.File f : files) {
      String text = new String(f.bytes(), StandardCharsets.UTF_8);
      ScannerImpl scanner = new ScannerImpl(settings, new StreamReader(settings, text));
      while (scanner.hasNext()) {
        bh.consume(scanner.next());
      }
    }
  }

  /**
   * The floor again, but with a new parser for each {@code ---} document, reading it in place as
   * Kubeward's loader does: what one parser per document costs next to one per file.
   */
  @Benchmark
  public void snakeyamlEventsPerDocument(Blackhole bh) {
    for (int k = 0; k < files.size(); k++) {
      char[] text = new String(files.get(k).bytes(), StandardCharsets.UTF_8).toCharArray();
      int[] cuts = documents.get(k);
      for (int i = 0; i + 1 < cuts.length; i += 2) {
        Reader document = new CharArrayReader(text, cuts[i], cuts[i + 1] - cuts[i]);
        Parser parser = new ParserImpl(settings, new StreamReader(settings, document));
        while (parser.hasNext()) {
          bh.consume(parser.next());
        }
      }
    }
  }

  @Benchmark
  public void snakeyamlCompose(Blackhole bh) {
    for (Corpus.File f : files) {
      String text = new String(f.bytes(), StandardCharsets.UTF_8);
      for (Node node : new Compose(settings).composeAllFromString(text)) {
        bh.consume(node);
      }
    }
  }

  @Benchmark
  public void snakeyamlLoad(Blackhole bh) {
    for (Corpus.File f : files) {
      String text = new String(f.bytes(), StandardCharsets.UTF_8);
      for (Object o : new Load(settings).loadAllFromString(text)) {
        bh.consume(o);
      }
    }
  }

  @Benchmark
  public void fabric8(Blackhole bh) {
    for (Corpus.File f : files) {
      Object typed = serialization.unmarshal(new ByteArrayInputStream(f.bytes()));
      bh.consume(typed);
    }
  }
}
