/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The port, env and volume views, on manifests as the loader reads them. */
class ContainerViewsTest {

  private static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: shop}
      spec:
        initContainers:
          - name: proxy
            restartPolicy: Always
            ports:
              - {name: admin, containerPort: 9901}
          - name: setup
            ports:
              - {name: setup, containerPort: 7000}
        containers:
          - name: app
            ports:
              - name: http
                containerPort: 8080
              - {name: dns, containerPort: 53, protocol: UDP, hostPort: 5353, hostIP: 10.0.0.1}
              - {containerPort: 9090, protocol: ""}
              - {containerPort: "9091", hostPort: 0}
              - {containerPort: 70000, hostPort: 99999}
            env:
              - {name: LEVEL, value: info}
              - {name: EMPTY}
              - name: PASSWORD
                valueFrom:
                  secretKeyRef: {name: db, key: password}
              - {name: MODE, valueFrom: {configMapKeyRef: {name: settings, key: mode}}}
              - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
              - {name: LIMIT, valueFrom: {resourceFieldRef: {resource: limits.memory}}}
              - {name: TOKEN, valueFrom: {fileKeyRef: {volumeName: env, path: app.env, key: TOKEN}}}
              - {name: ODD, valueFrom: {}}
              - {name: LEVEL, value: debug}
            envFrom:
              - {configMapRef: {name: common}, prefix: APP_}
              - secretRef: {name: creds}
              - {prefix: X_}
        volumes:
          - name: host
            hostPath: {path: /var/run/docker.sock, type: Socket}
          - {name: creds, secret: {secretName: db-creds}}
          - {name: conf, configMap: {name: app-config}}
          - {name: data, persistentVolumeClaim: {claimName: data-0}}
          - {name: scratch}
          - {name: tmp, emptyDir: {}}
          - {name: nulled, hostPath: null, emptyDir: {}}
          - {name: mystery, fancyNewSource: {}}
          - name: bundle
            projected:
              sources:
                - serviceAccountToken: {path: token}
                - configMap: {name: ca}
                - secret: {name: s}
                - downwardAPI: {items: []}
                - clusterTrustBundle: {signerName: x}
                - {}
      """;

  private final Resource pod = Manifests.one(POD);
  private final PodSpec spec = pod.podSpec();
  private final Container app = container("app");

  private Container container(String name) {
    return spec.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void portsWithTheirDefaults() {
    ListNode ports = Ports.of(app);

    assertThat(ports.size()).isEqualTo(5);
    Node http = ports.get(0);
    assertThat(Ports.number(http)).isEqualTo(8080);
    assertThat(Ports.name(http)).isEqualTo("http");
    assertThat(Ports.protocol(http)).isEqualTo("TCP");
    assertThat(Ports.protocolNode(http)).isSameAs(Node.MISSING);
    assertThat(Ports.hostPort(http)).isZero();
    assertThat(Ports.hostPortNode(http)).isSameAs(Node.MISSING);
    assertThat(Ports.numberNode(http).line()).isEqualTo(17);
    assertThat(Ports.numberNode(http).column()).isEqualTo(26);
    assertThat(Ports.nameNode(http).line()).isEqualTo(16);

    Node dns = ports.get(1);
    assertThat(Ports.protocol(dns)).isEqualTo("UDP");
    assertThat(Ports.hostPort(dns)).isEqualTo(5353);
    assertThat(Ports.hostIP(dns)).isEqualTo("10.0.0.1");
    assertThat(Ports.hostPortNode(dns).line()).isEqualTo(18);

    Node unnamed = ports.get(2);
    assertThat(Ports.name(unnamed)).isNull();
    assertThat(Ports.protocol(unnamed)).isEqualTo("TCP");

    Node quoted = ports.get(3);
    assertThat(Ports.number(quoted)).as("a quoted port is a string the API server rejects").isEqualTo(-1);
    assertThat(Ports.hostPort(quoted)).isZero();

    Node outOfRange = ports.get(4);
    assertThat(Ports.number(outOfRange)).isEqualTo(-1);
    assertThat(Ports.hostPort(outOfRange)).isEqualTo(-1);
  }

  @Test
  void hostNetworkGivesEveryPortAHostPort() {
    Resource hostNetwork = Manifests.one("""
        apiVersion: v1
        kind: Pod
        metadata: {name: node-agent}
        spec:
          hostNetwork: true
          containers:
            - name: agent
              ports: [{containerPort: 9100}, {containerPort: 9101, hostPort: 19101}]
        """);
    PodSpec p = hostNetwork.podSpec();
    ListNode ports = Ports.of(p.containers().get(0));

    assertThat(Ports.hostPort(ports.get(0))).isZero();
    assertThat(Ports.effectiveHostPort(p, ports.get(0))).isEqualTo(9100);
    assertThat(Ports.effectiveHostPort(p, ports.get(1))).isEqualTo(19101);
    assertThat(Ports.effectiveHostPort(spec, Ports.of(app).get(0))).isZero();
    assertThat(Ports.effectiveHostPort(spec, Ports.of(app).get(1))).isEqualTo(5353);
  }

  @Test
  void namedPortsResolveAsServicesAndPoliciesResolveThem() {
    assertThat(Ports.number(Ports.findNamed(spec, "http", "TCP"))).isEqualTo(8080);
    assertThat(Ports.number(Ports.findNamed(spec, "dns", "UDP"))).isEqualTo(53);
    assertThat(Ports.findNamed(spec, "dns", "TCP")).isSameAs(Node.MISSING);
    assertThat(Ports.number(Ports.findNamed(spec, "admin", "TCP"))).as("a sidecar's port").isEqualTo(9901);
    assertThat(Ports.findNamed(spec, "setup", "TCP")).as("a plain init container's port").isSameAs(Node.MISSING);
    assertThat(Ports.findNamed(spec, "none", "TCP")).isSameAs(Node.MISSING);
  }

  @Test
  void envEntriesBySource() {
    ListNode env = EnvVars.of(app);

    assertThat(env.size()).isEqualTo(9);
    List<EnvVars.Source> sources = new java.util.ArrayList<>();
    for (int i = 0; i < env.size(); i++) {
      sources.add(EnvVars.source(env.get(i)));
    }
    assertThat(sources).containsExactly(EnvVars.Source.VALUE, EnvVars.Source.VALUE, EnvVars.Source.SECRET_KEY_REF,
        EnvVars.Source.CONFIG_MAP_KEY_REF, EnvVars.Source.FIELD_REF, EnvVars.Source.RESOURCE_FIELD_REF,
        EnvVars.Source.FILE_KEY_REF, EnvVars.Source.UNKNOWN, EnvVars.Source.VALUE);

    Node level = env.get(0);
    assertThat(EnvVars.name(level)).isEqualTo("LEVEL");
    assertThat(EnvVars.valueNode(level).text()).isEqualTo("info");
    assertThat(EnvVars.sourceKeyNode(level)).isSameAs(Node.MISSING);
    assertThat(EnvVars.sourceNode(level)).isSameAs(Node.MISSING);
    assertThat(EnvVars.referencedName(level)).isNull();

    assertThat(EnvVars.valueNode(env.get(1))).isSameAs(Node.MISSING);

    Node password = env.get(2);
    assertThat(EnvVars.nameNode(password).line()).isEqualTo(25);
    assertThat(EnvVars.sourceKeyNode(password).line()).isEqualTo(27);
    assertThat(EnvVars.sourceKeyNode(password).column()).isEqualTo(13);
    assertThat(EnvVars.sourceKeyNode(password).text()).isEqualTo("secretKeyRef");
    assertThat(EnvVars.sourceNode(password).isMap()).isTrue();
    assertThat(EnvVars.referencedName(password)).isEqualTo("db");
    assertThat(EnvVars.referencedKey(password)).isEqualTo("password");

    assertThat(EnvVars.referencedName(env.get(3))).isEqualTo("settings");
    assertThat(EnvVars.referencedKey(env.get(3))).isEqualTo("mode");
    assertThat(EnvVars.referencedName(env.get(4))).isNull();
    assertThat(EnvVars.referencedKey(env.get(6))).isEqualTo("TOKEN");
    assertThat(EnvVars.sourceKeyNode(env.get(7)).text()).isEqualTo("valueFrom");
    assertThat(EnvVars.Source.SECRET_KEY_REF.field()).isEqualTo("secretKeyRef");
  }

  @Test
  void theLastDefinitionOfANameWins() {
    assertThat(EnvVars.find(app, "LEVEL")).isSameAs(EnvVars.of(app).get(8));
    assertThat(EnvVars.valueNode(EnvVars.find(app, "LEVEL")).text()).isEqualTo("debug");
    assertThat(EnvVars.find(app, "APP_ANYTHING")).isSameAs(Node.MISSING);
  }

  @Test
  void envFromSources() {
    ListNode from = EnvVars.envFrom(app);

    assertThat(from.size()).isEqualTo(3);
    assertThat(EnvVars.fromSource(from.get(0))).isEqualTo(EnvVars.FromSource.CONFIG_MAP);
    assertThat(EnvVars.fromName(from.get(0))).isEqualTo("common");
    assertThat(EnvVars.fromPrefix(from.get(0))).isEqualTo("APP_");
    assertThat(EnvVars.fromKeyNode(from.get(0)).text()).isEqualTo("configMapRef");
    assertThat(EnvVars.fromSource(from.get(1))).isEqualTo(EnvVars.FromSource.SECRET);
    assertThat(EnvVars.fromName(from.get(1))).isEqualTo("creds");
    assertThat(EnvVars.fromPrefix(from.get(1))).isEmpty();
    assertThat(EnvVars.fromKeyNode(from.get(1)).line()).isEqualTo(36);
    assertThat(EnvVars.fromSource(from.get(2))).isEqualTo(EnvVars.FromSource.UNKNOWN);
    assertThat(EnvVars.fromName(from.get(2))).isNull();
    assertThat(EnvVars.fromKeyNode(from.get(2))).isSameAs(Node.MISSING);
  }

  @Test
  void volumesByKind() {
    ListNode volumes = Volumes.of(spec);
    List<Volumes.Kind> kinds = new java.util.ArrayList<>();
    for (int i = 0; i < volumes.size(); i++) {
      kinds.add(Volumes.kind(volumes.get(i)));
    }

    assertThat(kinds).containsExactly(Volumes.Kind.HOST_PATH, Volumes.Kind.SECRET, Volumes.Kind.CONFIG_MAP,
        Volumes.Kind.PERSISTENT_VOLUME_CLAIM, Volumes.Kind.NONE, Volumes.Kind.EMPTY_DIR, Volumes.Kind.EMPTY_DIR,
        Volumes.Kind.UNKNOWN, Volumes.Kind.PROJECTED);
    Node host = volumes.get(0);
    assertThat(Volumes.name(host)).isEqualTo("host");
    assertThat(Volumes.hostPath(host)).isEqualTo("/var/run/docker.sock");
    assertThat(Volumes.hostPathNode(host).line()).isEqualTo(40);
    assertThat(Volumes.hostPathNode(host).column()).isEqualTo(24);
    assertThat(Volumes.sourceKeyNode(host).text()).isEqualTo("hostPath");
    assertThat(Volumes.sourceKeyNode(host).line()).isEqualTo(40);
    assertThat(Volumes.sourceNode(host).get("type").text()).isEqualTo("Socket");
    assertThat(Volumes.hostPath(volumes.get(1))).isNull();
    assertThat(Volumes.referencedName(volumes.get(1))).isEqualTo("db-creds");
    assertThat(Volumes.referencedName(volumes.get(2))).isEqualTo("app-config");
    assertThat(Volumes.referencedName(volumes.get(3))).isEqualTo("data-0");
    assertThat(Volumes.referencedName(host)).isNull();
    assertThat(Volumes.sourceKeyNode(volumes.get(4))).isSameAs(Node.MISSING);
    assertThat(Volumes.sourceKeyNode(volumes.get(7)).text()).isEqualTo("fancyNewSource");
    assertThat(Volumes.named(spec, "conf")).isSameAs(volumes.get(2));
    assertThat(Volumes.named(spec, "nope")).isSameAs(Node.MISSING);
    assertThat(Volumes.Kind.ofField("hostPath")).isEqualTo(Volumes.Kind.HOST_PATH);
    assertThat(Volumes.Kind.ofField("name")).isNull();
  }

  @Test
  void projectedSources() {
    Node bundle = Volumes.named(spec, "bundle");
    ListNode sources = Volumes.projectedSources(bundle);
    List<Volumes.Projection> projections = new java.util.ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      projections.add(Volumes.projection(sources.get(i)));
    }

    assertThat(projections).containsExactly(Volumes.Projection.SERVICE_ACCOUNT_TOKEN, Volumes.Projection.CONFIG_MAP,
        Volumes.Projection.SECRET, Volumes.Projection.DOWNWARD_API, Volumes.Projection.CLUSTER_TRUST_BUNDLE,
        Volumes.Projection.UNKNOWN);
    assertThat(Volumes.projectedSources(Volumes.named(spec, "host")).size()).isZero();
  }

  @Test
  void theServiceAccountViewIsTheExistingOne() {
    assertThat(ServiceAccounts.nameOf(spec.spec())).isEqualTo(ServiceAccounts.DEFAULT);
  }
}
