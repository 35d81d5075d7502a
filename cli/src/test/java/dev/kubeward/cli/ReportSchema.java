/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code docs/report.schema.json}: {@link Cli#run} checks every JSON report a test scan prints
 * against it, so the documented format is the written one whatever the input.
 */
final class ReportSchema {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();

  private ReportSchema() {}

  /** Fails unless {@code json} is a JSON report as the schema describes it. */
  static void assertValid(String json) {
    try {
      assertThat(SCHEMA.validate(MAPPER.readTree(json))).as("problems of the JSON report with %s",
          "docs/report.schema.json").isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonSchema load() {
    try (InputStream in = Files.newInputStream(Path.of("../docs/report.schema.json"))) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
