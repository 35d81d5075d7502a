/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Manifests to assert on: files and directories, or a string. Loaded when an assertion scans them.
 */
public final class Manifests {

  private final String description;
  private final Function<Kubeward, ScanReport> scan;

  private Manifests(String description, Function<Kubeward, ScanReport> scan) {
    this.description = description;
    this.scan = scan;
  }

  /** Files and directories (directories are walked for {@code *.yaml}, {@code *.yml}, {@code *.json}). */
  public static Manifests at(Path first, Path... more) {
    List<String> paths = new ArrayList<>();
    paths.add(first.toString());
    for (Path p : more) {
      paths.add(p.toString());
    }
    return new Manifests(String.join(", ", paths), scanner -> scanner.scan(paths));
  }

  /** Manifests held in a string, reported under {@code name}. */
  public static Manifests of(String name, String yaml) {
    Objects.requireNonNull(yaml, "yaml");
    return new Manifests(name, scanner -> scanner.scanString(name, yaml));
  }

  /** Scans the manifests with {@code scanner}. */
  public ScanReport scanWith(Kubeward scanner) {
    return scan.apply(scanner);
  }

  @Override
  public String toString() {
    return description;
  }
}
