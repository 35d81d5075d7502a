/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The GitHub Action ({@code action.yml}, {@code scripts/kubeward-action.sh}) and the pre-commit hook
 * ({@code .pre-commit-hooks.yaml}, {@code scripts/kubeward-pre-commit.sh}), run as CI and pre-commit
 * run them, with bash, against a fixture; {@code kubeward} is the command line of this build, run
 * with the test class path.
 */
class ScriptsTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path ACTION = ROOT.resolve("scripts/kubeward-action.sh");
  static final Path PRE_COMMIT = ROOT.resolve("scripts/kubeward-pre-commit.sh");

  /** The smoke rules only, so that the fixture's findings are known exactly. */
  static final String SMOKE = "--rule smoke-privileged --rule smoke-image-latest";

  @TempDir
  Path work;

  Path kubeward;

  @BeforeEach
  void fixture() throws IOException {
    Files.createDirectories(work.resolve("k8s"));
    Files.copy(Path.of(ScanCommandTest.WEB), work.resolve("k8s/web.yaml"));
    Files.copy(Path.of(ScanCommandTest.CLEAN), work.resolve("k8s/clean.yaml"));
    Files.writeString(work.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:latest\n");
    kubeward = work.resolve("bin/kubeward");
    Files.createDirectories(kubeward.getParent());
    Files.writeString(kubeward, "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path") + "' " + Main.class.getName()
        + " \"$@\"\n");
    assertThat(kubeward.toFile().setExecutable(true)).isTrue();
  }

  record Run(int exitCode, String out, String err) {}

  private Run bash(Path script, Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("INPUT_") || k.startsWith("GITHUB_")
        || k.startsWith("KUBEWARD"));
    builder.environment().put("KUBEWARD", kubeward.toString());
    builder.environment().putAll(env);
    Path out = work.resolve("stdout.txt");
    Path err = work.resolve("stderr.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
        new File("/dev/null")));
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theActionLogsAnnotatesWritesReportsAndFailsAsScanDoes() throws Exception {
    Path outputs = work.resolve("github-output.txt");
    Run r = bash(ACTION, Map.of("INPUT_PATHS", "k8s/web.yaml\n  k8s/clean.yaml  \n", "INPUT_ARGS", SMOKE,
        "INPUT_SARIF_FILE", "reports/kubeward.sarif", "INPUT_JUNIT_FILE", "kubeward.xml",
        "GITHUB_OUTPUT", outputs.toString()));
    assertThat(r.out()).contains(
        "k8s/web.yaml:18:18: MEDIUM container \"app\" of Deployment shop/web uses image \"nginx:latest\""
            + " [smoke-image-latest]\n",
        "Summary: 2 files, 2 documents, 2 resources; 2 findings, 0 suppressed, 0 errors\n",
        "::warning file=k8s/web.yaml,line=18,col=18,title=kubeward smoke-image-latest::MEDIUM container \"app\" of"
            + " Deployment shop/web uses image \"nginx:latest\"\n",
        "::error file=k8s/web.yaml,line=20,col=25,title=kubeward smoke-privileged::HIGH container \"app\" of"
            + " Deployment shop/web runs privileged\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(Files.readString(outputs)).isEqualTo("sarif-file=reports/kubeward.sarif\njunit-file=kubeward.xml\n"
        + "exit-code=1\n");
    assertThat(Files.readString(work.resolve("kubeward.xml"))).contains("tests=\"2\" failures=\"2\"");
    assertThat(Files.readString(work.resolve("reports/kubeward.sarif"))).contains("\"uri\": \"k8s/web.yaml\"");
  }

  @Test
  void theActionFailsWhenAReportCannotBeWritten() throws Exception {
    Run r = bash(ACTION, Map.of("INPUT_PATHS", "k8s/clean.yaml", "INPUT_ARGS", SMOKE,
        "INPUT_JUNIT_FILE", "kubeward.xml", "INPUT_SARIF_FILE", "k8s"));
    assertThat(r.out()).contains("::error::kubeward could not write the sarif report k8s\n");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void theActionWritesSarifForCodeScanningAndPassesBelowFailOn() throws Exception {
    Path outputs = work.resolve("github-output.txt");
    Run r = bash(ACTION, Map.of("INPUT_PATHS", "k8s", "INPUT_ARGS", SMOKE, "INPUT_FAIL_ON", "critical",
        "GITHUB_OUTPUT", outputs.toString()));
    assertThat(r.exitCode()).isZero();
    assertThat(Files.readString(outputs)).isEqualTo("sarif-file=kubeward.sarif\njunit-file=\nexit-code=0\n");
    String sarif = Files.readString(work.resolve("kubeward.sarif"));
    assertThat(CiReportsTest.strings(sarif, "uri")).containsExactly(work.toUri().toString(), "k8s/web.yaml",
        "k8s/web.yaml");
  }

  @Test
  void theActionReportsInputThatCannotBeChecked() throws Exception {
    Files.writeString(work.resolve("k8s/broken.yaml"), "apiVersion: v1\nkind: Pod\nkind: Pod\n");
    Run r = bash(ACTION, Map.of("INPUT_PATHS", "k8s/broken.yaml", "INPUT_SARIF_FILE", "", "INPUT_ARGS", SMOKE));
    assertThat(r.out()).contains("k8s/broken.yaml:3:1: ERROR duplicate key 'kind' (first at 2:1)\n");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(work.resolve("kubeward.sarif")).doesNotExist();
  }

  @Test
  void thePreCommitHookScansOnlyManifestsWithItsOptions() throws Exception {
    Run high = bash(PRE_COMMIT, Map.of(), "--rule=smoke-privileged", "--fail-on=high", "compose.yaml", "k8s/web.yaml",
        "k8s/clean.yaml");
    assertThat(high.out()).startsWith("k8s/web.yaml:20:25: HIGH container \"app\" of Deployment shop/web runs"
        + " privileged [smoke-privileged]\n").contains("Summary: 2 files, ").doesNotContain("compose.yaml");
    assertThat(high.exitCode()).isEqualTo(1);

    Run clean = bash(PRE_COMMIT, Map.of(), "--rule=smoke-privileged", "k8s/clean.yaml", "compose.yaml");
    assertThat(clean.out()).contains("Summary: 1 file, ");
    assertThat(clean.exitCode()).isZero();

    Run none = bash(PRE_COMMIT, Map.of("KUBEWARD", "/nonexistent/kubeward"), "--fail-on=high", "compose.yaml");
    assertThat(none.out()).isEmpty();
    assertThat(none.exitCode()).isZero();
  }

  @Test
  void theHookAndTheActionRunTheseScriptsWithEveryInput() throws IOException {
    Load yaml = new Load(LoadSettings.builder().build());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> hooks = (List<Map<String, Object>>) yaml.loadFromString(
        Files.readString(ROOT.resolve(".pre-commit-hooks.yaml")));
    assertThat(hooks).singleElement().satisfies(hook -> {
      assertThat(hook).containsEntry("id", "kubeward").containsEntry("language", "script");
      assertThat(ROOT.resolve((String) hook.get("entry"))).isEqualTo(PRE_COMMIT);
    });
    assertThat(Files.isExecutable(PRE_COMMIT)).isTrue();
    assertThat(Files.isExecutable(ACTION)).isTrue();

    @SuppressWarnings("unchecked")
    Map<String, Object> action = (Map<String, Object>) yaml.loadFromString(Files.readString(ROOT.resolve("action.yml")));
    @SuppressWarnings("unchecked")
    Map<String, Object> runs = (Map<String, Object>) action.get("runs");
    assertThat(runs).containsEntry("using", "composite");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> steps = (List<Map<String, Object>>) runs.get("steps");
    Map<String, Object> scan = steps.get(steps.size() - 1);
    assertThat(scan).containsEntry("run", "\"$GITHUB_ACTION_PATH/scripts/kubeward-action.sh\"");
    @SuppressWarnings("unchecked")
    Map<String, Object> env = (Map<String, Object>) scan.get("env");
    Set<String> passed = new LinkedHashSet<>();
    for (Map.Entry<String, Object> e : env.entrySet()) {
      Matcher m = Pattern.compile("\\$\\{\\{ inputs\\.([a-z-]+) }}").matcher((String) e.getValue());
      assertThat(m.matches()).as(e.getKey()).isTrue();
      assertThat(e.getKey()).isEqualTo("INPUT_" + m.group(1).toUpperCase().replace('-', '_'));
      passed.add(m.group(1));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> inputs = new LinkedHashMap<>((Map<String, Object>) action.get("inputs"));
    inputs.remove("setup-java");
    assertThat(passed).containsExactlyElementsOf(inputs.keySet());
    Set<String> read = new LinkedHashSet<>();
    Matcher m = Pattern.compile("\\$\\{(INPUT_[A-Z_]+)").matcher(Files.readString(ACTION));
    while (m.find()) {
      read.add(m.group(1));
    }
    assertThat(read).containsExactlyInAnyOrderElementsOf(env.keySet());
  }
}
