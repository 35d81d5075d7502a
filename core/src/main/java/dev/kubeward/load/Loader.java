package dev.kubeward.load;

import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.model.Source;
import dev.kubeward.model.WorkloadKinds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads manifests (YAML streams, JSON values, {@code kind: List}) into {@link Resource}s with
 * positions. Every document ends up either as resources or as a {@link LoadError}; one bad
 * document never hides the next. Immutable and thread-safe.
 *
 * <p>A YAML stream is split into documents at {@code ---} lines before parsing, as Kubernetes'
 * own YAML reader does, so a broken document cannot swallow its neighbours.
 */
public final class Loader {

  private final LoadLimits limits;
  private final WorkloadKinds workloadKinds;
  private final boolean followLinks;
  private final int threads;
  private final LoadSettings yamlSettings;

  private Loader(LoadLimits limits, WorkloadKinds workloadKinds, boolean followLinks, int threads) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.workloadKinds = Objects.requireNonNull(workloadKinds, "workloadKinds");
    this.followLinks = followLinks;
    this.threads = threads;
    this.yamlSettings = YamlComposer.settings(limits);
  }

  /** A loader with default limits and the built-in workload kinds. */
  public static Loader defaults() {
    return new Loader(LoadLimits.DEFAULTS, WorkloadKinds.builtIn(), false, 1);
  }

  /** A loader with {@code limits} and {@code workloadKinds}. */
  public static Loader of(LoadLimits limits, WorkloadKinds workloadKinds) {
    return new Loader(limits, workloadKinds, false, 1);
  }

  /**
   * This loader, but following symbolic links while walking directories, also out of the given
   * roots (loops are reported as errors). By default links to files inside a root are read and
   * every other link is skipped.
   */
  public Loader followingLinks(boolean follow) {
    return new Loader(limits, workloadKinds, follow, threads);
  }

  /**
   * This loader, but reading the files of a directory with {@code threads} threads. The result
   * is the same whatever the number: files keep their name order.
   */
  public Loader withThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive");
    }
    return new Loader(limits, workloadKinds, followLinks, threads);
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
      if (argument.equals("-")) {
        try {
          acc.files++;
          loadInto(acc, "-", stdin.readAllBytes());
        } catch (IOException e) {
          acc.errors.add(new LoadError("-", 0, 0, "cannot read standard input: " + Messages.redact(e.getMessage())));
        }
      } else {
        loadPath(acc, argument, Path.of(argument));
      }
    }
    return acc.result();
  }

  /** Loads a file or directory; names are shown as {@code path} is written. */
  public LoadResult load(Path path) {
    Accumulator acc = new Accumulator();
    loadPath(acc, path.toString(), path);
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
    loadInto(acc, name, bytes);
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
        loadInto(acc, resource, in.readAllBytes());
      }
    } catch (IOException e) {
      acc.errors.add(new LoadError(resource, 0, 0, "cannot read classpath resource: " + Messages.redact(e.getMessage())));
    }
    return acc.result();
  }

  private static final class Accumulator {
    final List<Resource> resources = new ArrayList<>();
    final List<LoadError> errors = new ArrayList<>();
    int files;
    int documents;

    LoadResult result() {
      return new LoadResult(resources, errors, files, documents);
    }
  }

  private void loadPath(Accumulator acc, String display, Path path) {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
      acc.errors.add(new LoadError(display, 0, 0, "no such file or directory"));
      return;
    }
    if (Files.isDirectory(path)) {
      walk(acc, display, path);
      return;
    }
    loadFile(acc, display, path);
  }

  private void loadFile(Accumulator acc, String display, Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
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
    loadInto(acc, display, bytes);
  }

  private void walk(Accumulator acc, String display, Path root) {
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      acc.errors.add(new LoadError(display, 0, 0, "cannot read directory: " + Messages.redact(e.getMessage())));
      return;
    }
    TreeMap<String, Path> files = new TreeMap<>();
    Set<FileVisitOption> options = followLinks ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
    try {
      Files.walkFileTree(root, options, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (!isManifestName(file)) {
            return FileVisitResult.CONTINUE;
          }
          if (attrs.isSymbolicLink() && !followLinks) {
            try {
              Path real = file.toRealPath();
              if (!real.startsWith(realRoot) || !Files.isRegularFile(real)) {
                return FileVisitResult.CONTINUE;
              }
            } catch (IOException e) {
              return FileVisitResult.CONTINUE;
            }
          } else if (!attrs.isRegularFile() && !attrs.isSymbolicLink()) {
            return FileVisitResult.CONTINUE;
          }
          files.put(displayOf(display, root, file), file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          String name = displayOf(display, root, file);
          if (e instanceof FileSystemLoopException) {
            acc.errors.add(new LoadError(name, 0, 0, "symbolic link loop; not followed"));
          } else if (e instanceof AccessDeniedException) {
            acc.errors.add(new LoadError(name, 0, 0, "cannot read: permission denied"));
          } else {
            acc.errors.add(new LoadError(name, 0, 0, "cannot read: " + Messages.redact(e.getMessage())));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      acc.errors.add(new LoadError(display, 0, 0, "cannot read directory: " + Messages.redact(e.getMessage())));
    }
    if (threads <= 1 || files.size() < 2) {
      files.forEach((name, file) -> loadFile(acc, name, file));
    } else {
      loadInParallel(acc, new ArrayList<>(files.entrySet()));
    }
  }

  /** Loads {@code files} in slices on {@link #threads} threads, then adds the slices in order. */
  private void loadInParallel(Accumulator acc, List<Map.Entry<String, Path>> files) {
    int slice = Math.max(1, files.size() / (threads * 8));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Accumulator>> parts = new ArrayList<>();
      for (int from = 0; from < files.size(); from += slice) {
        List<Map.Entry<String, Path>> part = files.subList(from, Math.min(files.size(), from + slice));
        parts.add(pool.submit(() -> {
          Accumulator a = new Accumulator();
          for (Map.Entry<String, Path> f : part) {
            loadFile(a, f.getKey(), f.getValue());
          }
          return a;
        }));
      }
      for (Future<Accumulator> part : parts) {
        Accumulator a = part.get();
        acc.resources.addAll(a.resources);
        acc.errors.addAll(a.errors);
        acc.files += a.files;
        acc.documents += a.documents;
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

  private void loadInto(Accumulator acc, String name, byte[] bytes) {
    Source source = Source.of(name);
    byte[] data = bytes;
    int offset = 0;
    if (startsWith(data, 0xEF, 0xBB, 0xBF)) {
      offset = 3;
    } else if (startsWith(data, 0xFE, 0xFF) || startsWith(data, 0xFF, 0xFE)) {
      try {
        CharsetDecoder decoder = StandardCharsets.UTF_16.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        data = decoder.decode(ByteBuffer.wrap(bytes)).toString().getBytes(StandardCharsets.UTF_8);
      } catch (CharacterCodingException e) {
        acc.documents++;
        acc.errors.add(new LoadError(name, 1, 1, "invalid UTF-16 text"));
        return;
      }
    }
    int first = firstSignificant(data, offset);
    if (first >= 0 && data[first] == '{' && looksLikeJson(data, first + 1)) {
      loadJson(acc, source, data, offset);
      return;
    }
    for (Chunk chunk : Chunk.split(data, offset)) {
      loadChunk(acc, source, data, chunk);
    }
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

  /** Index of the first byte that is not whitespace and not in a {@code #} comment, or -1. */
  private static int firstSignificant(byte[] data, int from) {
    int i = from;
    while (i < data.length) {
      byte b = data[i];
      if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
        i++;
      } else if (b == '#') {
        while (i < data.length && data[i] != '\n') {
          i++;
        }
      } else {
        return i;
      }
    }
    return -1;
  }

  private void loadJson(Accumulator acc, Source source, byte[] data, int offset) {
    int[] index = {0};
    try {
      new JsonComposer(limits).compose(data, offset, document -> {
        acc.documents++;
        toResources(acc, source, index[0]++, document);
      });
    } catch (LoadFailure failure) {
      acc.documents++;
      acc.errors.add(new LoadError(source.name(), failure.line, failure.column, failure.getMessage()));
    }
  }

  private void loadChunk(Accumulator acc, Source source, byte[] data, Chunk chunk) {
    int docIndex = chunk.index;
    if (chunk.length > limits.maxDocumentBytes()) {
      acc.documents++;
      acc.errors.add(new LoadError(source.name(), chunk.line, 1,
          "document is larger than the limit of " + limits.maxDocumentBytes() + " bytes"));
      return;
    }
    String text;
    try {
      text = decodeUtf8(data, chunk.start, chunk.length);
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(data, chunk.start, chunk.start + chunk.length);
      int[] pos = position(data, chunk, bad);
      acc.documents++;
      acc.errors.add(new LoadError(source.name(), pos[0], pos[1], "invalid UTF-8 byte sequence"));
      return;
    }
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      int[] pos = position(text, chunk.line, nul);
      acc.documents++;
      acc.errors.add(new LoadError(source.name(), pos[0], pos[1], "NUL byte in a text file"));
      return;
    }
    int template = templateDirectiveLine(text);
    if (template >= 0) {
      int[] pos = position(text, chunk.line, template);
      acc.documents++;
      acc.errors.add(new LoadError(source.name(), pos[0], pos[1],
          "unrendered Helm template ({{ ... }}); render it with 'helm template' first"));
      return;
    }
    boolean hint = text.contains("{{");
    try {
      new YamlComposer(yamlSettings, limits, chunk.line - 1, hint).compose(text, document -> {
        if (document.root() != null) {
          acc.documents++;
          toResources(acc, source, docIndex, document);
        }
      });
    } catch (LoadFailure failure) {
      acc.documents++;
      acc.errors.add(new LoadError(source.name(), failure.line, failure.column, failure.getMessage()));
    } catch (StackOverflowError e) {
      acc.documents++;
      acc.errors.add(new LoadError(source.name(), chunk.line, 1, "nesting too deep to read"));
    }
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
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(data, start, length));
        return chars.toString();
      }
    }
    return new String(data, start, length, StandardCharsets.ISO_8859_1);
  }

  /** Offset of the first {@code {{} that starts a line (after spaces), or -1. */
  private static int templateDirectiveLine(String text) {
    int i = 0;
    int n = text.length();
    while (i < n) {
      int j = i;
      while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
        j++;
      }
      if (j + 1 < n && text.charAt(j) == '{' && text.charAt(j + 1) == '{') {
        return j;
      }
      int nl = text.indexOf('\n', j);
      if (nl < 0) {
        break;
      }
      i = nl + 1;
    }
    return -1;
  }

  private void toResources(Accumulator acc, Source source, int docIndex, YamlComposer.Document document) throws LoadFailure {
    Node root = document.root();
    if (!root.isMap()) {
      acc.errors.add(new LoadError(source.name(), root.line(), root.column(),
          "a manifest must be a mapping, not a " + (root.isList() ? "list" : "scalar")));
      return;
    }
    MapNode map = root.asMap();
    String kind = map.get("kind").text();
    Node items = map.get("items");
    if (kind != null && kind.endsWith("List") && items.isList() && map.get("metadata").get("name").isMissing()) {
      for (int i = 0; i < items.size(); i++) {
        Node item = items.get(i);
        if (!item.isMap()) {
          acc.errors.add(new LoadError(source.name(), item.line(), item.column(),
              "an item of a " + kind + " must be a mapping"));
          continue;
        }
        addResource(acc, source, docIndex, item.asMap());
      }
      return;
    }
    addResource(acc, source, docIndex, map);
  }

  private void addResource(Accumulator acc, Source source, int docIndex, MapNode map) {
    Node apiVersion = map.get("apiVersion");
    Node kind = map.get("kind");
    String problem = null;
    if (apiVersion.text() == null || apiVersion.text().isBlank()) {
      problem = kind.text() == null || kind.text().isBlank() ? "no apiVersion and no kind" : "no apiVersion";
    } else if (kind.text() == null || kind.text().isBlank()) {
      problem = "no kind";
    }
    if (problem != null) {
      acc.errors.add(new LoadError(source.name(), map.line(), map.column(),
          "not a Kubernetes object: " + problem));
      return;
    }
    acc.resources.add(Resource.of(source, docIndex, map, workloadKinds));
  }

  private static int firstInvalidUtf8(byte[] data, int from, int to) {
    int i = from;
    while (i < to) {
      int b = data[i] & 0xFF;
      int need;
      if (b < 0x80) {
        i++;
        continue;
      } else if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
      } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
      } else {
        return i;
      }
      if (i + need >= to) {
        return i;
      }
      for (int k = 1; k <= need; k++) {
        if ((data[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += need + 1;
    }
    return to;
  }

  /** Line and column (1-based, in characters) of byte {@code at} within a chunk. */
  private static int[] position(byte[] data, Chunk chunk, int at) {
    int line = chunk.line;
    int column = 1;
    for (int i = chunk.start; i < at && i < data.length; i++) {
      if (data[i] == '\n') {
        line++;
        column = 1;
      } else if ((data[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return new int[] {line, column};
  }

  private static int[] position(String text, int firstLine, int at) {
    int line = firstLine;
    int column = 1;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {line, column};
  }

  /** A run of bytes between {@code ---} separator lines. */
  static final class Chunk {
    final int index;
    final int start;
    final int length;
    final int line;

    Chunk(int index, int start, int length, int line) {
      this.index = index;
      this.start = start;
      this.length = length;
      this.line = line;
    }

    /**
     * Splits at lines that are {@code ---} followed by nothing but whitespace or a comment. The
     * separator line belongs to no chunk.
     */
    static List<Chunk> split(byte[] data, int from) {
      List<Chunk> chunks = new ArrayList<>();
      int chunkStart = from;
      int chunkLine = 1;
      int line = 1;
      int i = from;
      int n = data.length;
      while (i < n) {
        int lineStart = i;
        int end = i;
        while (end < n && data[end] != '\n' && data[end] != '\r') {
          end++;
        }
        int next = end;
        if (next < n) {
          next += data[next] == '\r' && next + 1 < n && data[next + 1] == '\n' ? 2 : 1;
        }
        if (isSeparator(data, lineStart, end)) {
          if (lineStart > chunkStart) {
            chunks.add(new Chunk(chunks.size(), chunkStart, lineStart - chunkStart, chunkLine));
          }
          chunkStart = next;
          chunkLine = line + 1;
        }
        line++;
        i = next;
      }
      if (n > chunkStart) {
        chunks.add(new Chunk(chunks.size(), chunkStart, n - chunkStart, chunkLine));
      }
      return chunks;
    }

    private static boolean isSeparator(byte[] data, int start, int end) {
      if (end - start < 3 || data[start] != '-' || data[start + 1] != '-' || data[start + 2] != '-') {
        return false;
      }
      for (int i = start + 3; i < end; i++) {
        byte b = data[i];
        if (b == '#') {
          return i > start + 3 && (data[i - 1] == ' ' || data[i - 1] == '\t');
        }
        if (b != ' ' && b != '\t') {
          return false;
        }
      }
      return true;
    }
  }
}
