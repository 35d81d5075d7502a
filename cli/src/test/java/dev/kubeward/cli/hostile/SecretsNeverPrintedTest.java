/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli.hostile;

import static dev.kubeward.cli.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.cli.Cli.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No secret value from the input ever reaches a report, in any format, on standard output, in
 * {@code --output} files or on standard error: not from Secrets ({@code data} and
 * {@code stringData}), env literals, ConfigMaps or annotations that every rule looks at, and not
 * from malformed documents whose errors are reported next to the secret they broke on.
 */
class SecretsNeverPrintedTest {

  // Credentials in the formats the secret rules recognise, and plain ones they know only by name.
  private static final String AWS_DATA = "AKIAQ3DATAKEYID77XYZ";
  private static final String AWS_STRING = "AKIAZ7STRINGDATA2QRS";
  private static final String AWS_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String AWS_ENV = "ASIAY4ENVLITERAL9TUV";
  private static final String AWS_CONFIG_MAP = "AKIAW2CONFIGMAPKEY5P";
  private static final String DATA_PASSWORD = "Hunter2-data-password";
  private static final String PEM_LINE_1 = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw";
  private static final String PEM_LINE_2 = "7hbYSkMFOAEWxUEhOwAVdHETyAEB8Gd6dSH8lvWSrVmDFwf0WO3jFDOOStdx2lJ05JN";
  private static final String PEM_ENV_LINE = "MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu";
  private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJrdWJld2FyZCJ9."
      + "Qm9ndXNTaWduYXR1cmVGb3JUZXN0aW5nT25seTEyMzQ1Ng";
  private static final String JWT_ENV = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJlbnYtbGl0ZXJhbCJ9."
      + "RW52TGl0ZXJhbFNpZ25hdHVyZVZhbHVlOTg3NjU0MzIx";
  private static final String GITHUB = "ghp_R8mQ2vL5nX9kT3wY7zB1cD4fG6hJ0pS2uV5x";
  private static final String ENV_PASSWORD = "Tr0ub4dor&3-env-literal";
  private static final String URL_PASSWORD = "UrlPassw0rd-in-dsn";
  private static final String CONFIG_MAP_PASSWORD = "cm-literal-P4ssw0rd";
  private static final String ANNOTATION_TOKEN = "hvs.CAESIAnnotationVaultToken0123456789";
  private static final String LAST_APPLIED = "last-applied-S3cret-9f8e7d";
  private static final String BROKEN_YAML = "BrokenYamlSecret-1a2b3c";
  private static final String BROKEN_JSON = "BrokenJsonSecret-4d5e6f";
  private static final String DUPLICATE_KEY = "DupKeySecret-7a8b9c";
  private static final String ALIAS_LIKE = "AliasLikeSecret-0c1d2e";
  private static final String ANCHOR_LIKE = "AnchorLikeSecret-3f4a5b";
  private static final String TAG_LIKE = "TagLikeSecret-6c7d8e";
  private static final String HELM = "HelmSecret-9a0b1c";
  private static final String BAD_UTF8 = "BadUtf8Secret-2d3e4f";
  private static final String BAD_INDENT = "BadIndentSecret-5a6b7c";
  private static final String JSON_DUPLICATE = "JsonDupSecret-8d9e0f";

  /** Every secret, and for the base64 ones also the encoded form. */
  private static final List<String> SECRETS = List.of(AWS_DATA, base64(AWS_DATA), AWS_STRING, AWS_SECRET_KEY,
      AWS_ENV, AWS_CONFIG_MAP, DATA_PASSWORD, base64(DATA_PASSWORD), PEM_LINE_1, PEM_LINE_2, PEM_ENV_LINE, JWT,
      "Qm9ndXNTaWduYXR1cmVGb3JUZXN0aW5nT25seTEyMzQ1Ng", JWT_ENV, GITHUB, ENV_PASSWORD, URL_PASSWORD,
      CONFIG_MAP_PASSWORD, ANNOTATION_TOKEN, LAST_APPLIED, BROKEN_YAML, BROKEN_JSON, DUPLICATE_KEY, ALIAS_LIKE,
      ANCHOR_LIKE, TAG_LIKE, HELM, BAD_UTF8, BAD_INDENT, JSON_DUPLICATE, "Hunter2", "Tr0ub4dor", "P4ssw0rd");

  @TempDir
  static Path dir;

