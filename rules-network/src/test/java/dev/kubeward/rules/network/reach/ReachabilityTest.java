/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Inventory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whole answers for small clusters, each worked out by hand from the Kubernetes documentation
 * (NetworkPolicy concepts page and API reference) and the network-policy-api reference for the
 * cluster-wide policies.
 */
class ReachabilityTest {

  private static Inventory inventory(String yaml) {
    LoadResult loaded = Loader.defaults().loadString("cluster.yaml", yaml);
    assertThat(loaded.errors()).isEmpty();
    return Inventory.of(loaded.resources());
  }

  private static String answer(String yaml, Reachability.Options options) {
    return Reachability.of(inventory(yaml), options).connections(null, null).text();
  }

  /**
   * A namespace selector admits pods of other namespaces; a named port resolves on the destination;
   * an isolated pod takes nothing its policies do not name; an ipBlock with except admits outside
   * addresses only; pods without egress policies reach everything.
   */
  private static final String SELECTORS = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: ops, labels: {team: ops}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop, labels: {team: shop}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: monitor, namespace: ops}
      spec:
        template:
          metadata: {labels: {app: prom}}
          spec:
            containers: [{name: prom, image: prom}]
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: db}}
          spec:
            containers: [{name: db, image: db, ports: [{containerPort: 5432}]}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: web, image: web, ports: [{name: http, containerPort: 8080}]}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: db, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: db}}
        ingress:
          - from: [{podSelector: {matchLabels: {app: web}}}]
            ports: [{protocol: TCP, port: 5432}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: web}}
        ingress:
          - from: [{namespaceSelector: {matchLabels: {team: ops}}}]
            ports: [{port: http}]
          - from: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]
            ports: [{port: 443}]
      """;

  @Test
  void selectorsNamedPortsAndExcept() {
    assertThat(answer(SELECTORS, Reachability.Options.defaults())).isEqualTo("""
        ops/monitor[Deployment] => shop/web[Deployment] : TCP 8080
        ops/monitor[Deployment] => 0.0.0.0/0 : All Connections
        ops/monitor[Deployment] => ::/0 : All Connections
        shop/db[StatefulSet] => ops/monitor[Deployment] : All Connections
        shop/db[StatefulSet] => 0.0.0.0/0 : All Connections
        shop/db[StatefulSet] => ::/0 : All Connections
        shop/web[Deployment] => ops/monitor[Deployment] : All Connections
        shop/web[Deployment] => shop/db[StatefulSet] : TCP 5432
        shop/web[Deployment] => 0.0.0.0/0 : All Connections
        shop/web[Deployment] => ::/0 : All Connections
        0.0.0.0/0 => ops/monitor[Deployment] : All Connections
        0.0.0.0/0 except 10.0.0.0/8 => shop/web[Deployment] : TCP 443
        ::/0 => ops/monitor[Deployment] : All Connections
        """);
  }

  @Test
  void filtersAndJson() {
    Reachability reach = Reachability.of(inventory(SELECTORS), Reachability.Options.defaults());
    Workload web = reach.model().workloads().stream().filter(w -> w.name().equals("web")).findFirst().orElseThrow();
    Workload db = reach.model().workloads().stream().filter(w -> w.name().equals("db")).findFirst().orElseThrow();
    Reachability.Answer answer = reach.connections(web, db);
    assertThat(answer.text()).isEqualTo("shop/web[Deployment] => shop/db[StatefulSet] : TCP 5432\n");
    assertThat(answer.json(false)).contains("\"connections\":[\n  {\"from\":{\"kind\":\"Deployment\",\"namespace\":"
        + "\"shop\",\"name\":\"web\"},\"to\":{\"kind\":\"StatefulSet\",\"namespace\":\"shop\",\"name\":\"db\"},"
        + "\"ports\":[{\"protocol\":\"TCP\",\"port\":5432}]}\n]}");
    Reachability.Answer into = reach.connections(null, web);
    assertThat(into.json(false)).contains("{\"from\":{\"ipBlock\":\"0.0.0.0/0\",\"except\":[\"10.0.0.0/8\"]},"
        + "\"to\":{\"kind\":\"Deployment\",\"namespace\":\"shop\",\"name\":\"web\"},"
        + "\"ports\":[{\"protocol\":\"TCP\",\"port\":443}]}");
    Reachability explained = Reachability.of(inventory(SELECTORS), Reachability.Options.defaults().withWhy(true));
    Reachability.Answer why = explained.connections(find(explained, "web"), find(explained, "db"));
    assertThat(why.connections().get(0).why()).containsExactly(
        "shop/web[Deployment] is not isolated for egress (no NetworkPolicy selects it)",
        "NetworkPolicy shop/db ingress rule 0 allows TCP 5432");
  }

  private static Workload find(Reachability reach, String name) {
    return reach.model().workloads().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
  }

  /**
   * Egress rules: a named port (name and protocol), a port range with endPort, a rule without
   * {@code to} (every destination), an ipBlock with except; a host-network pod, which policies see
   * as its node.
   */
  private static final String EGRESS = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: client, namespace: app}
      spec:
        template:
          metadata: {labels: {app: client}}
          spec:
            containers: [{name: c, image: c}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: server, namespace: app}
      spec:
        template:
          metadata: {labels: {app: server}}
          spec:
            containers:
              - name: s
                image: s
                ports:
                  - {name: grpc, containerPort: 50051}
                  - {name: grpc-udp, containerPort: 50052, protocol: UDP}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: agent, namespace: app, labels: {app: agent}}
      spec:
        hostNetwork: true
        containers: [{name: a, image: a}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: client-egress, namespace: app}
      spec:
        podSelector: {matchLabels: {app: client}}
        policyTypes: [Egress]
        egress:
          - to: [{podSelector: {matchLabels: {app: server}}}]
            ports: [{port: grpc}, {port: grpc-udp}]
          - to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
            ports: [{port: 9000, endPort: 9100}]
          - ports: [{protocol: UDP, port: 53}]
      """;

  @Test
  void egressHostNetworkAndOutsideBlocks() {
    assertThat(answer(EGRESS, Reachability.Options.defaults())).isEqualTo("""
        app/agent[Pod] => app/client[Deployment] : All Connections
        app/agent[Pod] => app/server[Deployment] : All Connections
        app/agent[Pod] => 0.0.0.0/0 : All Connections
        app/agent[Pod] => ::/0 : All Connections
        app/client[Deployment] => app/agent[Pod] : UDP 53
        app/client[Deployment] => app/server[Deployment] : TCP 50051,UDP 53
        app/client[Deployment] => 0.0.0.0/0 : UDP 53
        app/client[Deployment] => 10.0.0.0/8 except 10.1.0.0/16 : TCP 9000-9100
        app/client[Deployment] => ::/0 : UDP 53
        app/server[Deployment] => app/agent[Pod] : All Connections
        app/server[Deployment] => app/client[Deployment] : All Connections
        app/server[Deployment] => 0.0.0.0/0 : All Connections
        app/server[Deployment] => ::/0 : All Connections
        0.0.0.0/0 => app/agent[Pod] : All Connections
        0.0.0.0/0 => app/client[Deployment] : All Connections
        0.0.0.0/0 => app/server[Deployment] : All Connections
        ::/0 => app/agent[Pod] : All Connections
        ::/0 => app/client[Deployment] : All Connections
        ::/0 => app/server[Deployment] : All Connections
        """);
  }

  @Test
  void podCidrMakesCoveringBlocksSelectPods() {
    Reachability reach = Reachability.of(inventory(EGRESS),
        Reachability.Options.defaults().withPodCidr(Cidr.parse("10.0.0.0/16")));
    String text = reach.connections(null, null).text();
    assertThat(text).contains("app/client[Deployment] => app/server[Deployment] : TCP 9000-9100,TCP 50051,UDP 53\n")
        .contains("app/client[Deployment] => app/agent[Pod] : UDP 53\n");
    assertThat(reach.assumptions().get(0)).startsWith("pods have addresses in 10.0.0.0/16");
    // A pod network that the except block cuts into is not covered: pods are not selected.
    String cut = Reachability.of(inventory(EGRESS), Reachability.Options.defaults().withPodCidr(Cidr.parse("10.1.0.0/24")))
        .connections(null, null).text();
    assertThat(cut).contains("app/client[Deployment] => app/server[Deployment] : TCP 50051,UDP 53\n");
  }

  /**
   * AdminNetworkPolicy priorities (lower first) with Allow, Pass and Deny, then NetworkPolicies,
   * then the BaselineAdminNetworkPolicy for pods no NetworkPolicy selects.
   */
  private static final String TIERS = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: x, namespace: a}
      spec:
        template:
          metadata: {labels: {app: x}}
          spec: {containers: [{name: x, image: x}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: y, namespace: b}
      spec:
        template:
          metadata: {labels: {app: y}}
          spec: {containers: [{name: y, image: y}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: z, namespace: b}
      spec:
        template:
          metadata: {labels: {app: z}}
          spec: {containers: [{name: z, image: z}]}
      ---
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: AdminNetworkPolicy
      metadata: {name: pass-b}
      spec:
        priority: 10
        subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: b}}}
        ingress:
          - name: pass-from-a
            action: Pass
            from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: a}}}]
            ports: [{portNumber: {protocol: TCP, port: 80}}]
          - name: deny-a
            action: Deny
            from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: a}}}]
      ---
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: AdminNetworkPolicy
      metadata: {name: allow-x-to-z}
      spec:
        priority: 5
        subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: z}}}}
        ingress:
          - action: Allow
            from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: x}}}}]
            ports: [{portRange: {protocol: TCP, start: 8000, end: 8100}}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: y-allow, namespace: b}
      spec:
        podSelector: {matchLabels: {app: y}}
        ingress:
          - from: [{namespaceSelector: {}}]
            ports: [{port: 80}, {port: 443}]
      ---
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: BaselineAdminNetworkPolicy
      metadata: {name: default}
      spec:
        subject: {namespaces: {}}
        ingress:
          - action: Deny
            from: [{namespaces: {}}]
      """;

  @Test
  void adminNetworkPolicyTiers() {
    assertThat(answer(TIERS, Reachability.Options.defaults())).isEqualTo("""
        a/x[Deployment] => b/y[Deployment] : TCP 80
        a/x[Deployment] => b/z[Deployment] : TCP 8000-8100
        a/x[Deployment] => 0.0.0.0/0 : All Connections
        a/x[Deployment] => ::/0 : All Connections
        b/y[Deployment] => 0.0.0.0/0 : All Connections
        b/y[Deployment] => ::/0 : All Connections
        b/z[Deployment] => b/y[Deployment] : TCP 80,TCP 443
        b/z[Deployment] => 0.0.0.0/0 : All Connections
        b/z[Deployment] => ::/0 : All Connections
        0.0.0.0/0 => a/x[Deployment] : All Connections
        0.0.0.0/0 => b/z[Deployment] : All Connections
        ::/0 => a/x[Deployment] : All Connections
        ::/0 => b/z[Deployment] : All Connections
        """);
  }

  /**
   * A ClusterNetworkPolicy of the Admin tier denies the metadata address to every pod; an Ingress
   * brings the controller to its backend's target port, which the backend's policy admits only
   * from the controller's namespace.
   */
  private static final String CONTROLLER = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: front, namespace: web}
      spec:
        template:
          metadata: {labels: {app: front}}
          spec:
            containers: [{name: f, image: f, ports: [{name: http, containerPort: 8080}]}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: front, namespace: web}
      spec:
        selector: {app: front}
        ports: [{port: 80, targetPort: http}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: front, namespace: web}
      spec:
        rules:
          - http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: front, port: {number: 80}}}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: front, namespace: web}
      spec:
        podSelector: {matchLabels: {app: front}}
        ingress:
          - from:
              - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}
      ---
      apiVersion: policy.networking.k8s.io/v1alpha2
      kind: ClusterNetworkPolicy
      metadata: {name: no-metadata}
      spec:
        tier: Admin
        priority: 1
        subject: {namespaces: {}}
        egress:
          - action: Deny
            to: [{networks: [169.254.169.254/32]}]
      """;

  @Test
  void ingressControllerAndClusterNetworkPolicy() {
    assertThat(answer(CONTROLLER, Reachability.Options.defaults())).isEqualTo("""
        web/front[Deployment] => 0.0.0.0/0 except 169.254.169.254/32 : All Connections
        web/front[Deployment] => ::/0 : All Connections
        """);
    assertThat(answer(CONTROLLER, Reachability.Options.defaults().withIngressController("ingress-nginx",
        Map.of("app.kubernetes.io/name", "ingress-nginx")))).isEqualTo("""
        web/front[Deployment] => 0.0.0.0/0 except 169.254.169.254/32 : All Connections
        web/front[Deployment] => ::/0 : All Connections
        {ingressController} => web/front[Deployment] : TCP 8080
        """);
  }

  @Test
  void anIngressControllerInTheManifestsIsAWorkloadLikeAnyOther() {
    String yaml = CONTROLLER + """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: controller, namespace: ingress-nginx}
        spec:
          template:
            metadata: {labels: {app.kubernetes.io/name: ingress-nginx}}
            spec: {containers: [{name: c, image: c}]}
        """;
    Reachability reach = Reachability.of(inventory(yaml), Reachability.Options.defaults().withIngressController(
        "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx")));
    assertThat(reach.connections(null, find(reach, "front")).text()).isEqualTo("""
        ingress-nginx/controller[Deployment] => web/front[Deployment] : All Connections
        """);
  }

  @Test
  void ownersAreReportedAsTheTopmostOwnerInTheScan() {
    String yaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: n}
        spec:
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: w, image: w}]}
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: web-1
          namespace: n
          ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: "1", controller: true}]
        spec:
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: w, image: w}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-1-abc
          namespace: n
          labels: {app: web}
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-1, uid: "2", controller: true}]
        spec: {containers: [{name: w, image: w}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: job-1-xyz
          namespace: n
          ownerReferences: [{apiVersion: batch/v1, kind: Job, name: job-1, uid: "3", controller: true}]
        spec: {containers: [{name: j, image: j}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, namespace: n}
        spec: {containers: [{name: d, image: d}]}
        """;
    NetworkModel model = NetworkModel.of(inventory(yaml));
    assertThat(model.workloads()).extracting(Workload::label)
        .containsExactly("n/debug[Pod]", "n/job-1[Job]", "n/web[Deployment]");
    assertThat(model.workloads().get(2).pods()).hasSize(3);
    assertThat(model.workloads().get(1).inScan()).isFalse();
  }

  @Test
  void portSetsAndBlocks() {
    PortSet tcp = PortSet.of("TCP", 80, 90);
    assertThat(tcp.minus(PortSet.of("TCP", 85, 85)).toString()).isEqualTo("TCP 80-84,TCP 86-90");
    assertThat(PortSet.ALL.minus(PortSet.protocol("UDP")).toString()).isEqualTo("TCP,SCTP");
    assertThat(PortSet.protocol("TCP").union(PortSet.protocol("UDP")).union(PortSet.protocol("SCTP")).isAll()).isTrue();
    assertThat(Cidr.parse("10.1.2.3/8")).hasToString("10.0.0.0/8");
    assertThat(Cidr.parse("fd00::1/8")).hasToString("fd00::/8");
    assertThat(Cidr.parse("2001:db8::ffff:0:1/128")).hasToString("2001:db8::ffff:0:1/128");
    assertThat(Cidr.parse("::ffff:10.0.0.1/128")).hasToString("::ffff:a00:1/128");
    assertThat(Cidr.parse("10.0.0.0/33")).isNull();
    assertThat(Cidr.parse("example.com")).isNull();
  }
}
