/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import static dev.kubeward.cli.Cli.cli;
import static dev.kubeward.cli.PluginJars.acme;
import static dev.kubeward.cli.PluginJars.jar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.cli.Cli.Result;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule plugins on the command line: {@code --plugin}, {@code KUBEWARD_PLUGIN_PATH} and the
 * {@code plugins:} of a configuration file given with {@code --config}, seen by {@code scan},
 * {@code rules} and {@code explain}; a broken plugin is one clear line and exit code 2. The test
 * plugin ({@link PluginJars#acme()}) is compiled for the test, so its classes exist only in its jar.
 */
class PluginsTest {

  @TempDir
  Path dir;

  Path web;
  Path labelled;

  /** Where {@code acme-team-label} points in web.yaml: the Deployment, which lacks the label. */
  String finding;

  @BeforeEach
  void manifests() throws IOException {
    finding = dir.resolve("web.yaml") + ":2:1: LOW Deployment shop/web has no team label [acme-team-label]";
    web = Files.copy(Path.of(ScanCommandTest.WEB), dir.resolve("web.yaml"));
    labelled = Files.writeString(dir.resolve("labelled.yaml"), Files.readString(web)
        .replace("  namespace: shop\n", "  namespace: shop\n  labels:\n    team: storefront\n"));
  }

  private static Result scan(Cli cli, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "scan";
    all[1] = "--rule";
    all[2] = "acme-team-label";
    System.arraycopy(args, 0, all, 3, args.length);
    return cli.discovering().run(all);
  }

  @Test
  void aPluginJarAddsItsRulesToScan() {
    acme().writeTo(dir.resolve("acme.jar"));
    Result r = scan(cli().in(dir), "--plugin", "acme.jar", "web.yaml");
    assertThat(r.out()).startsWith(finding + "\n");
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void thePluginRuleFindsNothingWhereTheLabelIsSet() {
    acme().writeTo(dir.resolve("acme.jar"));
    Result r = scan(cli().in(dir), "--plugin", "acme.jar", "labelled.yaml");
    assertThat(r.out()).startsWith("Summary: 1 file, 1 document, 1 resource; 0 findings,");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void withoutThePluginItsRuleIsUnknown() {
    Result r = scan(cli().in(dir), "web.yaml");
    assertThat(r.err()).isEqualTo("kubeward: unknown rule 'acme-team-label'\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void aDirectoryLoadsAllItsJars() {
    acme().writeTo(dir.resolve("plugins/acme.jar"));
    jar().entry("acme/library.properties", "name=library\n").writeTo(dir.resolve("plugins/library.jar"));
    Result r = scan(cli().in(dir), "--plugin", "plugins", "web.yaml");
    assertThat(r.out()).startsWith(finding + "\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void aProviderWhoseRuleIsInAnotherJarOfItsDirectoryLoads() {
    // The rule class comes from a library jar next to the provider's jar.
    jar().classes("acme.kubeward.TeamLabel").writeTo(dir.resolve("split/rules.jar"));
    Path providerOnly = dir.resolve("split/provider.jar");
    jar().classes("acme.kubeward.AcmeRules").registering("acme.kubeward.AcmeRules").writeTo(providerOnly);

    Result together = scan(cli().in(dir), "--plugin", "split", "web.yaml");
    assertThat(together.out()).startsWith(finding + "\n");
    assertThat(together.exitCode()).isEqualTo(1);

    Result alone = scan(cli().in(dir), "--plugin", "split/provider.jar", "web.yaml");
    assertThat(alone.err()).isEqualTo("kubeward: rule provider acme.kubeward.AcmeRules of plugin 'split/provider.jar'"
        + " failed to load (NoClassDefFoundError: acme.kubeward.TeamLabel)\n");
    assertThat(alone.out()).isEmpty();
    assertThat(alone.exitCode()).isEqualTo(2);
  }

  @Test
  void thePluginPathVariableListsPluginsLikeAClassPath() throws IOException {
    acme().writeTo(dir.resolve("acme.jar"));
    Result r = scan(cli().in(dir).env("KUBEWARD_PLUGIN_PATH", File.pathSeparator + "acme.jar" + File.pathSeparator),
        "web.yaml");
    assertThat(r.out()).startsWith(finding + "\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void theSameJarNamedTwiceLoadsOnce() {
    acme().writeTo(dir.resolve("acme.jar"));
    Result r = scan(cli().in(dir).env("KUBEWARD_PLUGIN_PATH", dir.resolve("acme.jar").toString()),
        "--plugin", "acme.jar", "--plugin", "./acme.jar", "web.yaml");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith(finding + "\n");
  }

  @Test
  void rulesAndExplainSeeThePlugin() {
    acme().writeTo(dir.resolve("acme.jar"));
    Result rules = cli().in(dir).discovering().run("rules", "--plugin", "acme.jar");
    assertThat(rules.out()).contains("\nacme-team-label ");
    assertThat(rules.exitCode()).isZero();
    assertThat(cli().in(dir).discovering().run("rules").out()).doesNotContain("acme-team-label");

    Result explain = cli().in(dir).discovering().run("explain", "--plugin", "acme.jar", "acme-team-label");
    assertThat(explain.out()).startsWith("acme-team-label: Deployment without a team label\n")
        .contains("\nHow to fix it\n  Add a team label to the Deployment.\n");
    assertThat(explain.exitCode()).isZero();
    Result unknown = cli().in(dir).discovering().run("explain", "acme-team-label");
    assertThat(unknown.err()).isEqualTo("kubeward: unknown rule 'acme-team-label' (see 'kubeward rules')\n");
    assertThat(unknown.exitCode()).isEqualTo(2);
  }

  @Test
  void aConfigurationGivenWithConfigLoadsItsPluginsRelativeToItself() throws IOException {
    acme().writeTo(dir.resolve("ci/plugins/acme.jar"));
    Files.writeString(dir.resolve("ci/kubeward.yaml"), "plugins: [plugins/acme.jar]\nrules: {acme-team-label: on}\n");
    Result r = cli().in(dir).discovering().run("scan", "--config", "ci/kubeward.yaml", "--profile", "all", "web.yaml");
    assertThat(r.out()).contains(finding + "\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aConfigurationFoundOnItsOwnNeverLoadsPlugins() throws IOException {
    acme().writeTo(dir.resolve("acme.jar"));
    Files.writeString(dir.resolve(".kubeward.yaml"), "plugins: [acme.jar]\n");
    Result r = cli().in(dir).discovering().run("scan", "--profile", "all", "web.yaml");
    assertThat(r.err()).isEqualTo("kubeward: warning: .kubeward.yaml names plugins, which are loaded only from a"
        + " configuration file given with --config; they are not loaded\n");
    assertThat(r.out()).doesNotContain("acme-team-label");

    Result explicit = cli().in(dir).discovering().run("scan", "--config", ".kubeward.yaml", "--profile", "all",
        "web.yaml");
    assertThat(explicit.err()).isEmpty();
    assertThat(explicit.out()).contains(finding + "\n");
  }

  @Test
  void aMissingPluginIsAUsageError() {
    assertBroken("--plugin", "nowhere.jar", "kubeward: plugin 'nowhere.jar' does not exist");
  }

  @Test
  void aFileThatIsNotAJarIsAUsageError() throws IOException {
    Files.writeString(dir.resolve("notes.jar"), "not a zip\n");
    assertBroken("--plugin", "notes.jar", "kubeward: plugin 'notes.jar' is not a jar file");
  }

  @Test
  void aJarWithoutAProviderIsAUsageError() {
    jar().classes("acme.kubeward.TeamLabel").writeTo(dir.resolve("rules-only.jar"));
    assertBroken("--plugin", "rules-only.jar", "kubeward: plugin 'rules-only.jar' registers no rule provider"
        + " (META-INF/services/dev.kubeward.rule.RuleProvider)");
  }

  @Test
  void aDirectoryWithoutAProviderIsAUsageError() throws IOException {
    Files.createDirectories(dir.resolve("plugins"));
    Files.writeString(dir.resolve("plugins/README.txt"), "jars go here\n");
    assertBroken("--plugin", "plugins", "kubeward: plugin directory 'plugins' holds no jar that registers a rule"
        + " provider (META-INF/services/dev.kubeward.rule.RuleProvider)");
  }

  @Test
  void aBrokenJarInADirectoryIsNamed() throws IOException {
    acme().writeTo(dir.resolve("plugins/acme.jar"));
    Files.writeString(dir.resolve("plugins/truncated.jar"), "PK");
    assertBroken("--plugin", "plugins", "kubeward: plugin 'plugins/truncated.jar' is not a jar file");
  }

  @Test
  void aProviderThatIsNotInTheJarIsAUsageError() {
    jar().registering("acme.kubeward.Missing").writeTo(dir.resolve("acme.jar"));
    assertBroken("--plugin", "acme.jar", "kubeward: plugin 'acme.jar' registers rule provider acme.kubeward.Missing,"
        + " which cannot be found");
  }

  @Test
  void aProviderOfTheWrongTypeIsAUsageError() {
    jar().classes("acme.kubeward.NotAProvider").registering("acme.kubeward.NotAProvider")
        .writeTo(dir.resolve("acme.jar"));
    assertBroken("--plugin", "acme.jar", "kubeward: plugin 'acme.jar' registers acme.kubeward.NotAProvider as a rule"
        + " provider, but it does not implement dev.kubeward.rule.RuleProvider");
  }

  @Test
  void aProviderThatFailsIsAUsageErrorThatQuotesNothingOfIt() {
    jar().classes("acme.kubeward.Failing").registering("acme.kubeward.Failing")
        .writeTo(dir.resolve("acme.jar"));
    assertBroken("--plugin", "acme.jar", "kubeward: rule provider acme.kubeward.Failing of plugin 'acme.jar' failed"
        + " to load (IllegalStateException)");
  }

  @Test
  void aProviderWithoutAPublicConstructorIsAUsageError() {
    jar().classes("acme.kubeward.Hidden").registering("acme.kubeward.Hidden")
        .writeTo(dir.resolve("acme.jar"));
    assertBroken("--plugin", "acme.jar", "kubeward: rule provider acme.kubeward.Hidden of plugin 'acme.jar' needs a"
        + " public constructor without parameters");
  }

  @Test
  void aPluginForANewerJavaIsAUsageError() {
    int newer = Runtime.version().feature() + 44 + 1;
    acme().classVersion(newer).writeTo(dir.resolve("acme.jar"));
    assertBroken("--plugin", "acme.jar", "kubeward: plugin 'acme.jar' was compiled for a newer Java than this one ("
        + Runtime.version().feature() + ")");
  }

  @Test
  void aPluginRuleWithTheIdOfAnotherRuleIsAUsageError() {
    jar().classes("acme.kubeward.Clash").registering("acme.kubeward.Clash")
        .writeTo(dir.resolve("acme.jar"));
    Result r = cli().in(dir).discovering().run("rules", "--plugin", "acme.jar");
    assertThat(r.err()).isEqualTo("kubeward: two rules have the id smoke-privileged\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void aBrokenPluginStopsRulesAndExplainToo() {
    assertThat(cli().in(dir).discovering().run("rules", "--plugin", "x.jar").err())
        .isEqualTo("kubeward: plugin 'x.jar' does not exist\n");
    assertThat(cli().in(dir).discovering().env("KUBEWARD_PLUGIN_PATH", "y.jar").run("explain", "smoke-privileged").err())
        .isEqualTo("kubeward: plugin 'y.jar' does not exist\n");
  }

  @Test
  void aBrokenPluginInAConfigurationFileIsNamedAsWritten() throws IOException {
    Files.writeString(dir.resolve("ci.yaml"), "plugins: [tools/acme.jar]\n");
    Result r = cli().in(dir).discovering().run("scan", "--config", "ci.yaml", "web.yaml");
    assertThat(r.err()).isEqualTo("kubeward: plugin 'tools/acme.jar' does not exist\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  private void assertBroken(String option, String plugin, String message) {
    Result r = scan(cli().in(dir), option, plugin, "web.yaml");
    assertThat(r.err()).isEqualTo(message + "\n");
    assertThat(r.out()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(2);
  }
}
