/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import dev.kubeward.model.Resource;
import dev.kubeward.model.Source;
import dev.kubeward.model.WorkloadKinds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads manifests (YAML streams, JSON values, {@code kind: List}) into {@link Resource}s with
 * positions. Every document ends up either as resources or as a {@link LoadError}; one bad
 * document never hides the next. Immutable and thread-safe.
 *
 * <p>A YAML stream is split into documents at {@code ---} lines before parsing, as Kubernetes'
 * own YAML reader does, so a broken document cannot swallow its neighbours.
 *
 * <p>Wherever Kubernetes would read a manifest differently from a YAML 1.2 parser, the loader
 * either reads it the Kubernetes way (YAML 1.1 scalars, the items of any object with an
 * {@code items} list are objects) or reports the document as unreadable (duplicate keys, a merge
 * key after the key it overrides, NEL and Unicode line separators), so that what is scanned is
 * what the cluster would get.
 *
 * <p>The work is done by parts with one job each: {@link PathWalker} finds and reads files,
 * {@link SourceReader} turns one source's bytes into documents (with {@link TextDecoding} and
 * {@link DocumentSplitter}), and {@link ResourceAssembler} turns a document's tree into resources.
 */
public final class Loader {

  private final LoadLimits limits;
  private final WorkloadKinds workloadKinds;
  private final boolean followLinks;
  private final int threads;
  private final List<String> excludes;
  private final AtomicInteger filesRead;
  private final SourceReader reader;
  private final PathWalker walker;

  private Loader(LoadLimits limits, WorkloadKinds workloadKinds, boolean followLinks, int threads, List<String> excludes) {
    this(limits, workloadKinds, followLinks, threads, excludes, null);
  }

