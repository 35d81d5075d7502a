/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Error messages never quote values of the input: manifests hold Secrets. */
class NoInputInMessagesTest {

  private static final String SECRET = "hunter2SecretValue";

  private static final List<String> YAML = List.of(
      "apiVersion: v1\nkind: Secret\nstringData:\n  password: '" + SECRET + "' trailing\n",
      "apiVersion: v1\nkind: Secret\nstringData:\n  password: \"" + SECRET + "\n",
      "apiVersion: v1\nkind: Secret\nstringData:\n  password: " + SECRET + ": x\n",
      "apiVersion: v1\nkind: Secret\nstringData:\n  password: [" + SECRET + "\n",
      "apiVersion: v1\nkind: Secret\nstringData:\n  password: {" + SECRET + "\n",
      "apiVersion: v1\nkind: Secret\nstringData:\n  password: " + SECRET + "\n bad: indent\n",
      "apiVersion: v1\nkind: Secret\nstringData:\n\tpassword: " + SECRET + "\n",
      "apiVersion: v1\nkind: Secret\nstringData:\n  password: !" + SECRET + "! x\n",
      "apiVersion: v1\nkind: Secret\nstringData:\n  password: \"\\q" + SECRET + "\"\n",
      "apiVersion: v1\nkind: Secret\nstringData:\n  password: &a " + SECRET + "\n  other: *b\n",
      "apiVersion: v1\nkind: Secret\nstringData:\n  password: &a " + SECRET + "\n  <<: *a\n",
      "apiVersion: v1\nkind: Secret\nstringData:\n  password: |0\n    " + SECRET + "\n",
      "apiVersion: v1\nkind: Secret\nstringData:\n  password: @" + SECRET + "\n",
      "apiVersion: v1\nkind: Secret\nstringData:\n  password: `" + SECRET + "\n",
      "apiVersion: v1\nkind: Secret\nstringData:\n  password: " + SECRET + "\n  password: " + SECRET + "\n",
      "apiVersion: v1\nkind: Secret\nstringData:\n  password: x-{{ " + SECRET + " }}\n",
      "apiVersion: v1\nkind: Secret\nstringData:\n  password: " + SECRET + "\u0000\n",
      SECRET + "\n",
      "- " + SECRET + "\n",
      "%" + SECRET + " 1\n---\napiVersion: v1\n",
      "apiVersion: v1\nkind: " + SECRET + "List\nitems: [" + SECRET + "]\n");

  private static final List<String> JSON = List.of(
      "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"data\": {\"password\": \"" + SECRET + "\" x}}",
      "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"data\": {\"password\": " + SECRET + "}}",
      "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"data\": {\"password\": \"" + SECRET + "}}",
      "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"data\": {\"password\": \"" + SECRET + "\n\"}}",
      "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"data\": {\"password\": 0" + SECRET + "}}",
      "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"data\": {\"password\": \"\\q" + SECRET + "\"}}",
      "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"data\": {\"" + SECRET + "\" 1}}",
      "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"data\": {\"password\": tru" + SECRET + "}}");

  @Test
  void noMessageQuotesASecretValue() {
    List<LoadError> errors = new ArrayList<>();
    int skipped = 0;
    int partial = 0;
    for (String yaml : YAML) {
      LoadResult result = Loader.defaults().loadString("secret.yaml", yaml);
      assertThat(result.errors().size() + result.skipped().size() + result.partial().size()).as(yaml).isPositive();
      assertThat(result.skipped()).allSatisfy(file -> assertThat(file.toString()).doesNotContain(SECRET));
      assertThat(result.partial()).allSatisfy(p -> assertThat(p.toString()).doesNotContain(SECRET));
      skipped += result.skipped().size();
      partial += result.partial().size();
      errors.addAll(result.errors());
    }
    for (String json : JSON) {
      LoadResult result = Loader.defaults().loadString("secret.json", json);
      assertThat(result.errors()).as(json).isNotEmpty();
      errors.addAll(result.errors());
    }

    // A document that is no object at all (a bare scalar or list) skips its file, naming only the file.
    // A template placeholder in a value is valid YAML: read, and reported as checked in part.
    assertThat(errors).hasSize(YAML.size() + JSON.size() - skipped - partial);
    assertThat(skipped).isEqualTo(3);
    assertThat(partial).isEqualTo(1);
    assertThat(errors).allSatisfy(e -> {
      assertThat(e.message()).doesNotContain(SECRET).doesNotContain("hunter").doesNotContain("Value");
      assertThat(e.message()).doesNotContain("\n").doesNotEndWith(".");
      assertThat(e.line()).isPositive();
      assertThat(e.column()).isPositive();
    });
  }

  @Test
  void parserMessagesLoseTheirQuotationsAndNameTokensInYamlTerms() {
    assertThat(Messages.redact("expected <block end>, but found '<scalar>'")).isEqualTo("expected the end of an indented block, but found a plain value");
    assertThat(Messages.redact("expected ',' or ']', but found the end of the input")).isEqualTo("expected ',' or ']', but found the end of the input");
    assertThat(Messages.redact("Unrecognized token 'secret': was expecting 'null', 'true' or 'false'"))
        .isEqualTo("Unrecognized token '...': was expecting '...', '...' or '...'");
    assertThat(Messages.redact("found \"quoted text\" here.")).isEqualTo("found \"...\" here");
    assertThat(Messages.redact("found undefined tag handle !secret!")).isEqualTo("found undefined tag handle");
    assertThat(Messages.redact("found unknown escape character q(113)")).isEqualTo("found unknown escape character");
    assertThat(Messages.redact("found character '@' that cannot start any token. (Do not use @ for indentation)"))
        .isEqualTo("found character '@' that cannot start any token");
    assertThat(Messages.redact("first line\n  in reader, line 1:\n    password: secret")).isEqualTo("first line");
    assertThat(Messages.redact(null)).isEqualTo("unexpected input");
    assertThat(Messages.redact("  ")).isEqualTo("unexpected input");
  }

  @Test
  void longKeysAreShortenedAndControlCharactersHidden() {
    assertThat(Messages.key("a".repeat(100))).isEqualTo("a".repeat(61) + "...");
    assertThat(Messages.key("a\tb\u007f")).isEqualTo("a?b?");
  }
}
