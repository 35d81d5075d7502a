/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import static dev.kubeward.load.Loading.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.model.MapNode;
import dev.kubeward.model.Resource;
import dev.kubeward.model.ScalarNode;
import dev.kubeward.model.Scalars;
import org.junit.jupiter.api.Test;

/** Map keys that manifests repeat are held once, and are the same instances as string literals. */
class KnownKeysTest {

  @Test
  void knownKeysAreTheLiterals() {
    assertThat(KnownKeys.canonical(new String("securityContext"))).isSameAs("securityContext");
    assertThat(KnownKeys.canonical(new String("app.kubernetes.io/name"))).isSameAs("app.kubernetes.io/name");
    assertThat(KnownKeys.canonical(new String("pod-security.kubernetes.io/enforce")))
        .isSameAs("pod-security.kubernetes.io/enforce");
  }

  @Test
  void unknownKeysStayAsTheyAre() {
    for (String key : new String[] {"", "x", "securityContexts", "SecurityContext", "securitycontext",
        "a-key-much-longer-than-any-key-in-the-table-of-known-keys-at-all", "ñame"}) {
      String fresh = new String(key);
      assertThat(KnownKeys.canonical(fresh)).isSameAs(fresh);
    }
  }

  @Test
  void everyKnownKeyWrittenPlainIsAString() {
    // The tree builder relies on it: a plain key found in the table is made a string without resolving it.
    for (String key : KnownKeys.all()) {
      assertThat(Scalars.resolvePlain(1, 1, key).type()).as(key).isEqualTo(ScalarNode.Type.STRING);
      assertThat(KnownKeys.known(new String(key))).isSameAs(key);
    }
    assertThat(KnownKeys.known(new String("not-a-known-key"))).isNull();
  }

  @Test
  void lookUpsOfUnknownKeysStayShort() {
    assertThat(KnownKeys.size()).isGreaterThan(300);
    assertThat(KnownKeys.longestRun()).isLessThan(12);
  }

  @Test
  void loadedTreesShareKeysYamlAndJsonAlike() {
    Resource yaml = one("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p, labels: {app.kubernetes.io/name: x, own-label: y}}
        spec:
          containers:
          - name: c
            image: nginx
            securityContext: {privileged: true}
        """);
    Resource json = one("""
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
         "spec": {"containers": [{"name": "c", "image": "nginx", "securityContext": {"privileged": true}}]}}
        """);
    for (Resource r : new Resource[] {yaml, json}) {
      MapNode container = r.root().get("spec").get("containers").get(0).asMap();
      assertThat(container.key(2)).isSameAs("securityContext");
      assertThat(r.root().key(0)).isSameAs("apiVersion");
    }
    MapNode labels = yaml.root().get("metadata").get("labels").asMap();
    assertThat(labels.key(0)).isSameAs("app.kubernetes.io/name");
    assertThat(labels.key(1)).isEqualTo("own-label");
  }
}
