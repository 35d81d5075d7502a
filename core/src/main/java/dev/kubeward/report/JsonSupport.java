/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Jackson generators for the JSON and SARIF writers: two-space indentation, as {@code jq} prints. */
final class JsonSupport {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private static final Separators SEPARATORS = Separators.createDefaultInstance()
      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
      .withObjectEmptySeparator("")
      .withArrayEmptySeparator("");

  private JsonSupport() {}

  /** A pretty-printing generator over {@code out} that leaves {@code out} open. */
  static JsonGenerator open(Writer out) throws IOException {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(SEPARATORS)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    JsonGenerator g = FACTORY.createGenerator(out);
    g.setPrettyPrinter(printer);
    return g;
  }

  /** Ends the document with a newline and flushes. */
  static void finish(JsonGenerator g, Writer out) throws IOException {
    g.flush();
    out.write('\n');
    out.flush();
  }

  static void stringArray(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
