/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.PatternSyntaxException;

/**
 * Finds and reads the files of a path: a file, or a directory walked recursively for
 * {@code *.yaml}, {@code *.yml} and {@code *.json} in name order, with symbolic links judged as
 * {@link Loader#followingLinks(boolean)} says: first the plan of a load (its {@link Step}s), then
 * each file's bytes handed to a {@link SourceReader}. Immutable and thread-safe.
 */
final class PathWalker {

  private final SourceReader reader;
  private final boolean followLinks;
  private final List<String> excludes;
  private final List<PathMatcher> byName = new ArrayList<>();
  private final List<PathMatcher> byPath = new ArrayList<>();

  PathWalker(SourceReader reader, boolean followLinks, List<String> excludes) {
    this.reader = reader;
    this.followLinks = followLinks;
    this.excludes = excludes;
    for (String glob : excludes) {
      (isPathGlob(glob) ? byPath : byName).add(matcher(glob));
    }
  }

  /**
   * The matcher of exclude {@code glob}, on names or on {@code /}-separated relative paths.
   *
   * @throws IllegalArgumentException if it is empty or not valid glob syntax
   */
  static PathMatcher matcher(String glob) {
    if (glob == null || glob.isBlank()) {
      throw new IllegalArgumentException("an exclude glob must not be empty");
    }
    String pattern = trimmed(glob);
    try {
      return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("exclude glob '" + glob + "' is not valid: " + e.getDescription());
    }
  }

  private static boolean isPathGlob(String glob) {
    return trimmed(glob).contains("/");
  }

  /** {@code glob} without a leading {@code ./} and a trailing {@code /}. */
  private static String trimmed(String glob) {
    String g = glob.startsWith("./") ? glob.substring(2) : glob;
    return g.endsWith("/") && g.length() > 1 ? g.substring(0, g.length() - 1) : g;
  }

  /** The exclude glob that matches {@code relative} (a path under the walked root), or null. */
  private String excludedBy(Path relative) {
    if (excludes.isEmpty() || relative.toString().isEmpty()) {
      return null;
    }
    Path name = relative.getFileName();
    int n = 0;
    int p = 0;
    for (String glob : excludes) {
      if (isPathGlob(glob) ? byPath.get(p++).matches(relative) : byName.get(n++).matches(name)) {
        return glob;
      }
    }
    return null;
  }

  /**
   * One step of a load, in load order: a source to read ({@link #path} set, or standard input), or
   * an error or skipped file the walk met.
   */
  record Step(String argument, String display, Path path, Kustomizations.Patch patch, boolean stdin,
      LoadError error, SkippedFile skipped) {

    static Step file(String argument, String display, Path path, Kustomizations.Patch patch) {
      return new Step(argument, display, path, patch, false, null, null);
    }

    static Step standardInput() {
      return new Step("-", "-", null, null, true, null, null);
    }

    static Step error(String argument, LoadError error) {
      return new Step(argument, null, null, null, false, error, null);
    }

    static Step skipped(String argument, SkippedFile skipped) {
      return new Step(argument, null, null, null, false, null, skipped);
    }

    boolean isSource() {
      return path != null || stdin;
    }
  }

