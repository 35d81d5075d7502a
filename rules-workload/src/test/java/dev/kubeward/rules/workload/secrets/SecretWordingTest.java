/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.engine.Finding;
import dev.kubeward.engine.Kubeward;
import dev.kubeward.engine.Profile;
import dev.kubeward.rules.workload.WorkloadRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretWordingTest {

  @Test
  void theKeysThatLookSecretAreNamedFirst() {
    Kubeward scanner = Kubeward.builder().rules(new WorkloadRules().rules()).profile(Profile.ALL)
        .onlyRules(Set.of("secret-in-manifest")).build();
    assertThat(scanner.scanString("s.yaml", """
        apiVersion: v1
        kind: Secret
        metadata: {name: creds}
        stringData:
          ResourceGroup: rg
          SubscriptionID: sub
          Deployment: dep
          VMType: vmss
          TenantID: t
          ClientSecret: s3cr3t
          ApiToken: t0k3n
        """).findings().stream().map(Finding::message).toList()).containsExactly(
            "Secret creds commits 7 values in stringData (keys \"ClientSecret\", \"ApiToken\", \"ResourceGroup\","
                + " \"SubscriptionID\", \"Deployment\" and 2 more)");
  }
}
