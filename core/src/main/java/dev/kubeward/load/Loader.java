package dev.kubeward.load;

import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.model.ScalarNode;
import dev.kubeward.model.Source;
import dev.kubeward.model.WorkloadKinds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
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
 *
 * <p>Wherever Kubernetes would read a manifest differently from a YAML 1.2 parser, the loader
 * either reads it the Kubernetes way (YAML 1.1 scalars, the items of any object with an
 * {@code items} list are objects) or reports the document as unreadable (duplicate keys, a merge
 * key after the key it overrides, NEL and Unicode line separators), so that what is scanned is
 * what the cluster would get.
 */
public final class Loader {

  private final LoadLimits limits;
  private final WorkloadKinds workloadKinds;
  private final boolean followLinks;
  private final int threads;
  /** Parser settings for {@link #limits}: immutable, built once instead of once per chunk. */
  private final LoadSettings yamlSettings;

  private Loader(LoadLimits limits, WorkloadKinds workloadKinds, boolean followLinks, int threads) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.workloadKinds = Objects.requireNonNull(workloadKinds, "workloadKinds");
    this.followLinks = followLinks;
    this.threads = threads;
    this.yamlSettings = YamlComposer.settings(this.limits);
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
   * roots (loops are reported as errors). By default a link named like a manifest is read if it
   * leads to a file inside the root, and reported as an error if it leads out of the root, loops
   * or leads nowhere (kubectl would read it, so skipping it would hide a manifest); other links,
   * such as links to directories, are not followed.
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
      acc.argument = argument;
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
    acc.argument = path.toString();
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
    /** The path given to the load that is being read, or null when the source is its own. */
    String argument;
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
    TreeMap<String, LoadError> walkErrors = new TreeMap<>();
    Set<FileVisitOption> options = followLinks ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
    try {
      // Walk the real root: a root given as a symbolic link is followed (the user named it),
      // while links below it are subject to followLinks. Names are still shown under display.
      Files.walkFileTree(realRoot, options, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (!isManifestName(file)) {
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
      acc.errors.add(new LoadError(display, 0, 0, "cannot read directory: " + Messages.redact(e.getMessage())));
    }
    // In name order, like the files: the walk's own order depends on the file system.
    acc.errors.addAll(walkErrors.values());
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
          a.argument = acc.argument;
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

  private void loadInto(Accumulator acc, String name, byte[] bytes) {
    Documents doc = new Documents(acc, acc.argument == null ? Source.of(name) : Source.of(name, acc.argument));
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
        doc.fail(1, 1, "invalid UTF-16 text");
        return;
      }
    }
    int first = firstSignificant(data, offset);
    if (first >= 0 && data[first] == '{' && looksLikeJson(data, first + 1)) {
      loadJson(doc, data, offset);
      return;
    }
    // Lines break at ASCII characters, so the split works on the bytes as Latin-1 text (one
    // character per byte). Nearly every manifest is pure ASCII without NUL: that text is then the
    // decoded text itself, and each document is parsed where it lies in it, without a copy.
    String ascii = new String(data, offset, data.length - offset, StandardCharsets.US_ASCII);
    boolean plain = ascii.indexOf('\uFFFD') < 0 && ascii.indexOf('\0') < 0;
    int template = plain ? ascii.indexOf("{{") : -1;
    String latin1 = plain ? ascii : new String(data, offset, data.length - offset, StandardCharsets.ISO_8859_1);
    for (Chunk chunk : Chunk.split(latin1)) {
      if (plain) {
        int end = chunk.start + chunk.length;
        if (template >= 0 && template < chunk.start) {
          template = ascii.indexOf("{{", chunk.start);
        }
        loadText(doc, ascii, chunk.start, end, chunk.line, template >= 0 && template < end);
      } else {
        loadChunk(doc, data, offset, chunk);
      }
    }
  }

  /** Where the documents of one source go; numbers them as they come. */
  private final class Documents {
    final Accumulator acc;
    final Source source;
    int next;

    Documents(Accumulator acc, Source source) {
      this.acc = acc;
      this.source = source;
    }

    /** Counts a document that could not be read and records why. */
    void fail(int line, int column, String message) {
      acc.documents++;
      next++;
      acc.errors.add(new LoadError(source.name(), line, column, message));
    }

