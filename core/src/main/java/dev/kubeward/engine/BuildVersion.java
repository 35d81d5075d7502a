/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of the build that made this jar, from {@code version.properties} (filtered by Maven). */
final class BuildVersion {

  /** What the version is when the classes were not built by Maven (an IDE's own compiler, say). */
  static final String UNKNOWN = "unknown";

  private BuildVersion() {}

  /** The project version, such as {@code 0.1.0} or {@code 0.2.0-SNAPSHOT}, or {@value #UNKNOWN}. */
  static String read() {
    try (InputStream in = BuildVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return UNKNOWN;
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "").strip();
      return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
    } catch (IOException e) {
      return UNKNOWN;
    }
  }
}