  @BeforeAll
  static void writeInputs() throws IOException {
    Path in = Files.createDirectory(dir.resolve("in"));
    Files.writeString(in.resolve("secrets.yaml"), """
        apiVersion: v1
        kind: Secret
        metadata:
          name: aws
          namespace: shop
          annotations:
            vault.example.com/token: "%s"
            kubectl.kubernetes.io/last-applied-configuration: '{"apiVersion":"v1","kind":"Secret","stringData":{"k":"%s"}}'
        type: Opaque
        data:
          aws_access_key_id: %s
          password: %s
        stringData:
          id: %s
          aws_secret_access_key: %s
          token: %s
          tls.key: |
            -----BEGIN RSA PRIVATE KEY-----
            %s
            %s
            -----END RSA PRIVATE KEY-----
        """.formatted(ANNOTATION_TOKEN, LAST_APPLIED, base64(AWS_DATA), base64(DATA_PASSWORD), AWS_STRING,
        AWS_SECRET_KEY, JWT, PEM_LINE_1, PEM_LINE_2));
    Files.writeString(in.resolve("workload.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          annotations:
            ignore.kubeward.dev/secret-as-env-var: "reviewed, see ticket 42"
        spec:
          template:
            metadata:
              annotations:
                ci.example.com/deploy-token: %s
            spec:
              containers:
              - name: app
                image: registry.example.com/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                env:
                - name: AWS_ACCESS_KEY_ID
                  value: %s
                - name: DB_PASSWORD
                  value: "%s"
                - name: SESSION
                  value: %s
                - name: GITHUB_TOKEN
                  value: %s
                - name: DATABASE_URL
                  value: postgres://app:%s@db:5432/app
                - name: FROM_SECRET
                  valueFrom:
                    secretKeyRef: {name: aws, key: token}
                - name: SIGNING_KEY
                  value: |
                    -----BEGIN PRIVATE KEY-----
                    %s
                    -----END PRIVATE KEY-----
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: shop
        data:
          db_password: %s
          aws_key: %s
        """.formatted(GITHUB, AWS_ENV, ENV_PASSWORD, JWT_ENV, GITHUB, URL_PASSWORD, PEM_ENV_LINE, CONFIG_MAP_PASSWORD,
        AWS_CONFIG_MAP));
    // Each document but one breaks right at (or just after) its secret; the anchor is valid YAML.
    String head = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: broken\n  namespace: shop\nstringData:\n";
    Files.writeString(in.resolve("broken.yaml"), String.join("---\n",
        head + "  token: \"" + BROKEN_YAML + "\n",
        head + "  password: " + DUPLICATE_KEY + "\n  password: " + DUPLICATE_KEY + "\n",
        head + "  password: *" + ALIAS_LIKE + "\n",
        head + "  password: &" + ANCHOR_LIKE + "\n    nested: x\n",
        head + "  password: !" + TAG_LIKE + " [\n",
        head + "  token: {{ .Values.token }}" + HELM + "\n",
        head + "  token: " + BAD_INDENT + "\n    other: x\n"));
    Files.write(in.resolve("broken-utf8.yaml"), concat(head + "  token: " + BAD_UTF8,
        new byte[] {(byte) 0xC3, (byte) 0x28}, "\n"));
    Files.writeString(in.resolve("broken.json"),
        "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"j\"}, \"stringData\": {\"token\": "
            + BROKEN_JSON + "}}\n");
    Files.writeString(in.resolve("duplicate.json"),
        "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"d\"}, \"stringData\": {\"token\": \""
            + JSON_DUPLICATE + "\", \"token\": \"" + JSON_DUPLICATE + "\"}}\n");
  }

  @Test
  void theInputIsReadAndTheSecretsAreFoundWithoutBeingQuoted() throws IOException {
    Result r = cli().discovering().in(dir).run("scan", "--profile", "all", "--format", "json", "in");
    Object report = JsonTree.parse(r.out());

    // The rules saw the secrets (so the absence of values below means something) ...
    TreeSet<String> rules = new TreeSet<>();
    for (Map<String, Object> f : JsonTree.<List<Map<String, Object>>>at(report, "findings")) {
      rules.add((String) f.get("rule"));
    }
    assertThat(rules).contains("hardcoded-env-secret", "secret-in-manifest", "secret-in-config-map",
        "secret-as-env-var");
    // ... and every broken document is an error with a position.
    List<String> errors = new ArrayList<>();
    for (Map<String, Object> e : JsonTree.<List<Map<String, Object>>>at(report, "errors")) {
      assertThat((Integer) e.get("line")).as("line of %s", e).isPositive();
      errors.add(e.get("file") + ":" + e.get("line"));
    }
    String in = dir.resolve("in") + "/";
    assertThat(errors).containsExactly(in + "broken-utf8.yaml:7", in + "broken.json:1", in + "broken.yaml:8",
        in + "broken.yaml:16", in + "broken.yaml:24", in + "broken.yaml:42", in + "broken.yaml:49",
        in + "broken.yaml:58", in + "duplicate.json:1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertNoSecretIn("json report", r.out());
    assertNoSecretIn("standard error", r.err());
  }

  /** How a report names in/broken.yaml: SARIF relative to the working directory, the others as resolved. */
  private static String brokenFileAsWritten(String format) {
    return format.equals("sarif") ? "\"uri\": \"in/broken.yaml\"" : "/in/broken.yaml";
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif", "junit"})
  void noFormatPrintsASecret(String format) {
    Result r = cli().discovering().in(dir).run("scan", "--profile", "all", "--format", format, "in");

    assertThat(r.out()).contains(brokenFileAsWritten(format));
    assertNoSecretIn(format + " on standard output", r.out());
    assertNoSecretIn(format + ": standard error", r.err());
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif", "junit"})
  void noReportFileHoldsASecret(String format) throws IOException {
    Path file = dir.resolve("report-" + format);
    Result r = cli().discovering().in(dir).run("scan", "--profile", "all", "--format", format, "--output",
        file.getFileName().toString(), "in");

    String written = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(written).contains(brokenFileAsWritten(format));
    assertNoSecretIn(format + " in " + file, written);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("/in/broken.yaml:8:1: malformed YAML");
    assertNoSecretIn(format + ": standard error", r.err());
    assertThat(r.exitCode()).isEqualTo(2);
  }

  private static void assertNoSecretIn(String where, String text) {
    for (String secret : SECRETS) {
      assertThat(text).as("%s", where).doesNotContain(secret);
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(String before, byte[] middle, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
