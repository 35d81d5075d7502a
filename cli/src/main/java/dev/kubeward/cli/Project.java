/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What the build says about the project ({@code project.properties}, filtered from the POM). */
final class Project {

  private static final Properties PROPERTIES = load();

  private Project() {}

  /** The project's home page, the POM's {@code url}. */
  static String url() {
    return PROPERTIES.getProperty("url");
  }

  /** The rule documentation, {@code docs/rules.md}, on the project's home page; a rule's section is {@code #<id>}. */
  static String rulesDocumentation() {
    return url() + "/blob/main/docs/rules.md";
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = Project.class.getResourceAsStream("project.properties")) {
      if (in == null) {
        throw new IllegalStateException("project.properties is missing from the command line's jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
