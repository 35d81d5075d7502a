/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import static dev.kubeward.cli.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.cli.Cli.Result;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.report.JunitReportWriter;
import dev.kubeward.report.ReportFormat;
import dev.kubeward.report.ReportWriter;
import dev.kubeward.report.SarifReportWriter;
import dev.kubeward.rule.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code kubeward scan}: every option, every exit code, stdin, formats and colour. */
class ScanCommandTest {

  static final String DIR = "src/test/resources/manifests/";
  static final String WEB = DIR + "web.yaml";
  static final String WORKER = DIR + "worker.yaml";
  static final String CLEAN = DIR + "clean.yaml";
  static final String NAMESPACE = DIR + "namespace.yaml";

  static final String WEB_REPORT = """
      src/test/resources/manifests/web.yaml:18:18: MEDIUM container "app" of Deployment shop/web uses image "nginx:latest" [smoke-image-latest]
      src/test/resources/manifests/web.yaml:20:25: HIGH container "app" of Deployment shop/web runs privileged [smoke-privileged]

      Summary: 1 file, 1 document, 1 resource; 2 findings, 0 suppressed, 0 errors
        by severity: CRITICAL 0, HIGH 1, MEDIUM 1, LOW 0, INFO 0
        by rule:
          smoke-image-latest  1
          smoke-privileged    1
      """;

