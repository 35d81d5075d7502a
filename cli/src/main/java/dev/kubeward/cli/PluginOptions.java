/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code --plugin PATH}, shared by the commands that read rules. Plugins also come from
 * {@code KUBEWARD_PLUGIN_PATH} (paths separated as in a class path) and, for {@code scan}, from a
 * configuration file given with {@code --config}. An annotated command takes it as a mixin;
 * {@code scan}, whose model is built in code, takes {@link #option()}.
 */
final class PluginOptions {

  /** The environment variable that lists plugins for every run. */
  static final String VARIABLE = "KUBEWARD_PLUGIN_PATH";

  private static final String NAME = "--plugin";
  private static final String LABEL = "PATH";
  private static final String DESCRIPTION = "load rules from a plugin: a jar file, or a directory of jars"
      + " (repeatable; also " + VARIABLE + ")";

  @Option(names = NAME, paramLabel = LABEL, description = DESCRIPTION)
  private List<String> paths = new ArrayList<>();

  /** Options that picocli fills in, as the mixin of an annotated command. */
  PluginOptions() {}

  private PluginOptions(List<String> paths) {
    this.paths = paths;
  }

  /** {@code --plugin}, for a command whose model is built in code. */
  static OptionSpec option() {
    return CommandSpecs.repeatable(NAME, LABEL, DESCRIPTION);
  }

  /** The plugins given to {@code spec}, a command parsed with {@link #option()}. */
  static PluginOptions of(CommandSpec spec) {
    return new PluginOptions(spec.findOption(NAME).getValue());
  }

  /**
   * The plugins of {@code KUBEWARD_PLUGIN_PATH}, then {@code more}, then those of the command
   * line; relative paths of the first and last resolve against the working directory.
   */
  List<Plugins.Source> sources(Environment env, List<Plugins.Source> more) {
    List<Plugins.Source> sources = new ArrayList<>();
    String variable = env.variables().get(VARIABLE);
    if (variable != null) {
      for (String entry : variable.split(File.pathSeparator, -1)) {
        if (!entry.isBlank()) {
          sources.add(new Plugins.Source(entry, Path.of(env.resolve(entry))));
        }
      }
    }
    sources.addAll(more);
    for (String path : paths) {
      if (path.isEmpty()) {
        throw new UsageException("an empty plugin path was given");
      }
      sources.add(new Plugins.Source(path, Path.of(env.resolve(path))));
    }
    return sources;
  }

  /** Loads the plugins of {@code KUBEWARD_PLUGIN_PATH} and the command line. */
  Plugins load(Environment env) {
    return Plugins.load(sources(env, List.of()));
  }
}
