/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import dev.kubeward.model.Resource;
import dev.kubeward.model.WorkloadKinds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
    this.walker = new PathWalker(reader, followLinks, threads, this.excludes);
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
   * Loads each argument: a file (any extension), a directory (recursively, {@code *.yaml},
   * {@code *.yml}, {@code *.json}, in name order) or {@code -} for {@code stdin}.
   */
  public LoadResult load(List<String> arguments, InputStream stdin) {
    Accumulator acc = new Accumulator();
    for (String argument : arguments) {
      acc.argument = argument;
      if (argument.equals("-")) {
        try {
          acc.files++;
          reader.read(acc, "-", stdin.readAllBytes());
        } catch (IOException e) {
          acc.errors.add(new LoadError("-", 0, 0, "cannot read standard input: " + Messages.redact(e.getMessage())));
        }
      } else {
        walker.loadPath(acc, argument, Path.of(argument));
      }
    }
    return acc.result();
  }

  /** Loads a file or directory; names are shown as {@code path} is written. */
  public LoadResult load(Path path) {
    Accumulator acc = new Accumulator();
    acc.argument = path.toString();
    walker.loadPath(acc, path.toString(), path);
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
