package dev.kubeward.examples;

import static dev.kubeward.assertj.KubewardAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeward.assertj.Manifests;
import dev.kubeward.engine.Profile;
import dev.kubeward.rule.PssVersion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What a team writes to keep generated manifests compliant: one assertion per policy, with a
 * failure message that points at file:line:col.
 */
class ManifestAssertionsTest {

  static final Path HARDENED = Path.of("manifests/hardened-shop");

  @Test
  void theHardenedShopPassesEveryProfile() {
    assertThat(Manifests.at(HARDENED)).isCompliantWith(Profile.RECOMMENDED);
    assertThat(Manifests.at(HARDENED)).isCompliantWith(Profile.PSS_RESTRICTED, PssVersion.parse("v1.25"));
    assertThat(Manifests.at(HARDENED)).isCompliantWith(Profile.ALL);
  }

  @Test
  void aFailurePointsAtTheOffendingLines() {
    Manifests generated = Manifests.of("generated/web.yaml", """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
        spec:
          hostPID: true
          containers:
            - name: app
              image: nginx:1.25
              securityContext:
                privileged: true
        """);
    assertThatThrownBy(() -> assertThat(generated).isCompliantWith(Profile.PSS_BASELINE))
        .isInstanceOf(AssertionError.class)
        .hasMessage(String.format("%n"
            + "Expecting manifests%n"
            + "  <generated/web.yaml>%n"
            + "to be compliant with profile pss-baseline%n"
            + "but found 2 findings:%n"
            + "  generated/web.yaml:7:12: HIGH Pod shop/web must not set hostPID=true (it shares the host's process namespace) [host-namespaces]%n"
            + "  generated/web.yaml:12:21: HIGH container \"app\" of Pod shop/web must not set"
            + " securityContext.privileged=true [privileged-container]"));
  }
}
