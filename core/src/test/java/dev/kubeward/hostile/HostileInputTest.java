/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.load.LoadError;
import java.util.Set;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input small enough to scan in the test JVM: broken encodings, NUL bytes, random bytes
 * between documents, link loops, unreadable files. Each is put next to a privileged Pod whose
 * finding must still be reported; the hostile part must become an error with a position and a
 * plain message, never an exception.
 */
class HostileInputTest {

  private static final Kubeward SCANNER = Kubeward.builder().rules(TestRules.all()).skipRules(Set.of(Kubeward.DUPLICATE_OBJECT)).build();

  @TempDir
  Path dir;

  /** {@code hostile.yaml}: a ConfigMap whose name (line 4, column 10) is followed by {@code bad}, then the Pod. */
  private static byte[] withBadName(byte[] bad) {
    return bytes(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x".getBytes(StandardCharsets.UTF_8),
        bad,
        "y\n---\n".getBytes(StandardCharsets.UTF_8),
        Pods.privileged("next").getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "truncated two-byte sequence, C3",
      "two-byte lead before ASCII, C328",
      "stray continuation byte, 80",
      "byte never used in UTF-8, FF",
      "overlong two-byte slash, C0AF",
      "overlong three-byte form, E080AF",
      "UTF-16 surrogate encoded in UTF-8, EDA080",
      "code point above U+10FFFF, F4908080",
      "five-byte form, F888808080",
  })
  void invalidUtf8IsAnErrorAtTheFirstBadByte(String what, String hex) {
    ScanReport report = SCANNER.scan(SCANNER.loader().loadBytes("hostile.yaml", withBadName(hex(hex))));

    assertThat(ScanMain.render(report)).containsExactly(
        "files 1 documents 2 resources 1",
        "error hostile.yaml:4:10: invalid UTF-8 byte sequence",
        "finding " + Pods.finding("hostile.yaml:14:19", "next"));
  }

  @Test
  void invalidUtf8PositionCountsCharactersNotBytes() {
    byte[] yaml = withBadName(bytes("\u00e9\u20ac\ud83d\ude00".getBytes(StandardCharsets.UTF_8), hex("EDA080")));

    ScanReport report = SCANNER.scan(SCANNER.loader().loadBytes("hostile.yaml", yaml));

    assertThat(report.errors()).containsExactly(new LoadError("hostile.yaml", 4, 13, "invalid UTF-8 byte sequence"));
  }

  @Test
  void nulByteIsAnErrorAtItsPosition() {
    ScanReport report = SCANNER.scan(SCANNER.loader().loadBytes("hostile.yaml", withBadName(new byte[] {0})));

    assertThat(ScanMain.render(report)).containsExactly(
        "files 1 documents 2 resources 1",
        "error hostile.yaml:4:10: NUL byte in a text file",
        "finding " + Pods.finding("hostile.yaml:14:19", "next"));
  }

  @Test
  void nulByteInJsonIsAnErrorAfterTheDocumentsBeforeIt() {
    String json = Pods.privilegedJson("first") + "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {\"k\": \"x\0y\"}}\n";

    ScanReport report = SCANNER.scan(SCANNER.loader().loadString("hostile.json", json));

    assertThat(ScanMain.render(report)).containsExactly(
        "files 1 documents 2 resources 1",
        "error hostile.json:2:59: NUL byte in a text file",
        "finding " + Pods.finding("hostile.json:1:" + (Pods.privilegedJson("first").indexOf("true") + 1), "first"));
  }