    /** Counts a document that was read and turns it into resources or errors. */
    void accept(Node root) {
      acc.documents++;
      toResources(acc, source, next++, root);
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

  /**
   * Index of the first byte that is not whitespace, or -1. Comments are not skipped: like kubectl,
   * which reads a stream as JSON only when it starts with a brace, a file that opens with a
   * {@code #} comment is YAML (JSON in YAML flow style still reads as such, comments and all).
   */
  private static int firstSignificant(byte[] data, int from) {
    int i = from;
    while (i < data.length) {
      byte b = data[i];
      if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
        i++;
      } else {
        return i;
      }
    }
    return -1;
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
        return decoder.decode(ByteBuffer.wrap(data, start, length)).toString();
      }
    }
    return new String(data, start, length, StandardCharsets.ISO_8859_1);
  }

  /**
   * Decodes {@code length} bytes at {@code start} as UTF-8 text (without NUL characters when
   * {@code rejectNul}), or records an error for the document and returns {@code null}.
   */
  private static String decode(Documents doc, byte[] data, int start, int length, int firstLine, boolean rejectNul) {
    String text;
    try {
      text = decodeUtf8(data, start, length);
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(data, start, start + length);
      String prefix = new String(data, start, bad - start, StandardCharsets.UTF_8);
      int[] pos = position(prefix, firstLine, prefix.length());
      doc.fail(pos[0], pos[1], "invalid UTF-8 byte sequence");
      return null;
    }
    int nul = rejectNul ? text.indexOf('\0') : -1;
    if (nul >= 0) {
      int[] pos = position(text, firstLine, nul);
      doc.fail(pos[0], pos[1], "NUL byte in a text file");
      return null;
    }
    return text;
  }

  private void loadJson(Documents doc, byte[] data, int offset) {
    // The JSON parser rejects a NUL itself, at its position, after the values before it.
    String text = decode(doc, data, offset, data.length - offset, 1, false);
    if (text == null) {
      return;
    }
    try {
      new JsonComposer(limits).compose(text, document -> {
        // A top-level null is an empty document, as in YAML.
        if (document.root() != null) {
          doc.accept(document.root());
        }
      });
    } catch (LoadFailure failure) {
      doc.fail(failure.line, failure.column, failure.getMessage());
    }
  }

  /** Records the document at {@code line} as unreadable if its {@code length} is over the limit. */
  private boolean tooLarge(Documents doc, int length, int line) {
    if (length <= limits.maxDocumentBytes()) {
      return false;
    }
    doc.fail(line, 1, "document is larger than the limit of " + limits.maxDocumentBytes() + " bytes");
    return true;
  }

  /**
   * Decodes a chunk of a file that is not plain ASCII (its size checked first, so that a huge one
   * is not decoded), then reads it.
   */
  private void loadChunk(Documents doc, byte[] data, int offset, Chunk chunk) {
    if (tooLarge(doc, chunk.length, chunk.line)) {
      return;
    }
    String text = decode(doc, data, offset + chunk.start, chunk.length, chunk.line, true);
    if (text == null) {
      return;
    }
    int separator = unicodeLineBreak(text);
    if (separator >= 0) {
      int[] pos = position(text, chunk.line, separator);
      doc.fail(pos[0], pos[1], String.format(Locale.ROOT,
          "line break character U+%04X, which Kubernetes (YAML 1.1) reads as a new line and YAML 1.2 does not;"
          + " use a plain line feed", (int) text.charAt(separator)));
      return;
    }
    loadText(doc, text, 0, text.length(), chunk.line, text.contains("{{"));
  }

  /**
   * Reads the chunk {@code text[start, end)}, which starts at line {@code line}; {@code hint}
   * tells whether it holds {@code {{}, so that a template may be the cause of a failure.
   */
  private void loadText(Documents doc, String text, int start, int end, int line, boolean hint) {
    if (tooLarge(doc, end - start, line)) {
      return;
    }
    if (hint) {
      text = text.substring(start, end);
      start = 0;
      end = text.length();
      int template = Templates.lineStartAction(text);
      if (template >= 0) {
        int[] pos = position(text, line, template);
        doc.fail(pos[0], pos[1], Templates.MESSAGE);
        return;
      }
    }
    try {
      new YamlComposer(yamlSettings, limits, line - 1, hint).compose(text, start, end, document -> {
        if (document.root() != null) {
          doc.accept(document.root());
        }
      });
    } catch (LoadFailure failure) {
      doc.fail(failure.line, failure.column, failure.getMessage());
    } catch (StackOverflowError e) {
      doc.fail(line, 1, "nesting too deep to read");
    }
  }

  /**
   * Offset of the first NEL (U+0085), LINE SEPARATOR (U+2028) or PARAGRAPH SEPARATOR (U+2029), or
   * -1. Kubernetes' YAML reader (go-yaml, YAML 1.1) breaks lines at them, snakeyaml-engine (YAML
   * 1.2) does not: a comment ending in one would hide the rest of its line from the scan only.
   */
  private static int unicodeLineBreak(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return i;
      }
    }
    return -1;
  }

  private void toResources(Accumulator acc, Source source, int docIndex, Node root) {
    if (!root.isMap()) {
      acc.errors.add(new LoadError(source.name(), root.line(), root.column(),
          "a manifest must be a mapping, not a " + (root.isList() ? "list" : "scalar")));
      return;
    }
    addObject(acc, source, docIndex, root.asMap());
  }

  /**
   * Adds an object and the objects of its {@code items}. kubectl reads any object (with apiVersion
   * and kind) whose {@code items} is a list as a list, whatever its kind or name, creates its items
   * (lists nest) and not the object itself; an item with neither apiVersion nor kind takes those of
   * the list ({@code PodList} items are Pods), as the API server leaves them out of the items of a
   * typed list. A {@code List} or {@code *List} kind is only a wrapper, so only its items are
   * resources; any other kind with an {@code items} list is a resource too, since tools that apply
   * objects as they are would create it, and its items are resources because kubectl would create
   * them.
   */
  private void addObject(Accumulator acc, Source source, int docIndex, MapNode map) {
    Node items = map.get("items");
    String kind = map.get("kind").text("");
    if (!items.isList() || kind.isBlank() || map.get("apiVersion").text("").isBlank()) {
      addResource(acc, source, docIndex, map);
      return;
    }
    boolean wrapper = kind.endsWith("List");
    if (!wrapper) {
      addResource(acc, source, docIndex, map);
    }
    String itemKind = wrapper ? kind.substring(0, kind.length() - "List".length()) : kind;
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      if (!item.isMap()) {
        if (wrapper) {
          acc.errors.add(new LoadError(source.name(), item.line(), item.column(),
              "an item of a List must be a mapping"));
        }
        continue;
      }
      MapNode object = item.asMap();
      if (!itemKind.isEmpty() && map.get("apiVersion") instanceof ScalarNode apiVersion
          && object.get("apiVersion").isNull() && object.get("kind").isNull()) {
        object = withIdentity(object, apiVersion, itemKind, map.get("kind"));
      }
      addObject(acc, source, docIndex, object);
    }
  }

  /** {@code object} with {@code apiVersion} and {@code kind} (placed where the list has its own) added in front. */
  private static MapNode withIdentity(MapNode object, ScalarNode apiVersion, String kind, Node kindAt) {
    int n = object.size();
    ScalarNode[] keys = new ScalarNode[n + 2];
    Node[] values = new Node[n + 2];
    keys[0] = ScalarNode.ofString(apiVersion.line(), apiVersion.column(), "apiVersion", true);
    values[0] = apiVersion.copy();
    keys[1] = ScalarNode.ofString(kindAt.line(), kindAt.column(), "kind", true);
    values[1] = ScalarNode.ofString(kindAt.line(), kindAt.column(), kind, true);
    int k = 2;
    for (int i = 0; i < n; i++) {
      String key = object.key(i);
      if (key.equals("apiVersion") || key.equals("kind")) {
        continue;
      }
      keys[k] = object.keyNode(i);
      values[k] = object.value(i);
      k++;
    }
    return MapNode.of(object.line(), object.column(), Arrays.copyOf(keys, k), Arrays.copyOf(values, k));
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

  /**
   * Offset of the first byte that is not part of well-formed UTF-8 (as the JDK decoder judges it:
   * overlong forms, surrogates and code points above U+10FFFF included), or {@code to}.
   */
  private static int firstInvalidUtf8(byte[] data, int from, int to) {
    ByteBuffer in = ByteBuffer.wrap(data, from, to - from);
    CoderResult result = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(in, CharBuffer.allocate(to - from), true);
    return result.isError() ? in.position() : to;
  }

  /**
   * Line and column (1-based; columns count code points, line breaks are LF, CRLF and CR, as in
   * the YAML parser) of character {@code at} of {@code text}, whose first line is {@code firstLine}.
   */
  static int[] position(String text, int firstLine, int at) {
    int line = firstLine;
    int column = 1;
    for (int i = 0; i < at; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        column = 1;
      } else if (c != '\r' && !Character.isLowSurrogate(c)) {
        column++;
      }
    }
    return new int[] {line, column};
  }

  /**
   * A run of lines between {@code ---} separator lines: offsets into the file's text, which has
   * one character per byte when it is split.
   */
  static final class Chunk {
    final int start;
    final int length;
    final int line;

    Chunk(int start, int length, int line) {
      this.start = start;
      this.length = length;
      this.line = line;
    }

    /**
     * Splits where Kubernetes' YAML reader splits: at lines that start with {@code ---} followed
     * by nothing, whitespace or a comment; such a line belongs to no chunk. A line with content
     * after {@code ---} and a space ({@code --- {kind: Pod}}) starts a chunk and stays in it, so
     * the YAML parser reads it. A chunk of nothing but directives ({@code %YAML 1.1}) and comments
     * is kept together with the document that follows. {@code data} has one character per byte of
     * the file (ASCII, or Latin-1 decoding), so offsets are the same in bytes and in characters.
     */
    static List<Chunk> split(String data) {
      if (data.indexOf("---") < 0) {
        // No separator line anywhere: one chunk, found without walking the lines.
        return data.isEmpty() ? List.of() : List.of(new Chunk(0, data.length(), 1));
      }
      List<Chunk> chunks = new ArrayList<>();
      // Without a carriage return, lines end at line feeds, which indexOf finds many at a time.
      boolean lineFeedsOnly = data.indexOf('\r') < 0;
      int chunkStart = 0;
      int chunkLine = 1;
      boolean content = false;
      boolean directive = false;
      int line = 1;
      int i = 0;
      int n = data.length();
      while (i < n) {
        int lineStart = i;
        int end;
        int next;
        if (lineFeedsOnly) {
          end = data.indexOf('\n', i);
          end = end < 0 ? n : end;
          next = end < n ? end + 1 : n;
        } else {
          end = i;
          while (end < n && data.charAt(end) != '\n' && data.charAt(end) != '\r') {
            end++;
          }
          next = end;
          if (next < n) {
            next += data.charAt(next) == '\r' && next + 1 < n && data.charAt(next + 1) == '\n' ? 2 : 1;
          }
        }
        int separator = separator(data, lineStart, end);
        if (separator != NOT_SEPARATOR && directive && !content) {
          content = true;
        } else if (separator != NOT_SEPARATOR) {
          if (lineStart > chunkStart) {
            chunks.add(new Chunk(chunkStart, lineStart - chunkStart, chunkLine));
          }
          if (separator == BARE_SEPARATOR) {
            chunkStart = next;
            chunkLine = line + 1;
            content = false;
          } else {
            chunkStart = lineStart;
            chunkLine = line;
            content = true;
          }
          directive = false;
        } else if (!content) {
          int first = lineStart;
          while (first < end && (data.charAt(first) == ' ' || data.charAt(first) == '\t')) {
            first++;
          }
          if (first < end && data.charAt(first) != '#') {
            if (first == lineStart && data.charAt(first) == '%') {
              directive = true;
            } else {
              content = true;
            }
          }
        }
        line++;
        i = next;
      }
      if (n > chunkStart) {
        chunks.add(new Chunk(chunkStart, n - chunkStart, chunkLine));
      }
      return chunks;
    }

    static final int NOT_SEPARATOR = 0;
    static final int BARE_SEPARATOR = 1;
    static final int SEPARATOR_WITH_CONTENT = 2;

    private static int separator(String data, int start, int end) {
      if (end - start < 3 || data.charAt(start) != '-' || data.charAt(start + 1) != '-' || data.charAt(start + 2) != '-') {
        return NOT_SEPARATOR;
      }
      int i = start + 3;
      if (i == end || data.charAt(i) == '#') {
        return BARE_SEPARATOR;
      }
      if (data.charAt(i) != ' ' && data.charAt(i) != '\t') {
        return NOT_SEPARATOR;
      }
      while (i < end && (data.charAt(i) == ' ' || data.charAt(i) == '\t')) {
        i++;
      }
      return i == end || data.charAt(i) == '#' ? BARE_SEPARATOR : SEPARATOR_WITH_CONTENT;
    }
  }
}
