/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import dev.kubeward.model.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the folders around a file say about it: the kustomize patches that a kustomization file
 * lists (partial objects, checked as such), and the Helm chart a template belongs to.
 */
final class Kustomizations {

  /** The names kustomize reads a kustomization from, in its order. */
  static final String[] NAMES = {"kustomization.yaml", "kustomization.yml", "Kustomization"};

  /** A kustomization larger than this is not read for patches. */
  private static final int MAX_BYTES = 1 << 20;

  /**
   * A file that a kustomization lists as a patch.
   *
   * @param kustomization the kustomization file as shown to the user
   * @param dir its folder as shown to the user
   */
  record Patch(String kustomization, String dir) {

    /** The notice of a strategic merge patch, checked as a partial object. */
    String notice() {
      return "kustomize patch listed in " + kustomization + ", checked as a partial object (findings about"
          + " fields it leaves out are dropped); check the whole result: kubectl kustomize " + dir
          + " | kubeward scan -";
    }

    /** Why a patch file that holds no object (JSON 6902 operations) is skipped. */
    String skipReason() {
      return "JSON 6902 patch listed in " + kustomization + ", not an object; check the whole result:"
          + " kubectl kustomize " + dir + " | kubeward scan -";
    }
  }

  private Kustomizations() {}

  /**
   * Adds to {@code patches} (keyed by normalised absolute path) the patch files that the
   * kustomization in {@code dir} (shown as {@code display}) lists, if there is one. A
   * kustomization that cannot be read lists nothing here; the load reports it as any file.
   */
  static void collect(Path dir, String display, LoadLimits limits, Map<Path, Patch> patches) {
    for (String name : NAMES) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      Node root;
      try {
        if (Files.size(file) > MAX_BYTES) {
          return;
        }
        root = parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), limits);
      } catch (IOException | LoadFailure | RuntimeException | StackOverflowError e) {
        return;
      }
      String shown = (display.isEmpty() || display.equals(".") ? "" : display + "/") + name;
      String dirShown = display.isEmpty() ? "." : display;
      Path base = dir.toAbsolutePath().normalize();
      for (Node entry : items(root.get("patchesStrategicMerge"))) {
        String path = entry.isScalar() ? entry.text() : null;
        if (path != null && path.indexOf('\n') < 0 && !path.isBlank()) {
          patches.putIfAbsent(base.resolve(path.strip()).normalize(), new Patch(shown, dirShown));
        }
      }
      for (Node entry : items(root.get("patches"))) {
        String path = entry.get("path").text();
        if (path != null && !path.isBlank()) {
          patches.putIfAbsent(base.resolve(path.strip()).normalize(), new Patch(shown, dirShown));
        }
      }
      for (Node entry : items(root.get("patchesJson6902"))) {
        String path = entry.get("path").text();
        if (path != null && !path.isBlank()) {
          patches.putIfAbsent(base.resolve(path.strip()).normalize(), new Patch(shown, dirShown));
        }
      }
      return;
    }
  }

  private static Node parse(String text, LoadLimits limits) throws LoadFailure {
    Node[] root = {Node.MISSING};
    new TokenComposer(YamlComposer.settings(limits), limits, 0, false).compose(text, document -> {
      if (root[0].isMissing() && document.root() != null) {
        root[0] = document.root();
      }
    });
    return root[0];
  }

  private static Iterable<Node> items(Node list) {
    if (!list.isList()) {
      return java.util.List.of();
    }
    java.util.List<Node> out = new java.util.ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(list.get(i));
    }
    return out;
  }

  /**
   * The folder of the {@code Chart.yaml} beside or above {@code file}, shown as the file is
   * ({@code display}, with as many names taken off its end), or relative to the working directory
   * when the display name is too short for that; {@code null} when there is none.
   */
  static String chartOf(Path file, String display) {
    Path dir = file.toAbsolutePath().normalize().getParent();
    int up = 0;
    while (dir != null) {
      up++;
      if (Files.isRegularFile(dir.resolve("Chart.yaml"))) {
        String shown = display;
        for (int i = 0; i < up && shown != null; i++) {
          int slash = shown.lastIndexOf('/');
          shown = slash < 0 ? null : slash == 0 ? "/" : shown.substring(0, slash);
        }
        if (shown != null && !shown.isEmpty() && !shown.endsWith("..") && !shown.endsWith("/.")) {
          return shown;
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (dir.startsWith(cwd)) {
          String relative = cwd.relativize(dir).toString().replace(java.io.File.separatorChar, '/');
          return relative.isEmpty() ? "." : relative;
        }
        return dir.toString();
      }
      dir = dir.getParent();
    }
    return null;
  }
}