  private Loader(LoadLimits limits, WorkloadKinds workloadKinds, boolean followLinks, int threads, List<String> excludes,
      AtomicInteger filesRead) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.workloadKinds = Objects.requireNonNull(workloadKinds, "workloadKinds");
    this.followLinks = followLinks;
    this.threads = threads;
    this.excludes = List.copyOf(excludes);
    this.filesRead = filesRead;
    this.reader = new SourceReader(this.limits, new ResourceAssembler(this.workloadKinds), filesRead);
    this.walker = new PathWalker(reader, followLinks, this.excludes);
  }

  /** A loader with default limits and the built-in workload kinds. */
  public static Loader defaults() {
    return new Loader(LoadLimits.DEFAULTS, WorkloadKinds.builtIn(), false, 1, List.of());
  }

  /** A loader with {@code limits} and {@code workloadKinds}. */
  public static Loader of(LoadLimits limits, WorkloadKinds workloadKinds) {
    return new Loader(limits, workloadKinds, false, 1, List.of());
  }

  /**
   * This loader, but following symbolic links while walking directories, also out of the given
   * roots (loops are reported as errors). By default a link named like a manifest is read if it
   * leads to a file inside the root, and reported as an error if it leads out of the root, loops
   * or leads nowhere (kubectl would read it, so skipping it would hide a manifest); other links,
   * such as links to directories, are not followed.
   */
  public Loader followingLinks(boolean follow) {
    return new Loader(limits, workloadKinds, follow, threads, excludes, filesRead);
  }

  /**
   * This loader, but reading the files of a directory with {@code threads} threads. The result
   * is the same whatever the number: files keep their name order.
   */
  public Loader withThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive");
    }
    return new Loader(limits, workloadKinds, followLinks, threads, excludes, filesRead);
  }

  /**
   * This loader, but leaving out of directory walks the files and directories that one of
   * {@code globs} matches: a glob without {@code /} matches a file or directory name at any depth
   * ({@code *.tpl.yaml}, {@code charts}); one with {@code /} matches the path under the walked
   * directory ({@code deploy/dev/**}, where {@code **} crosses directories). A path given to
   * {@link #load} is read even when a glob matches it: it was asked for by name. Every file or
   * directory left out is in {@link LoadResult#skipped()}.
   *
   * @throws IllegalArgumentException for a glob that is empty or not valid glob syntax
   */
  public Loader excluding(List<String> globs) {
    List<String> all = new ArrayList<>(excludes);
    for (String glob : globs) {
      checkGlob(glob);
      if (!all.contains(glob)) {
        all.add(glob);
      }
    }
    return new Loader(limits, workloadKinds, followLinks, threads, all, filesRead);
  }

  /**
   * This loader, but adding one to {@code counter} as each source's bytes have been read and
   * before they are parsed (from any thread), so that a caller can say how far a load got when it
   * failed, for instance by running out of memory.
   */
  public Loader countingFiles(AtomicInteger counter) {
    return new Loader(limits, workloadKinds, followLinks, threads, excludes, Objects.requireNonNull(counter, "counter"));
  }

  /** The exclude globs of this loader. */
  public List<String> excludes() {
    return excludes;
  }

  /**
   * Checks that {@code glob} is a usable exclude glob.
   *
   * @throws IllegalArgumentException if it is empty or not valid glob syntax
   */
  public static void checkGlob(String glob) {
    PathWalker.matcher(glob);
  }

  public LoadLimits limits() {
    return limits;
  }

  public WorkloadKinds workloadKinds() {
    return workloadKinds;
  }

  /**
   * Receives a load as it is read, so that a caller can use each part and let it go before the
   * next is read ({@link #load(List, InputStream, Listener)}). Calls come on the thread that called
   * {@code load}, in load order; the parts, put together in that order, are what
   * {@link #load(List, InputStream)} returns.
   */
  public interface Listener {

    /**
     * Called once, before anything is read, with every source the load will read (its name as
     * reports show it and the argument it was found through), in load order.
     */
    void planned(List<Source> sources);

    /**
     * What one step of the load gave: with {@code source} the index of a source of
     * {@link #planned}, its resources, errors, skipped files, partial documents and counts (its
     * file counts once it could be read); with {@code source} -1, an error or a skipped file that a
     * directory walk met.
     */
    void loaded(int source, LoadResult part);
  }

  /**
   * Loads each argument: a file (any extension), a directory (recursively, {@code *.yaml},
   * {@code *.yml}, {@code *.json}, in name order) or {@code -} for {@code stdin}.
   */
  public LoadResult load(List<String> arguments, InputStream stdin) {
    Collecting all = new Collecting();
    load(arguments, stdin, all);
    return all.acc.result();
  }

  /**
   * Loads as {@link #load(List, InputStream)} does, but hands each source's part to
   * {@code listener} as soon as it is read, in load order, and keeps nothing: what the listener lets
   * go of can be collected before the rest is read. With several threads, a few sources ahead are
   * read in parallel.
   */
  public void load(List<String> arguments, InputStream stdin, Listener listener) {
    List<PathWalker.Step> steps = new ArrayList<>();
    for (String argument : arguments) {
      if (argument.equals("-")) {
        steps.add(PathWalker.Step.standardInput());
      } else {
        walker.plan(steps, argument, argument, Path.of(argument));
      }
    }
    run(steps, stdin, listener);
  }

  /** Loads a file or directory; names are shown as {@code path} is written. */
  public LoadResult load(Path path) {
    List<PathWalker.Step> steps = new ArrayList<>();
    walker.plan(steps, path.toString(), path.toString(), path);
    Collecting all = new Collecting();
    run(steps, InputStream.nullInputStream(), all);
    return all.acc.result();
  }

  /** A listener that puts the parts together. */
  private static final class Collecting implements Listener {
    final Accumulator acc = new Accumulator();

    @Override
    public void planned(List<Source> sources) {}

    @Override
    public void loaded(int source, LoadResult part) {
      acc.resources.addAll(part.resources());
      acc.errors.addAll(part.errors());
      acc.skipped.addAll(part.skipped());
      acc.partial.addAll(part.partial());
      acc.files += part.files();
      acc.documents += part.documents();
    }
  }

  private void run(List<PathWalker.Step> steps, InputStream stdin, Listener listener) {
    List<Source> sources = new ArrayList<>();
    for (PathWalker.Step step : steps) {
      if (step.isSource()) {
        sources.add(Source.of(step.display(), step.argument()));
      }
    }
    listener.planned(List.copyOf(sources));
    if (threads <= 1 || sources.size() < 2) {
      int source = 0;
      for (PathWalker.Step step : steps) {
        listener.loaded(step.isSource() ? source++ : -1, read(step, stdin));
      }
      return;
    }
    // Sources are read on the pool a few ahead of the one handed over, so that the listener
    // gets them in order while the heap holds only a window of them.
    int window = threads * 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      ArrayDeque<Future<LoadResult>> ahead = new ArrayDeque<>();
      int next = 0;
      int source = 0;
      for (PathWalker.Step step : steps) {
        while (next < steps.size() && ahead.size() < window) {
          PathWalker.Step s = steps.get(next++);
          ahead.add(pool.submit(() -> read(s, stdin)));
        }
        LoadResult part = ahead.removeFirst().get();
        listener.loaded(step.isSource() ? source++ : -1, part);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("loading interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("loading failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** What one step gives: the source read, or the walk's error or skipped file. */
  private LoadResult read(PathWalker.Step step, InputStream stdin) {
    Accumulator acc = new Accumulator();
    if (step.error() != null) {
      acc.errors.add(step.error());
    } else if (step.skipped() != null) {
      acc.skipped.add(step.skipped());
    } else if (step.stdin()) {
      acc.argument = "-";
      try {
        acc.files++;
        reader.read(acc, "-", stdin.readAllBytes());
      } catch (IOException e) {
        acc.errors.add(new LoadError("-", 0, 0, "cannot read standard input: " + Messages.redact(e.getMessage())));
      }
    } else {
      walker.read(acc, step);
    }
    return acc.result();
  }

  /** Loads manifests held in a string, under the source name {@code name}. */
  public LoadResult loadString(String name, String text) {
    return loadBytes(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Loads manifests from raw bytes (UTF-8, or UTF-16 with a byte order mark). */
  public LoadResult loadBytes(String name, byte[] bytes) {
    Accumulator acc = new Accumulator();
    acc.files++;
    reader.read(acc, name, bytes);
    return acc.result();
  }

  /** Loads a classpath resource of {@code loader}; the source name is the resource name. */
  public LoadResult loadClasspath(String resource, ClassLoader loader) {
    Accumulator acc = new Accumulator();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        acc.errors.add(new LoadError(resource, 0, 0, "no such classpath resource"));
      } else {
        acc.files++;
        reader.read(acc, resource, in.readAllBytes());
      }
    } catch (IOException e) {
      acc.errors.add(new LoadError(resource, 0, 0, "cannot read classpath resource: " + Messages.redact(e.getMessage())));
    }
    return acc.result();
  }
}
