/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.load.LoadLimits;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkloadViewsTest {

  /**
   * A carrier of {@code kind} with its pod template at the dotted {@code path}: labels
   * {@code app: w}, one container named {@code app}. The pod spec's first key sits on line
   * {@code 8 + depth} at column {@code 2 * depth + 3} (line 7, column 3 for a Pod).
   */
  static String carrier(String apiVersion, String kind, String path) {
    StringBuilder sb = new StringBuilder();
    sb.append("apiVersion: ").append(apiVersion).append('\n');
    sb.append("kind: ").append(kind).append('\n');
    sb.append("metadata:\n  name: w\n");
    String indent = "";
    if (path.isEmpty()) {
      sb.append("  labels: {app: w}\n");
    } else {
      for (String key : path.split("\\.")) {
        sb.append(indent).append(key).append(":\n");
        indent += "  ";
      }
      sb.append(indent).append("metadata:\n");
      sb.append(indent).append("  labels: {app: w}\n");
    }
    sb.append(indent).append("spec:\n");
    sb.append(indent).append("  containers:\n");
    sb.append(indent).append("    - name: app\n");
    sb.append(indent).append("      image: nginx\n");
    return sb.toString();
  }

  @ParameterizedTest
  @CsvSource({
      "v1, Pod, '', /spec",
      "v1, PodTemplate, template, /template/spec",
      "v1, ReplicationController, spec.template, /spec/template/spec",
      "apps/v1, Deployment, spec.template, /spec/template/spec",
      "apps/v1, ReplicaSet, spec.template, /spec/template/spec",
      "apps/v1, StatefulSet, spec.template, /spec/template/spec",
      "apps/v1, DaemonSet, spec.template, /spec/template/spec",
      "extensions/v1beta1, Deployment, spec.template, /spec/template/spec",
      "apps/v1beta2, DaemonSet, spec.template, /spec/template/spec",
      "batch/v1, Job, spec.template, /spec/template/spec",
      "batch/v1, CronJob, spec.jobTemplate.spec.template, /spec/jobTemplate/spec/template/spec",
      "batch/v1beta1, CronJob, spec.jobTemplate.spec.template, /spec/jobTemplate/spec/template/spec",
      "argoproj.io/v1alpha1, Rollout, spec.template, /spec/template/spec",
      "keda.sh/v1alpha1, ScaledJob, spec.jobTargetRef.template, /spec/jobTargetRef/template/spec",
      "apps.openshift.io/v1, DeploymentConfig, spec.template, /spec/template/spec",
      "serving.knative.dev/v1, Service, spec.template, /spec/template/spec"
  })
  void everyWorkloadKindHasItsPodSpec(String apiVersion, String kind, String path, String pointer) {
    Resource r = Manifests.one(carrier(apiVersion, kind, path));
    int depth = path.isEmpty() ? 0 : path.split("\\.").length;
    PodSpec pod = r.podSpec();

    assertThat(r.isWorkload()).isTrue();
    assertThat(pod.owner()).isSameAs(r);
    assertThat(pod.pointer()).isEqualTo(pointer);
    assertThat(Pointers.resolve(r.root(), pointer)).isSameAs(pod.spec());
    assertThat(r.pointerOf(pod.spec())).isEqualTo(pointer);
    assertThat(pod.spec().line()).isEqualTo(path.isEmpty() ? 7 : 8 + depth);
    assertThat(pod.spec().column()).isEqualTo(path.isEmpty() ? 3 : 2 * depth + 3);
    assertThat(pod.containers()).extracting(Container::name).containsExactly("app");
    assertThat(pod.containers().get(0).pointer()).isEqualTo(pointer + "/containers/0");
    assertThat(Pointers.resolve(r.root(), pod.containers().get(0).pointer())).isSameAs(pod.containers().get(0).node());
    assertThat(Inventory.podLabels(pod)).isEqualTo(Map.of("app", "w"));
    assertThat(pod.metadata().get("labels").get("app").text()).isEqualTo("w");
  }

  @ParameterizedTest
  @CsvSource({
      "v1, Service, spec.template",
      "example.com/v1, Deployment, spec.template",
      "v1, ConfigMap, spec.template",
      "apps/v1, Deployment, spec.other"
  })
  void otherObjectsHaveNoPodSpec(String apiVersion, String kind, String path) {
    Resource r = Manifests.one(carrier(apiVersion, kind, path));

    assertThat(r.podSpec()).isNull();
    assertThat(r.isWorkload()).isFalse();
  }

  @Test
  void aWorkloadWithoutATemplateSpecHasNoPodSpec() {
    Resource r = Manifests.one("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: empty}
        spec:
          template:
            metadata: {labels: {app: x}}
        """);

    assertThat(r.podSpec()).isNull();
  }

  @Test
  void declaredCarriersGetAPodSpec() {
    Loader loader = Loader.of(LoadLimits.DEFAULTS, WorkloadKinds.builtInWith(List.of(
        WorkloadKinds.Carrier.of("example.com", "Thing", "spec.template"),
        new WorkloadKinds.Carrier(null, "AnyGroupThing", List.of("spec", "pod")))));
    LoadResult result = loader.loadString("custom.yaml",
        carrier("example.com/v1", "Thing", "spec.template")
            + "---\n" + carrier("other.io/v2", "Thing", "spec.template")
            + "---\n" + carrier("whatever.dev/v1", "AnyGroupThing", "spec.pod")
            + "---\n" + carrier("apps/v1", "Deployment", "spec.template"));

    assertThat(result.errors()).isEmpty();
    List<Resource> resources = result.resources();
    assertThat(resources.get(0).podSpec().pointer()).isEqualTo("/spec/template/spec");
    assertThat(resources.get(1).podSpec()).as("group does not match").isNull();
    assertThat(resources.get(2).podSpec().pointer()).isEqualTo("/spec/pod/spec");
    assertThat(resources.get(3).podSpec().pointer()).as("built-ins stay").isEqualTo("/spec/template/spec");
    assertThat(loader.workloadKinds().isCarrierKind("Thing")).isTrue();
    assertThat(loader.workloadKinds().isCarrierKind("ConfigMap")).isFalse();
    assertThat(WorkloadKinds.builtInWith(List.of())).isSameAs(WorkloadKinds.builtIn());
  }

  private static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        securityContext:
          runAsNonRoot: true
          runAsUser: 1000
        ephemeralContainers:
          - name: debug
            image: busybox
        containers:
          - name: app
            image: app:1
            securityContext:
              runAsUser: 0
              privileged: true
          - name: side
            image: side:1
          - not-a-container
          - name: strict
            image: strict:1
            securityContext:
              runAsNonRoot: false
              runAsUser: ~
        initContainers:
          - name: init-a
            image: init:1
          - name: init-b
            image: init:2
      """;

  @Test
  void containersComeInAdmissionOrderWithTheirPointers() {
    Resource pod = Manifests.one(POD);
    List<Container> containers = pod.podSpec().containers();

    assertThat(containers).extracting(Container::name)
        .containsExactly("init-a", "init-b", "app", "side", "strict", "debug");
    assertThat(containers).extracting(Container::type).containsExactly(
        Container.Type.INIT, Container.Type.INIT, Container.Type.REGULAR, Container.Type.REGULAR,
        Container.Type.REGULAR, Container.Type.EPHEMERAL);
    assertThat(containers).extracting(Container::pointer).containsExactly(
        "/spec/initContainers/0", "/spec/initContainers/1", "/spec/containers/0",
        "/spec/containers/1", "/spec/containers/3", "/spec/ephemeralContainers/0");
    assertThat(containers).extracting(Container::index).containsExactly(0, 1, 0, 1, 3, 0);
    for (Container c : containers) {
      assertThat(Pointers.resolve(pod.root(), c.pointer())).isSameAs(c.node());
      assertThat(c.pod()).isSameAs(pod.podSpec());
    }
    assertThat(containers.get(0).describe()).isEqualTo("init container \"init-a\"");
    assertThat(containers.get(2).describe()).isEqualTo("container \"app\"");
    assertThat(containers.get(5).describe()).isEqualTo("ephemeral container \"debug\"");
    assertThat(containers.get(2).image().text()).isEqualTo("app:1");
    assertThat(containers.get(2).image().line()).isEqualTo(14);
    assertThat(containers.get(2).image().column()).isEqualTo(14);
    assertThat(containers.get(0).node().line()).isEqualTo(27);
    assertThat(containers.get(0).node().column()).isEqualTo(7);
  }

  @Test
  void effectiveSecurityContextPrefersTheContainer() {
    Resource pod = Manifests.one(POD);
    List<Container> containers = pod.podSpec().containers();
    Container app = containers.get(2);
    Container side = containers.get(3);
    Container strict = containers.get(4);

    Node appUser = app.effectiveSecurityContext("runAsUser");
    assertThat(appUser.longValue(-1)).isZero();
    assertThat(appUser.line()).isEqualTo(16);
    assertThat(appUser.column()).isEqualTo(20);
    assertThat(pod.pointerOf(appUser)).isEqualTo("/spec/containers/0/securityContext/runAsUser");

    Node appNonRoot = app.effectiveSecurityContext("runAsNonRoot");
    assertThat(appNonRoot.isTrue()).isTrue();
    assertThat(appNonRoot.line()).isEqualTo(7);
    assertThat(pod.pointerOf(appNonRoot)).isEqualTo("/spec/securityContext/runAsNonRoot");

    assertThat(side.securityContext()).isSameAs(Node.MISSING);
    assertThat(side.effectiveSecurityContext("runAsUser").longValue(-1)).isEqualTo(1000);
    assertThat(side.effectiveSecurityContext("privileged")).isSameAs(Node.MISSING);
    assertThat(app.effectiveSecurityContext("privileged").isTrue()).isTrue();

    assertThat(strict.effectiveSecurityContext("runAsNonRoot").isFalse()).as("explicit false wins").isTrue();
    assertThat(strict.effectiveSecurityContext("runAsUser").longValue(-1)).as("null falls back").isEqualTo(1000);
  }

  @Test
  void podSpecViewExposesPodLevelFields() {
    Resource pod = Manifests.one("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: win
          annotations: {a: b}
        spec:
          os: {name: windows}
          volumes:
            - name: data
              emptyDir: {}
          containers: []
        """);
    PodSpec spec = pod.podSpec();

    assertThat(spec.isWindows()).isTrue();
    assertThat(spec.volumes().get(0).get("name").text()).isEqualTo("data");
    assertThat(spec.annotations().get("a").text()).isEqualTo("b");
    assertThat(spec.containers()).isEmpty();
    assertThat(spec.securityContext()).isSameAs(Node.MISSING);
  }

  @Test
  void containerViewsCopyNothing() {
    Resource pod = Manifests.one(POD);
    List<Container> first = pod.podSpec().containers();
    List<Container> again = pod.podSpec().containers();

    assertThat(again).isSameAs(first);
    List<Node> nodes = new ArrayList<>();
    first.forEach(c -> nodes.add(c.node()));
    assertThat(nodes.get(2)).isSameAs(pod.root().get("spec").get("containers").get(0));
  }
}
