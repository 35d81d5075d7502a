/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.assertj.RuleFixtures;
import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Profile;
import dev.kubeward.engine.ResourceRef;
import dev.kubeward.engine.ScanReport;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.load.LoadResult;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Pointers;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Rule;
import dev.kubeward.rules.workload.secrets.DefaultPassword;
import dev.kubeward.rules.workload.secrets.HardcodedEnvSecret;
import dev.kubeward.rules.workload.secrets.SecretDataNotBase64;
import dev.kubeward.rules.workload.secrets.SecretInConfigMap;
import dev.kubeward.rules.workload.secrets.SecretInManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The secrets rules never put a value into a message: for every finding on the rules' {@code fires}
 * fixtures, no value under the reported node (nor any of its lines or words) appears in the message.
 */
class SecretMessagesTest {

  @TestFactory
  Stream<DynamicTest> valuesNeverAppearInMessages() {
    return Stream.of(new HardcodedEnvSecret(), new SecretInConfigMap(), new SecretInManifest(),
            new DefaultPassword(), new SecretDataNotBase64())
        .flatMap(rule -> RuleFixtures.of(rule).files().stream()
            .filter(f -> f.getFileName().toString().startsWith("fires"))
            .map(file -> DynamicTest.dynamicTest(rule.metadata().id() + "/" + file.getFileName(),
                () -> verify(rule, file))));
  }

  private static void verify(Rule rule, Path file) throws Exception {
    String id = rule.metadata().id();
    Kubeward scanner = Kubeward.builder().rules(List.of(rule)).profile(Profile.ALL).onlyRules(Set.of(id)).build();
    LoadResult loaded = scanner.loader().loadString(file.toString(), Files.readString(file));
    ScanReport report = scanner.scan(loaded);
    assertThat(report.findings()).as("findings of %s", file).isNotEmpty();
    for (Finding f : report.findings()) {
      Resource resource = loaded.resources().stream()
          .filter(r -> ResourceRef.of(r).equals(f.resource()))
          .findFirst().orElseThrow();
      List<String> values = new ArrayList<>();
      collectValues(Pointers.resolve(resource.root(), f.path()), values);
      assertThat(values).as("values under %s", f.path()).isNotEmpty();
      for (String value : values) {
        assertThat(f.message()).as("message of %s:%d", file.getFileName(), f.line()).doesNotContain(value);
      }
    }
  }

  /** Every scalar value below {@code node} (not map keys), its lines and its words of 4+ characters. */
  private static void collectValues(Node node, List<String> out) {
    if (node instanceof MapNode map) {
      for (int i = 0; i < map.size(); i++) {
        collectValues(map.value(i), out);
      }
    } else if (node.isList()) {
      for (int i = 0; i < node.size(); i++) {
        collectValues(node.get(i), out);
      }
    } else if (node.text() != null) {
      String text = node.text();
      for (String part : text.split("[\\s]+")) {
        if (part.length() >= 4) {
          out.add(part);
        }
      }
      if (text.length() >= 4) {
        out.add(text);
      }
    }
  }
}
