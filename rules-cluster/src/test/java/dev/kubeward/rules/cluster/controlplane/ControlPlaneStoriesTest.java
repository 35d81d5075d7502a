/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.rule.Rule;
import dev.kubeward.rules.cluster.ClusterRules;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The control plane as a whole: a cluster hardened to every CIS-recommended value (static Pods,
 * kubeadm v1beta3 and v1beta4) gives no control-plane finding; an insecure one gives exactly the
 * findings its files expect ({@code # expect: rule-id, rule-id*2} on the line).
 */
class ControlPlaneStoriesTest {

  private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([^#]+)$");

  private static final Set<String> CONTROL_PLANE_RULES = controlPlaneRuleIds();

  private static Set<String> controlPlaneRuleIds() {
    Set<String> ids = ControlPlaneFlag.rules().stream().map(r -> r.metadata().id()).collect(Collectors.toSet());
    ids.add("control-plane-command-not-checkable");
    ids.add("control-plane-version-unsupported");
    ids.add("kubeadm-external-etcd-plaintext");
    return Set.copyOf(ids);
  }

  @Test
  void hardenedControlPlaneHasNoControlPlaneFinding() throws Exception {
    assertThat(findings("hardened")).isEmpty();
    assertThat(expectations("hardened")).isEmpty();
  }

  @Test
  void insecureControlPlaneHasExactlyTheExpectedFindings() throws Exception {
    List<String> expected = expectations("insecure");
    assertThat(expected).hasSizeGreaterThan(80);
    assertThat(findings("insecure")).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyControlPlaneRuleIsRegistered() {
    Set<String> registered = new ClusterRules().rules().stream().map(r -> r.metadata().id())
        .collect(Collectors.toSet());
    assertThat(registered).containsAll(CONTROL_PLANE_RULES);
  }

  /** {@code file:line rule-id} of every control-plane finding in the story. */
  private static List<String> findings(String story) throws Exception {
    Path dir = story(story);
    List<Rule> rules = new ClusterRules().rules();
    ScanReport report = Kubeward.builder().rules(rules).profile(Profile.ALL).build()
        .scan(List.of(dir.toString()));
    assertThat(report.errors()).isEmpty();
    List<String> out = new ArrayList<>();
    for (Finding f : report.findings()) {
      if (CONTROL_PLANE_RULES.contains(f.rule())) {
        out.add(Path.of(f.file()).getFileName() + ":" + f.line() + " " + f.rule());
      }
    }
    return out;
  }

  private static List<String> expectations(String story) throws IOException, URISyntaxException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(story(story))) {
      for (Path file : files.sorted().collect(Collectors.toList())) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = EXPECT.matcher(lines.get(i));
          if (!m.find()) {
            continue;
          }
          for (String item : m.group(1).split(",")) {
            String[] parts = item.trim().split("\\*");
            int times = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
            for (int k = 0; k < times; k++) {
              out.add(file.getFileName() + ":" + (i + 1) + " " + parts[0]);
            }
          }
        }
      }
    }
    return out;
  }

  private static Path story(String name) throws URISyntaxException {
    return Path.of(ControlPlaneStoriesTest.class.getResource("/controlplane/stories/" + name).toURI());
  }
}