  @Test
  void findingsAtOrAboveLowExitWith1() {
    Result r = cli().run("scan", WEB);
    assertThat(r.out()).isEqualTo(WEB_REPORT);
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void nothingFoundExitsWith0() {
    Result r = cli().run("scan", CLEAN);
    assertThat(r.out()).isEqualTo("""
        Summary: 1 file, 1 document, 1 resource; 0 findings, 0 suppressed, 0 errors
          by severity: CRITICAL 0, HIGH 0, MEDIUM 0, LOW 0, INFO 0
        """);
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void suppressedFindingsAreShownWithTheirReasonAndDoNotFail() {
    Result r = cli().run("scan", "--fail-on", "high", WORKER);
    assertThat(r.out()).startsWith("""
        src/test/resources/manifests/worker.yaml:20:18: MEDIUM container "worker" of Deployment shop/worker uses image "busybox" [smoke-image-latest]
        src/test/resources/manifests/worker.yaml:22:25: HIGH container "worker" of Deployment shop/worker runs privileged [smoke-privileged] (suppressed: debug build, removed before release)
        """);
    assertThat(r.exitCode()).isZero();
  }

  @ParameterizedTest
  @CsvSource({"critical, 0", "high, 1", "HIGH, 1", "medium, 1", "low, 1", "info, 1"})
  void failOnSetsTheThreshold(String severity, int exitCode) {
    assertThat(cli().run("scan", "--fail-on", severity, WEB).exitCode()).isEqualTo(exitCode);
  }

  @Test
  void aMissingPathExitsWith2AndSaysSo() {
    Result r = cli().run("scan", DIR + "missing.yaml");
    assertThat(r.out()).startsWith("src/test/resources/manifests/missing.yaml: ERROR no such file or directory\n\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void inMachineFormatsErrorsAlsoGoToStandardError() {
    Result r = cli().run("scan", "--format", "json", DIR + "missing.yaml", CLEAN);
    assertThat(r.err()).isEqualTo("kubeward: src/test/resources/manifests/missing.yaml: no such file or directory\n");
    assertThat(r.out()).contains("\"message\": \"no such file or directory\"");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void unreadableInputWinsOverFindings() {
    Result r = cli().run("scan", WEB, DIR + "broken.yaml");
    assertThat(r.out()).startsWith("src/test/resources/manifests/broken.yaml:")
        .contains(": ERROR malformed YAML", "[smoke-privileged]", "; 2 findings, 0 suppressed, 1 error\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void dashReadsStandardInput() throws IOException {
    Result r = cli().stdin(Files.readString(Path.of(WEB))).run("scan", "-");
    assertThat(r.out()).isEqualTo(WEB_REPORT.replace("src/test/resources/manifests/web.yaml", "-"));
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void anAtSignIsAPathNotAnArgumentFile() {
    Result r = cli().run("scan", "@" + WEB);
    assertThat(r.out()).startsWith("@src/test/resources/manifests/web.yaml: ERROR no such file or directory\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void dashTwiceIsAUsageError() {
    Result r = cli().stdin("").run("scan", "-", "-");
    assertThat(r.err()).isEqualTo("kubeward: standard input '-' can be given only once\n");
    assertThat(r.out()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void withoutAPathTheCurrentDirectoryIsScanned(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("deploy"));
    Files.copy(Path.of(WEB), dir.resolve("deploy/web.yaml"));
    Files.writeString(dir.resolve("notes.txt"), "not a manifest");
    Result r = cli().in(dir).run("scan");
    assertThat(r.out()).isEqualTo(WEB_REPORT.replace("src/test/resources/manifests/web.yaml", dir + "/deploy/web.yaml"));
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void relativePathsResolveAgainstTheWorkingDirectory(@TempDir Path dir) throws IOException {
    Files.copy(Path.of(WEB), dir.resolve("web.yaml"));
    Result r = cli().in(dir).run("scan", "web.yaml");
    assertThat(r.out()).startsWith(dir + "/web.yaml:18:18: MEDIUM ");
  }

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void eachFormatIsTheCoreWritersOutput(ReportFormat format) throws IOException {
    Result r = cli().run("scan", "--format", format.id(), WEB, WORKER);
    ScanReport report = Kubeward.builder().rules(TestRules.all()).build().scan(List.of(WEB, WORKER));
    StringWriter expected = new StringWriter();
    // SARIF links every rule (the test rules count as shipped) to the docs; JUnit fails at --fail-on (low).
    ReportWriter writer = switch (format) {
      case SARIF -> new SarifReportWriter().withHelpUris(id -> Project.rulesDocumentation() + "#" + id);
      case JUNIT -> JunitReportWriter.failingAt(Severity.LOW);
      default -> format.writer();
    };
    writer.write(report, expected);
    assertThat(r.out()).isEqualTo(expected.toString());
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void formatsSpeakTheirLanguage() {
    assertThat(cli().run("scan", "--format", "json", WEB).out())
        .startsWith("{\n  \"schemaVersion\": 1,\n")
        .contains("\"rule\": \"smoke-privileged\"", "\"line\": 20", "\"column\": 25");
    assertThat(cli().run("scan", "--format", "sarif", WEB).out())
        .contains("\"version\": \"2.1.0\"", "\"ruleId\": \"smoke-privileged\"", "\"startLine\": 20");
    assertThat(cli().run("scan", "--format", "junit", WEB).out())
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"kubeward\" tests=\"2\" failures=\"2\"");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Result r = cli().run("scan", "--format", "xml", WEB);
    assertThat(r.err()).isEqualTo("kubeward: invalid value for option '--format': unknown report format 'xml'"
        + " (expected text, json, sarif or junit)\n");
    assertThat(r.out()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void outputWritesTheReportToAFile(@TempDir Path dir) throws IOException {
    Result r = cli().in(dir).run("scan", "--format", "sarif", "--output", "report.sarif", Path.of(WEB).toAbsolutePath().toString());
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(1);
    String toStdout = cli().in(dir).run("scan", "--format", "sarif", Path.of(WEB).toAbsolutePath().toString()).out();
    assertThat(Files.readString(dir.resolve("report.sarif"))).isEqualTo(toStdout);
  }

  @Test
  void outputIntoAMissingDirectoryIsAnError(@TempDir Path dir) {
    Result r = cli().in(dir).run("scan", "--output", "no/such/report.txt", Path.of(CLEAN).toAbsolutePath().toString());
    assertThat(r.err()).isEqualTo("kubeward: cannot write report to 'no/such/report.txt': no such directory\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void profileSelectsTheRules() {
    Result r = cli().run("scan", "--profile", "pss-baseline", WEB);
    assertThat(r.out()).doesNotContain("smoke-image-latest").contains("[smoke-privileged]");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void anUnknownProfileIsAUsageError() {
    Result r = cli().run("scan", "--profile", "strict", WEB);
    assertThat(r.err()).isEqualTo("kubeward: invalid value for option '--profile': unknown profile 'strict'"
        + " (expected recommended, pss-baseline, pss-restricted, cis or all)\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void pssVersionReachesTheRules() {
    assertThat(cli().run("scan", "--rule", "test-settings", NAMESPACE).out()).startsWith(
        "src/test/resources/manifests/namespace.yaml:2:1: INFO scan runs at Pod Security Standards level restricted,"
            + " version latest (Kubernetes v1.37, the newest known; default namespace default) [test-settings]\n");
    assertThat(cli().run("scan", "--rule", "test-settings", "--pss-version", "v1.25", "--profile", "pss-baseline",
        NAMESPACE).out()).contains("level baseline, version v1.25 (");
  }

  @Test
  void anInvalidPssVersionIsAUsageError() {
    Result r = cli().run("scan", "--pss-version", "1.25", WEB);
    assertThat(r.err()).isEqualTo("kubeward: invalid value for option '--pss-version': invalid Pod Security"
        + " Standards version '1.25' (expected latest or v1.N)\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void ruleRunsOnlyTheNamedRules() {
    Result r = cli().run("scan", "--rule", "smoke-image-latest", "--rule", "smoke-host-network", WEB);
    assertThat(r.out()).contains("[smoke-image-latest]").doesNotContain("[smoke-privileged]");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void skipRuleLeavesRulesOut() {
    Result r = cli().run("scan", "--skip-rule", "smoke-image-latest", "--skip-rule", "smoke-privileged", WEB);
    assertThat(r.out()).doesNotContain("[smoke-");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void anUnknownRuleIsAUsageError() {
    Result r = cli().run("scan", "--skip-rule", "no-such-rule", WEB);
    assertThat(r.err()).isEqualTo("kubeward: unknown rule 'no-such-rule'\n");
    assertThat(r.out()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void configFileSetsTheProfile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("strict.yaml"), "# baseline only\nprofile: pss-baseline\n");
    Result r = cli().run("scan", "--config", dir.resolve("strict.yaml").toString(), WEB);
    assertThat(r.out()).doesNotContain("smoke-image-latest").contains("[smoke-privileged]");
  }

  @Test
  void theProfileOptionWinsOverTheConfigFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("strict.yaml"), "profile: pss-baseline\n");
    Result r = cli().run("scan", "--config", dir.resolve("strict.yaml").toString(), "--profile", "all", WEB);
    assertThat(r.out()).contains("[smoke-image-latest]");
  }

  @Test
  void kubewardYamlInTheWorkingDirectoryIsReadByDefault(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(".kubeward.yaml"), "pssVersion: \"v1.30\"\n");
    Files.copy(Path.of(NAMESPACE), dir.resolve("namespace.yaml"));
    Result r = cli().in(dir).run("scan", "--rule", "test-settings", "namespace.yaml");
    assertThat(r.out()).contains("version v1.30 (");
  }

  @Test
  void kubeVersionReachesTheRulesAndSetsThePssVersion() {
    Result r = cli().run("scan", "--rule", "test-settings", "--kube-version", "v1.29", NAMESPACE);
    assertThat(r.out()).contains("INFO scan runs at Pod Security Standards level restricted, version v1.29"
        + " (Kubernetes v1.29, as set for the scan; default namespace default) [test-settings]");
    assertThat(r.exitCode()).isZero();
    assertThat(cli().run("scan", "--rule", "test-settings", "--kube-version", "v1.29", "--pss-version", "v1.21",
        NAMESPACE).out()).contains("version v1.21 (Kubernetes v1.29, as set for the scan;");
  }

  @Test
  void anInvalidKubeVersionIsAUsageError() {
    Result r = cli().run("scan", "--kube-version", "1.29", WEB);
    assertThat(r.err()).isEqualTo("kubeward: invalid value for option '--kube-version': invalid Kubernetes"
        + " version '1.29' (expected v1.N, such as v1.30)\n");
    assertThat(r.out()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void theKubeVersionOptionWinsOverTheConfigFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(".kubeward.yaml"), "kubernetesVersion: v1.27\ndefaultNamespace: shop\n");
    Files.copy(Path.of(NAMESPACE), dir.resolve("namespace.yaml"));
    assertThat(cli().in(dir).run("scan", "--rule", "test-settings", "namespace.yaml").out())
        .contains("version v1.27 (Kubernetes v1.27, as set for the scan; default namespace shop)");
    assertThat(cli().in(dir).run("scan", "--rule", "test-settings", "--kube-version", "v1.31", "--default-namespace",
        "tools", "namespace.yaml").out())
        .contains("version v1.31 (Kubernetes v1.31, as set for the scan; default namespace tools)");
  }

  @Test
  void defaultNamespaceReachesTheRules() {
    Result r = cli().run("scan", "--rule", "test-settings", "--default-namespace", "shop", NAMESPACE);
    assertThat(r.out()).contains("; default namespace shop) [test-settings]");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void anInvalidDefaultNamespaceIsAUsageError() {
    Result r = cli().run("scan", "--default-namespace", "Shop_1", WEB);
    assertThat(r.err()).isEqualTo("kubeward: invalid value for option '--default-namespace': default namespace"
        + " 'Shop_1' is not a valid namespace name (lower-case letters, digits and '-', at most 63)\n");
    assertThat(r.out()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void joinScopeDecidesWhatIsOneCluster(@TempDir Path dir) throws IOException {
    String configMap = "# the same object in two projects\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings,"
        + " namespace: shop}\ndata: {a: b}\n";
    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(dir.resolve("a/cm.yaml"), configMap);
    Files.writeString(dir.resolve("b/cm.yaml"), configMap);

    Result together = cli().in(dir).run("scan", "--rule", "duplicate-object", "a", "b");
    assertThat(together.out()).contains(dir.resolve("a/cm.yaml") + ":4:18: INFO ConfigMap shop/settings is defined"
        + " 2 times; also at " + dir.resolve("b/cm.yaml") + ":2 [duplicate-object]");
    assertThat(together.exitCode()).isZero();
    Result apart = cli().in(dir).run("scan", "--rule", "duplicate-object", "--join-scope", "argument", "a", "b");
    assertThat(apart.out()).doesNotContain("[duplicate-object]").contains("0 findings");
    assertThat(cli().in(dir).run("scan", "--rule", "duplicate-object", "--join-scope", "directory", ".").out())
        .doesNotContain("[duplicate-object]");
    assertThat(cli().in(dir).run("scan", "--rule", "duplicate-object", "--join-scope", "all", ".").out())
        .contains("[duplicate-object]");
  }

  @Test
  void theJoinScopeOptionWinsOverTheConfigFile(@TempDir Path dir) throws IOException {
    String configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\n";
    Files.writeString(dir.resolve("one.yaml"), configMap);
    Files.writeString(dir.resolve("two.yaml"), configMap);
    Files.writeString(dir.resolve(".kubeward.yaml"), "joinScope: argument\n");

    assertThat(cli().in(dir).run("scan", "--rule", "duplicate-object", "one.yaml", "two.yaml").out())
        .doesNotContain("[duplicate-object]");
    assertThat(cli().in(dir).run("scan", "--rule", "duplicate-object", "--join-scope", "all", "one.yaml", "two.yaml")
        .out()).contains("[duplicate-object]");
  }

  @Test
  void anUnknownJoinScopeIsAUsageError() {
    Result r = cli().run("scan", "--join-scope", "file", WEB);
    assertThat(r.err()).isEqualTo("kubeward: invalid value for option '--join-scope': unknown join scope 'file'"
        + " (expected all, argument or directory)\n");
    assertThat(r.out()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void aMissingConfigFileIsAUsageError() {
    Result r = cli().run("scan", "--config", "nowhere.yaml", WEB);
    assertThat(r.err()).isEqualTo("kubeward: configuration file 'nowhere.yaml' does not exist\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void aBadConfigFileIsAUsageErrorWithAPosition(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(".kubeward.yaml"), "# team settings\nprofile: strict\n");
    Result r = cli().in(dir).run("scan", Path.of(WEB).toAbsolutePath().toString());
    assertThat(r.err()).startsWith("kubeward: .kubeward.yaml:2:").contains("unknown profile 'strict'").endsWith(")\n");
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void colourOnlyOnATerminalWithoutNoColor() {
    assertThat(cli().onTerminal().run("scan", WEB).out()).contains("\u001b[31mHIGH\u001b[0m");
    assertThat(cli().onTerminal().env("NO_COLOR", "1").run("scan", WEB).out()).isEqualTo(WEB_REPORT);
    assertThat(cli().run("scan", WEB).out()).isEqualTo(WEB_REPORT);
    assertThat(cli().onTerminal().run("scan", "--format", "json", WEB).out()).doesNotContain("\u001b");
  }

  @Test
  void colourNeverGoesIntoAFile(@TempDir Path dir) throws IOException {
    cli().onTerminal().in(dir).run("scan", "--output", "report.txt", Path.of(WEB).toAbsolutePath().toString());
    assertThat(Files.readString(dir.resolve("report.txt"))).doesNotContain("\u001b").contains("HIGH");
  }

  @Test
  void withNoRuleSelectedItIsAUsageError() {
    Result r = cli().rules(List::of).run("scan", WEB);
    assertThat(r.err()).startsWith("kubeward: no rule is selected, so nothing would be checked (");
    assertThat(r.out()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void skippingEveryRuleIsAUsageError() {
    Result r = cli().run("scan", "--rule", "smoke-privileged", "--skip-rule", "smoke-privileged", WEB);
    assertThat(r.err()).startsWith("kubeward: no rule is selected");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void anEmptyFolderChecksNothingAndFails(@TempDir Path dir) {
    Result r = cli().run("scan", dir.toString());
    assertThat(r.err()).isEqualTo("kubeward: no Kubernetes object found in " + dir
        + " (nothing was checked; --allow-empty accepts an empty input)\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void anEmptyPipeChecksNothingAndFails() {
    Result r = cli().stdin("").run("scan", "--format", "json", "-");
    assertThat(r.err()).isEqualTo("kubeward: no Kubernetes object found in standard input"
        + " (nothing was checked; --allow-empty accepts an empty input)\n");
    assertThat(r.out()).contains("\"resources\"");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void allowEmptyAcceptsAnEmptyInput(@TempDir Path dir) {
    Result r = cli().run("scan", "--allow-empty", dir.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
  }
}
