/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import dev.kubeward.report.CatalogueFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kubeward rules}: the rule catalogue, from rule metadata. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Lists every rule: id, title, severity, topic, controls and parameters.")
final class RulesCommand implements Callable<Integer> {

  private final Environment env;
  private final PrintWriter out;

  @Option(names = "--format", paramLabel = "FORMAT", converter = Converters.Catalogue.class,
      description = "text, json or markdown (default: text)")
  private CatalogueFormat format = CatalogueFormat.TEXT;

  @Mixin
  private PluginOptions plugins = new PluginOptions();

  RulesCommand(Environment env, PrintWriter out) {
    this.env = env;
    this.out = out;
  }

  @Override
  public Integer call() throws IOException {
    try (Plugins loaded = plugins.load(env)) {
      format.write(Main.catalogue(env, loaded), out);
    }
    return 0;
  }
}