  /**
   * Adds to {@code steps} what loading the file or directory {@code path} (given as
   * {@code argument}, its names shown under {@code display}) takes: its files in name order, after
   * the errors and exclusions of the walk. Nothing is read yet.
   */
  void plan(List<Step> steps, String argument, String display, Path path) {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
      steps.add(Step.error(argument, new LoadError(display, 0, 0, "no such file or directory")));
      return;
    }
    if (Files.isDirectory(path)) {
      walk(steps, argument, display, path);
      return;
    }
    Map<Path, Kustomizations.Patch> patches = new HashMap<>();
    Path parent = path.toAbsolutePath().normalize().getParent();
    if (parent != null) {
      int slash = display.lastIndexOf('/');
      Kustomizations.collect(parent, slash < 0 ? "." : display.substring(0, slash), reader.limits(), patches);
    }
    steps.add(Step.file(argument, display, path, patches.get(path.toAbsolutePath().normalize())));
  }

  /** Reads the file of {@code step} into {@code acc}. */
  void read(Accumulator acc, Step step) {
    acc.argument = step.argument();
    String display = step.display();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(step.path());
    } catch (AccessDeniedException e) {
      acc.errors.add(new LoadError(display, 0, 0, "cannot read file: permission denied"));
      return;
    } catch (NoSuchFileException e) {
      acc.errors.add(new LoadError(display, 0, 0, "no such file or directory"));
      return;
    } catch (IOException | OutOfMemoryError e) {
      acc.errors.add(new LoadError(display, 0, 0, "cannot read file: " + Messages.redact(e.getMessage())));
      return;
    }
    acc.files++;
    acc.file = step.path();
    acc.patch = step.patch();
    try {
      reader.read(acc, display, bytes);
    } finally {
      acc.file = null;
      acc.patch = null;
    }
  }

  private void walk(List<Step> steps, String argument, String display, Path root) {
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      steps.add(Step.error(argument, new LoadError(display, 0, 0, "cannot read directory: " + Messages.redact(e.getMessage()))));
      return;
    }
    TreeMap<String, Path> files = new TreeMap<>();
    TreeMap<String, LoadError> walkErrors = new TreeMap<>();
    TreeMap<String, String> excluded = new TreeMap<>();
    Map<Path, Kustomizations.Patch> patches = new HashMap<>();
    Set<FileVisitOption> options = followLinks ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
    try {
      // Walk the real root: a root given as a symbolic link is followed (the user named it),
      // while links below it are subject to followLinks. Names are still shown under display.
      Files.walkFileTree(realRoot, options, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String glob = excludedBy(realRoot.relativize(dir));
          if (glob != null) {
            excluded.put(displayOf(display, realRoot, dir), glob);
            return FileVisitResult.SKIP_SUBTREE;
          }
          Kustomizations.collect(dir, displayOf(display, realRoot, dir), reader.limits(), patches);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (!isManifestName(file)) {
            return FileVisitResult.CONTINUE;
          }
          String glob = excludedBy(realRoot.relativize(file));
          if (glob != null) {
            excluded.put(displayOf(display, realRoot, file), glob);
            return FileVisitResult.CONTINUE;
          }
          String name = displayOf(display, realRoot, file);
          if (attrs.isSymbolicLink()) {
            // A link the walk did not follow: not asked to, or its target cannot be read. One
            // named like a manifest is read if it leads inside the root (or links are followed),
            // and otherwise reported: kubectl would apply what it leads to.
            String problem = linkProblem(file, realRoot);
            if (problem != null) {
              walkErrors.put(name, new LoadError(name, 0, 0, problem));
              return FileVisitResult.CONTINUE;
            }
            if (!Files.isRegularFile(file)) {
              return FileVisitResult.CONTINUE;
            }
          } else if (!attrs.isRegularFile()) {
            return FileVisitResult.CONTINUE;
          }
          files.put(name, file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          String name = displayOf(display, realRoot, file);
          if (e instanceof FileSystemLoopException) {
            walkErrors.put(name, new LoadError(name, 0, 0, "symbolic link loop; not followed"));
          } else if (e instanceof AccessDeniedException) {
            walkErrors.put(name, new LoadError(name, 0, 0, "cannot read: permission denied"));
          } else {
            walkErrors.put(name, new LoadError(name, 0, 0, "cannot read: " + Messages.redact(e.getMessage())));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      steps.add(Step.error(argument, new LoadError(display, 0, 0, "cannot read directory: " + Messages.redact(e.getMessage()))));
    }
    // In name order, like the files: the walk's own order depends on the file system.
    walkErrors.values().forEach(error -> steps.add(Step.error(argument, error)));
    excluded.forEach((name, glob) -> steps.add(Step.skipped(argument, SkippedFile.excluded(name, glob))));
    files.forEach((name, file) -> steps.add(Step.file(argument, name, file, patches.get(file.toAbsolutePath().normalize()))));
  }

  /**
   * Why the symbolic link {@code file}, met while walking {@code realRoot}, is not read: it loops,
   * leads nowhere, or (unless links are followed) leads out of the root; or null to read it.
   */
  private String linkProblem(Path file, Path realRoot) {
    Path real;
    try {
      real = file.toRealPath();
    } catch (NoSuchFileException e) {
      return "broken symbolic link; not read";
    } catch (AccessDeniedException e) {
      return "cannot read: permission denied";
    } catch (IOException e) {
      return loops(file) ? "symbolic link loop; not followed" : "cannot read: " + Messages.redact(e.getMessage());
    }
    if (!followLinks && !real.startsWith(realRoot)) {
      return "symbolic link out of the scanned directory; not followed";
    }
    return null;
  }

  /** True if resolving the link {@code file} comes back to a link already passed, or passes 40 links. */
  private static boolean loops(Path file) {
    Set<Path> seen = new HashSet<>();
    Path p = file.toAbsolutePath().normalize();
    while (Files.isSymbolicLink(p)) {
      if (!seen.add(p) || seen.size() > 40) {
        return true;
      }
      try {
        p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
      } catch (IOException e) {
        return false;
      }
    }
    return false;
  }

  private static String displayOf(String display, Path root, Path file) {
    String relative = root.relativize(file).toString();
    if (relative.isEmpty()) {
      return display;
    }
    String sep = display.endsWith("/") || display.endsWith(java.io.File.separator) ? "" : "/";
    return (display + sep + relative).replace(java.io.File.separatorChar, '/');
  }

  private static boolean isManifestName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }
}
