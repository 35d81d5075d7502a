/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubeVersionsTest {

  private static final ScanSettings NO_VERSION = ScanSettings.defaults();
  private static final ScanSettings V1_26 = ScanSettings.builder().kubeVersion(KubeVersion.of(26)).build();

  private static Resource one(String yaml) {
    LoadResult result = Loader.defaults().loadString("test.yaml", yaml);
    assertThat(result.errors()).isEmpty();
    assertThat(result.resources()).hasSize(1);
    return result.resources().get(0);
  }

  private static Resource staticPod(String image) {
    return one("""
        apiVersion: v1
        kind: Pod
        metadata: {name: control-plane, namespace: kube-system}
        spec:
          initContainers: [{name: setup, image: "busybox:1.36"}]
          containers:
            - name: main
              image: "%s"
        """.formatted(image));
  }

  @ParameterizedTest
  @CsvSource({
      "registry.k8s.io/kube-apiserver:v1.29.3, 29",
      "registry.k8s.io/kube-controller-manager:v1.30.0, 30",
      "registry.k8s.io/kube-scheduler:v1.28.12, 28",
      "registry.k8s.io/kube-proxy:v1.31.1, 31",
      "kube-apiserver:v1.27.0, 27",
      "registry.k8s.io/kube-apiserver:v1.29.3@sha256:0123456789abcdef, 29",
      "registry.k8s.io/kube-apiserver:1.29.3, 29",
      "registry.k8s.io/kube-apiserver:v1.29, 29",
      "registry.k8s.io/kube-apiserver:v1.30.0-rc.1, 30",
      "host:5000/kube-apiserver:v1.28.0, 28",
      "host:5000/mirror/k8s/kube-scheduler:v1.26.5, 26",
      "k8s.gcr.io/kube-apiserver-amd64:v1.18.0, 18",
      "registry.k8s.io/kube-apiserver:latest, -1",
      "registry.k8s.io/kube-apiserver, -1",
      "host:5000/kube-apiserver, -1",
      "registry.k8s.io/kube-apiserver@sha256:0123456789abcdef, -1",
      "registry.k8s.io/kube-apiserver:v2.0.0, -1",
      "registry.k8s.io/kube-apiserver:v1.x, -1",
      "registry.k8s.io/kube-apiserver:v1.029.0, -1",
      "registry.k8s.io/kube-apiserver:v1.29.3_custom, -1",
      "registry.k8s.io/kube-apiserver-proxy:v1.2.0, -1",
      "registry.k8s.io/kube-apiserver-arm9:v1.29.0, -1",
      "ghcr.io/acme/my-kube-apiserver:v1.29.0, -1",
      "nginx:1.25, -1",
      "registry.k8s.io/etcd:3.5.12-0, -1",
      "registry.k8s.io/kube-state-metrics/kube-state-metrics:v1.9.8, -1",
      "kube-apiserver:v1.29.3/x, -1"
  })
  void readsTheMinorOfAControlPlaneImage(String image, int minor) {
    assertThat(KubeVersions.controlPlaneMinor(image)).isEqualTo(minor);
  }

  @Test
  void anObjectsImageTagDecidesWhenNoVersionIsGiven() {
    Resource pod = staticPod("registry.k8s.io/kube-apiserver:v1.29.3@sha256:0123456789abcdef");

    KubeVersions.Applied applied = KubeVersions.forObject(pod, NO_VERSION);

    assertThat(applied.version()).isEqualTo(KubeVersion.of(29));
    assertThat(applied.origin()).isEqualTo(KubeVersions.Origin.OBJECT);
    assertThat(applied.statement().line()).isEqualTo(8);
    assertThat(applied.describe()).isEqualTo("Kubernetes v1.29, from the image tag");
  }

  @Test
  void aDaemonSetOfKubeProxyStatesItsVersion() {
    Resource ds = one("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: kube-proxy, namespace: kube-system}
        spec:
          template:
            spec:
              containers: [{name: kube-proxy, image: "host:5000/kube-proxy:v1.28.0"}]
        """);

    assertThat(KubeVersions.forObject(ds, NO_VERSION).version()).isEqualTo(KubeVersion.of(28));
  }

  @Test
  void aKubeadmClusterConfigurationStatesItsVersion() {
    Resource config = one("""
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        kubernetesVersion: v1.30.1
        """);

    KubeVersions.Applied applied = KubeVersions.forObject(config, NO_VERSION);

    assertThat(applied.version()).isEqualTo(KubeVersion.of(30));
    assertThat(applied.origin()).isEqualTo(KubeVersions.Origin.OBJECT);
    assertThat(applied.statement().line()).isEqualTo(3);
    assertThat(applied.describe()).isEqualTo("Kubernetes v1.30, from kubernetesVersion");
  }

  @Test
  void aKubeadmLabelIsNoVersion() {
    Resource config = one("""
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        kubernetesVersion: stable-1.30
        """);

    assertThat(KubeVersions.forObject(config, NO_VERSION).origin()).isEqualTo(KubeVersions.Origin.DEFAULT);
  }

  @Test
  void kubernetesVersionOfAnotherKindStatesNothing() {
    Resource other = one("""
        apiVersion: example.com/v1
        kind: ClusterConfiguration
        kubernetesVersion: v1.30.1
        """);

    assertThat(KubeVersions.forObject(other, NO_VERSION).origin()).isEqualTo(KubeVersions.Origin.DEFAULT);
  }

  @Test
  void anExplicitVersionWinsOverTheObjects() {
    Resource pod = staticPod("registry.k8s.io/kube-apiserver:v1.29.3");

    KubeVersions.Applied applied = KubeVersions.forObject(pod, V1_26);

    assertThat(applied.version()).isEqualTo(KubeVersion.of(26));
    assertThat(applied.origin()).isEqualTo(KubeVersions.Origin.EXPLICIT);
    assertThat(applied.statement()).isSameAs(Node.MISSING);
    assertThat(applied.describe()).isEqualTo("Kubernetes v1.26, as set for the scan");
  }

  @Test
  void otherwiseTheNewestKnownVersionApplies() {
    KubeVersions.Applied tagged = KubeVersions.forObject(staticPod("registry.k8s.io/kube-apiserver:latest"), NO_VERSION);
    KubeVersions.Applied other = KubeVersions.forObject(staticPod("nginx:1.25"), NO_VERSION);

    for (KubeVersions.Applied applied : new KubeVersions.Applied[] {tagged, other}) {
      assertThat(applied.version()).isEqualTo(KubeVersion.newestKnown());
      assertThat(applied.origin()).isEqualTo(KubeVersions.Origin.DEFAULT);
      assertThat(applied.describe()).isEqualTo("Kubernetes v1.37, the newest known");
    }
  }

  @Test
  void theScanWideVersionAndWhetherItWasGiven() {
    assertThat(NO_VERSION.kubeVersion()).isEqualTo(KubeVersion.newestKnown());
    assertThat(NO_VERSION.isKubeVersionExplicit()).isFalse();
    assertThat(V1_26.kubeVersion()).isEqualTo(KubeVersion.of(26));
    assertThat(V1_26.isKubeVersionExplicit()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"v1.30.1, 30", "1.30.1, 30", "v1.30, 30", "v1.0.0, 0", "v1.31.0-alpha.2, 31", "v1.31.0+k3s1, 31",
      "latest, -1", "stable-1.30, -1", "v1.30., -1", "v2.30.1, -1", "v1.30.1.1, -1", "'', -1"})
  void readsVersionTexts(String text, int minor) {
    assertThat(KubeVersions.minorOf(text)).isEqualTo(minor);
  }

  @Test
  void theContextAsksOnTheScansSettings() {
    Context context = new Context() {
      @Override
      public FindingBuilder finding(Resource resource, Node at) {
        throw new UnsupportedOperationException();
      }

      @Override
      public ScanSettings settings() {
        return V1_26;
      }
    };

    assertThat(context.kubeVersion(staticPod("registry.k8s.io/kube-apiserver:v1.29.3")).version())
        .isEqualTo(KubeVersion.of(26));
  }
}
