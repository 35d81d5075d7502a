/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stable keys of findings: {@code rule|identity|discriminator}. The identity is
 * {@code group/Kind/namespace/name} with the namespace the object is applied to (none for
 * cluster-scoped kinds); an object without a name is identified by its file, relative to a base
 * folder (the configuration file's, or the working directory) and normalised, and its document
 * index. Nothing in a key depends on line numbers or on how a path was written on the command line.
 */
final class FindingKeys {

  private FindingKeys() {}

  /** {@code rule|identity|discriminator}. */
  static String key(String rule, String identity, String discriminator) {
    return rule + "|" + identity + "|" + discriminator;
  }

  /** The identity of {@code resource} in keys. */
  static String identity(Resource resource, String defaultNamespace, Path base) {
    String namespace = resource.groupKind().isClusterScoped() ? ""
        : resource.namespace() == null ? defaultNamespace : resource.namespace();
    String name = resource.name() != null ? resource.name()
        : "@" + normalisedFile(resource.source().name(), base) + "#" + resource.documentIndex();
    return resource.apiGroup() + "/" + resource.kind() + "/" + namespace + "/" + name;
  }

  /**
   * {@code file} relative to {@code base}, normalised, with {@code /} separators; the name itself
   * for standard input or a name that is not a path.
   */
  static String normalisedFile(String file, Path base) {
    if (file.equals("-")) {
      return "-";
    }
    try {
      Path absolute = Path.of(file).toAbsolutePath().normalize();
      Path relative = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
      return relative.toString().replace('\\', '/');
    } catch (IllegalArgumentException e) {
      return file;
    }
  }

  /**
   * {@code findings} (in report order) with keys made unique: a key met again gets {@code #2},
   * {@code #3}... in report order.
   */
  static List<Finding> unique(List<Finding> findings) {
    Map<String, Integer> seen = new HashMap<>(findings.size() * 4 / 3 + 1);
    List<Finding> out = null;
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      Integer n = seen.merge(f.key(), 1, Integer::sum);
      if (n > 1) {
        if (out == null) {
          out = new ArrayList<>(findings);
        }
        out.set(i, f.withKey(f.key() + "#" + n));
      }
    }
    return out == null ? findings : out;
  }
}