  @Test
  void topLevelJsonNullIsAnEmptyDocument() {
    // Found by ScanFuzzTest: the null reached the resource builder and a NullPointerException escaped.
    String json = Pods.privilegedJson("first") + "null\n" + Pods.privilegedJson("after");
    int column = Pods.privilegedJson("first").indexOf("true") + 1;

    ScanReport report = SCANNER.scan(SCANNER.loader().loadString("stream.json", json));

    assertThat(ScanMain.render(report)).containsExactly(
        "files 1 documents 2 resources 2",
        "finding " + Pods.finding("stream.json:1:" + column, "first"),
        "finding " + Pods.finding("stream.json:3:" + column, "after"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "\\x, 9, unreadable input",
      "\\u, 9, unreadable input",
      "\\U, 9, unreadable input",
      "\\x4, 10, found unexpected end of the input",
      "\\u00e, 12, found unexpected end of the input",
      "\\U0001F60, 16, found unexpected end of the input",
  })
  void escapeCutOffByTheEndOfTheFileIsAnError(String escape, int column, String problem) {
    // Found by ScanFuzzTest: snakeyaml-engine throws NumberFormatException for a cut-off \\x escape.
    String yaml = Pods.privileged("first") + "---\napiVersion: v1\nkind: ConfigMap\ndata:\n  k: \"" + escape;

    ScanReport report = SCANNER.scan(SCANNER.loader().loadString("cut.yaml", yaml));

    assertThat(ScanMain.render(report)).containsExactly(
        "files 1 documents 2 resources 1",
        "error cut.yaml:14:" + column + ": malformed YAML: " + problem,
        "finding " + Pods.finding("cut.yaml:9:19", "first"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
  void utf16WithAByteOrderMarkIsReadAndPositionedInCharacters(String charset) {
    String text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \u00e9t\u00e9\ndata: [\n---\n"
        + Pods.privileged("next");
    byte[] bom = charset.endsWith("LE") ? hex("FFFE") : hex("FEFF");

    ScanReport report = SCANNER.scan(SCANNER.loader().loadBytes("utf16.yaml",
        bytes(bom, text.getBytes(java.nio.charset.Charset.forName(charset)))));

    assertThat(ScanMain.render(report)).containsExactly(
        "files 1 documents 2 resources 1",
        "error utf16.yaml:6:1: malformed YAML: expected a value, but found the end of the input",
        "finding " + Pods.finding("utf16.yaml:15:19", "next"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "odd number of bytes, FFFE4100420043",
      "lone high surrogate, FFFE00D84100",
      "lone low surrogate big endian, FEFFDC000041",
  })
  void brokenUtf16IsAnErrorForTheFile(String what, String hex) {
    ScanReport report = SCANNER.scan(SCANNER.loader().loadBytes("utf16.yaml", hex(hex)));

    assertThat(ScanMain.render(report)).containsExactly(
        "files 1 documents 1 resources 0",
        "error utf16.yaml:1:1: invalid UTF-16 text");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
  void randomBytesBetweenDocumentsDoNotHideTheirNeighbours(long seed) {
    Random random = new Random(seed);
    int lines = 1 + random.nextInt(40);
    ByteArrayOutputStream noise = new ByteArrayOutputStream();
    for (int i = 0; i < lines; i++) {
      int length = random.nextInt(80);
      for (int j = 0; j < length; j++) {
        int b = random.nextInt(256);
        noise.write(b == '\n' || b == '\r' ? ' ' : b);
      }
      noise.write('\n');
    }
    assertRandomNoiseIsContained("binary", noise.toByteArray(), lines);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
  void randomYamlPunctuationBetweenDocumentsDoesNotHideTheirNeighbours(long seed) {
    Random random = new Random(seed);
    String alphabet = " \t-:?,[]{}#&*!|>'\"%@`\\abc01.~<=";
    int lines = 1 + random.nextInt(40);
    StringBuilder noise = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      int length = random.nextInt(60);
      for (int j = 0; j < length; j++) {
        noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      noise.append('\n');
    }
    assertRandomNoiseIsContained("punctuation", noise.toString().getBytes(StandardCharsets.UTF_8), lines);
  }

  /** Pod (lines 1-9), {@code ---} (10), noise (11 to 10 + lines), {@code ---}, Pod. */
  private static void assertRandomNoiseIsContained(String what, byte[] noise, int lines) {
    byte[] input = bytes(Pods.privileged("first").getBytes(StandardCharsets.UTF_8), "---\n".getBytes(StandardCharsets.UTF_8),
        noise, "---\n".getBytes(StandardCharsets.UTF_8), Pods.privileged("last").getBytes(StandardCharsets.UTF_8));
    int lastPod = 10 + lines + 2;

    ScanReport report = SCANNER.scan(SCANNER.loader().loadBytes(what + ".yaml", input));

    assertThat(report.findings()).filteredOn(f -> f.rule().equals(TestRules.Privileged.ID))
        .extracting(Finding::toString)
        .containsExactly(
            Pods.finding(what + ".yaml:9:19", "first"),
            Pods.finding(what + ".yaml:" + (lastPod + 8) + ":19", "last"));
    assertThat(report.resources()).isGreaterThanOrEqualTo(2);
    for (LoadError e : report.errors()) {
      assertThat(e.file()).isEqualTo(what + ".yaml");
      assertThat(e.line()).as("line of %s", e).isBetween(11, 10 + lines);
      assertThat(e.column()).as("column of %s", e).isPositive();
      assertThat(e.message()).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
    }
  }

  @Test
  void symbolicLinkLoopIsNeitherFollowedNorFatal() throws IOException {
    Path in = Files.createDirectory(dir.resolve("in"));
    Files.writeString(in.resolve("good.yaml"), Pods.privileged("good"));
    Path sub = Files.createDirectory(in.resolve("sub"));
    Files.createSymbolicLink(sub.resolve("up"), Path.of(".."));
    Files.createSymbolicLink(in.resolve("self.yaml"), Path.of("self.yaml"));
    String root = in.toString();

    // By default links to directories are not followed; a link named like a manifest that loops is
    // reported (kubectl would try to read it).
    assertThat(ScanMain.render(SCANNER.scan(List.of(root)))).containsExactly(
        "files 1 documents 1 resources 1",
        "error " + root + "/self.yaml: symbolic link loop; not followed",
        "finding " + Pods.finding(root + "/good.yaml:9:19", "good"));

    // Following links, both loops are reported (walk errors first, in name order), and the file is
    // still read once.
    assertThat(ScanMain.render(SCANNER.scan(SCANNER.loader().followingLinks(true).load(in)))).containsExactly(
        "files 1 documents 1 resources 1",
        "error " + root + "/self.yaml: symbolic link loop; not followed",
        "error " + root + "/sub/up: symbolic link loop; not followed",
        "finding " + Pods.finding(root + "/good.yaml:9:19", "good"));
  }

  @Test
  void fileWithoutReadPermissionIsAnErrorForThatFileOnly() throws IOException {
    Path in = Files.createDirectory(dir.resolve("in"));
    Files.writeString(in.resolve("good.yaml"), Pods.privileged("good"));
    Path locked = Files.writeString(in.resolve("locked.yaml"), Pods.privileged("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(locked),
          "this process can read a file with mode 000 (it runs as root or with CAP_DAC_OVERRIDE),"
              + " so permission denial cannot be produced here");

      assertThat(ScanMain.render(SCANNER.scan(List.of(in.toString())))).containsExactly(
          "files 1 documents 1 resources 1",
          "error " + in + "/locked.yaml: cannot read file: permission denied",
          "finding " + Pods.finding(in + "/good.yaml:9:19", "good"));
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void directoryNamedLikeAManifestIsWalkedNotRead() throws IOException {
    Path in = Files.createDirectory(dir.resolve("in"));
    Path fake = Files.createDirectory(in.resolve("deploy.yaml"));
    Files.writeString(fake.resolve("pod.yml"), Pods.privileged("inner"));
    Files.writeString(in.resolve("good.yaml"), Pods.privileged("good"));

    assertThat(ScanMain.render(SCANNER.scan(List.of(in.toString(), fake.toString())))).containsExactly(
        "files 3 documents 3 resources 3",
        "finding " + Pods.finding(in + "/deploy.yaml/pod.yml:9:19", "inner"),
        "finding " + Pods.finding(in + "/deploy.yaml/pod.yml:9:19", "inner"),
        "finding " + Pods.finding(in + "/good.yaml:9:19", "good"));
  }

  private static byte[] hex(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  private static byte[] bytes(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
