/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Picocli command models built with the programmatic API, for the commands every scan goes through:
 * {@code kubeward} and {@code kubeward scan}. Start-up time is the reason. From annotations, picocli
 * reflects over fields, has the JDK generate an annotation proxy class per annotation type (classes
 * that a class-data-sharing archive cannot hold), parses generic signatures and binds fields
 * reflectively, in every process: a large part of the start-up time of a one-file scan. The other
 * commands stay annotated; they are added only when asked for (see {@link Main}).
 */
final class CommandSpecs {

  /** The exit codes of a scan, the footer of the commands built here. */
  private static final String[] EXIT_CODES = {
    "  0  nothing at or above --fail-on",
    "  1  findings at or above --fail-on",
    "  2  usage error, or input that could not be fully checked"};

  private static final String HELP = "Show this help message and exit.";
  private static final String VERSION = "Print version information and exit.";

  private CommandSpecs() {}

  /**
   * A command named {@code name} that runs {@code command}, with {@code description}, the version
   * of {@link VersionProvider} and the exit codes of a scan as its footer. Its options come next,
   * then {@link #withHelpOptions}.
   */
  static CommandSpec command(String name, Callable<Integer> command, String... description) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name).versionProvider(new VersionProvider());
    spec.usageMessage().description(description).footerHeading("%nExit codes:%n").footer(EXIT_CODES);
    return spec;
  }

  /**
   * Adds {@code -h, --help} and {@code -V, --version} to {@code spec}, last, as picocli's
   * {@code mixinStandardHelpOptions} does (which would read the annotations of picocli's own mixin).
   */
  static CommandSpec withHelpOptions(CommandSpec spec) {
    return spec
        .addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description(HELP).build())
        .addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description(VERSION).build());
  }

  /** An option that takes one value, shown as {@code label}; the caller sets its type. */
  static OptionSpec.Builder option(String name, String label, String description) {
    return OptionSpec.builder(name).paramLabel(label).description(description);
  }

  /** An option that takes a string, null unless given. */
  static OptionSpec string(String name, String label, String description) {
    return option(name, label, description).type(String.class).build();
  }

  /** An option that may be given many times, each with a string: an empty list unless given. */
  static OptionSpec repeatable(String name, String label, String description) {
    return option(name, label, description).type(List.class).auxiliaryTypes(String.class).initialValue(List.of())
        .build();
  }

  /** An option without a value: false unless given. */
  static OptionSpec flag(String name, String description) {
    return OptionSpec.builder(name).type(boolean.class).initialValue(false).description(description).build();
  }
}
