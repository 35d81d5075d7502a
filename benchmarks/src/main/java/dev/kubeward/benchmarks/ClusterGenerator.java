/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates the manifests of a synthetic cluster with exactly a given number of resources,
 * deterministically from a seed: the same size and seed give the same bytes on every machine.
 *
 * <p>The cluster is made of team namespaces. Each has a Namespace, most have a default-deny
 * NetworkPolicy, and each holds two to six applications; an application is a ServiceAccount, a
 * workload (Deployment, StatefulSet, DaemonSet or CronJob), a Service, a ConfigMap, usually an
 * allow NetworkPolicy, and a Role with its RoleBinding. Every twentieth namespace adds a
 * ClusterRole and a ClusterRoleBinding. A seeded minority of workloads carries typical flaws
 * (privileged, root, {@code latest} images, host namespaces, no limits) and some roles grant
 * wildcards, so that per-resource and cross-resource rules both have work and findings.
 */
public final class ClusterGenerator {

  /** The seed the benchmarks use. */
  public static final long SEED = 20_240_917L;

  /** One generated file: its relative path, its text and the number of resources in it. */
  public record File(String path, String text, int resources) {}

  private final SplittableRandom random;
  private final List<File> files = new ArrayList<>();
  private final int target;
  private int count;

  private ClusterGenerator(int resources, long seed) {
    if (resources <= 0) {
      throw new IllegalArgumentException("resource count must be positive");
    }
    this.random = new SplittableRandom(seed);
    this.target = resources;
  }

  /** The files of a cluster of exactly {@code resources} resources, generated from {@code seed}. */
  public static List<File> generate(int resources, long seed) {
    ClusterGenerator g = new ClusterGenerator(resources, seed);
    g.run();
    return List.copyOf(g.files);
  }

  /** Writes {@code files} under {@code dir}, creating directories as needed. */
  public static void writeTo(Path dir, List<File> files) {
    try {
      for (File f : files) {
        Path p = dir.resolve(f.path());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.text(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the generated cluster to " + dir, e);
    }
  }

  private void run() {
    for (int ns = 0; count < target; ns++) {
      String namespace = String.format(Locale.ROOT, "team-%04d", ns);
      List<String> docs = new ArrayList<>();
      docs.add(namespaceDoc(namespace));
      if (random.nextInt(100) < 70) {
        docs.add(defaultDeny(namespace));
      }
      add(namespace + "/namespace.yaml", docs);
      int apps = 2 + random.nextInt(5);
      for (int a = 0; a < apps && count < target; a++) {
        String app = APP_NAMES[random.nextInt(APP_NAMES.length)] + "-" + a;
        add(namespace + "/" + app + ".yaml", application(namespace, app));
      }
      if (ns % 20 == 19 && count < target) {
        add("cluster/rbac-" + namespace + ".yaml", clusterRbac(namespace));
      }
    }
  }

  private void add(String path, List<String> docs) {
    List<String> kept = docs.subList(0, Math.min(docs.size(), target - count));
    if (kept.isEmpty()) {
      return;
    }
    count += kept.size();
    files.add(new File(path, String.join("---\n", kept), kept.size()));
  }

  private static final String[] APP_NAMES = {
      "api", "web", "worker", "cart", "checkout", "search", "auth", "billing", "catalog", "gateway",
      "ledger", "mailer", "metrics", "orders", "payments", "profile", "queue", "reports", "shipping", "users"};

  private static final String[] IMAGES = {
      "registry.example.com/%s/%s:1.%d.%d", "ghcr.io/example/%s-%s:v2.%d.%d",
      "docker.io/library/%s-%s:%d.%d-alpine"};

  private static String namespaceDoc(String namespace) {
    return "apiVersion: v1\n"
        + "kind: Namespace\n"
        + "metadata:\n"
        + "  name: " + namespace + "\n"
        + "  labels:\n"
        + "    kubernetes.io/metadata.name: " + namespace + "\n"
        + "    pod-security.kubernetes.io/enforce: baseline\n"
        + "    pod-security.kubernetes.io/warn: restricted\n";
  }

  private static String defaultDeny(String namespace) {
    return "apiVersion: networking.k8s.io/v1\n"
        + "kind: NetworkPolicy\n"
        + "metadata:\n"
        + "  name: default-deny\n"
        + "  namespace: " + namespace + "\n"
        + "spec:\n"
        + "  podSelector: {}\n"
        + "  policyTypes:\n"
        + "  - Ingress\n"
        + "  - Egress\n";
  }

  private List<String> application(String namespace, String app) {
    List<String> docs = new ArrayList<>();
    docs.add(serviceAccount(namespace, app));
    int kind = random.nextInt(100);
    String workloadKind = kind < 70 ? "Deployment" : kind < 85 ? "StatefulSet" : kind < 90 ? "DaemonSet" : "CronJob";
    docs.add(workload(namespace, app, workloadKind));
    docs.add(service(namespace, app));
    docs.add(configMap(namespace, app));
    if (random.nextInt(100) < 80) {
      docs.add(allowPolicy(namespace, app));
    }
    docs.add(role(namespace, app));
    docs.add(roleBinding(namespace, app));
    return docs;
  }

  private String serviceAccount(String namespace, String app) {
    return "apiVersion: v1\n"
        + "kind: ServiceAccount\n"
        + "metadata:\n"
        + "  name: " + app + "\n"
        + "  namespace: " + namespace + "\n"
        + "  labels:\n"
        + "    app.kubernetes.io/name: " + app + "\n"
        + (random.nextInt(100) < 60 ? "automountServiceAccountToken: false\n" : "");
  }

  private String workload(String namespace, String app, String kind) {
    StringBuilder sb = new StringBuilder(2048);
    sb.append("apiVersion: ").append(kind.equals("CronJob") ? "batch/v1" : "apps/v1").append('\n')
        .append("kind: ").append(kind).append('\n')
        .append("metadata:\n")
        .append("  name: ").append(app).append('\n')
        .append("  namespace: ").append(namespace).append('\n')
        .append("  labels:\n")
        .append("    app.kubernetes.io/name: ").append(app).append('\n')
        .append("    app.kubernetes.io/part-of: ").append(namespace).append('\n')
        .append("    app.kubernetes.io/version: \"1.").append(random.nextInt(40)).append("\"\n")
        .append("  annotations:\n")
        .append("    description: ").append(app).append(" service of ").append(namespace).append('\n')
        .append("spec:\n");
    String indent;
    if (kind.equals("CronJob")) {
      sb.append("  schedule: \"").append(random.nextInt(60)).append(" */6 * * *\"\n")
          .append("  concurrencyPolicy: Forbid\n")
          .append("  jobTemplate:\n")
          .append("    spec:\n")
          .append("      backoffLimit: 2\n")
          .append("      template:\n");
      indent = "        ";
    } else {
      if (!kind.equals("DaemonSet")) {
        sb.append("  replicas: ").append(1 + random.nextInt(5)).append('\n');
      }
      if (kind.equals("StatefulSet")) {
        sb.append("  serviceName: ").append(app).append('\n');
      }
      sb.append("  selector:\n")
          .append("    matchLabels:\n")
          .append("      app.kubernetes.io/name: ").append(app).append('\n')
          .append("  template:\n");
      indent = "    ";
    }
    podTemplate(sb, indent, namespace, app, kind.equals("CronJob"));
    return sb.toString();
  }

  private void podTemplate(StringBuilder sb, String in, String namespace, String app, boolean job) {
    boolean hardened = random.nextInt(100) < 75;
    sb.append(in).append("metadata:\n")
        .append(in).append("  labels:\n")
        .append(in).append("    app.kubernetes.io/name: ").append(app).append('\n')
        .append(in).append("  annotations:\n")
        .append(in).append("    prometheus.io/scrape: \"").append(random.nextBoolean()).append("\"\n")
        .append(in).append("    prometheus.io/port: \"9090\"\n")
        .append(in).append("spec:\n")
        .append(in).append("  serviceAccountName: ").append(app).append('\n');
    if (job) {
      sb.append(in).append("  restartPolicy: OnFailure\n");
    }
    if (random.nextInt(100) < 3) {
      sb.append(in).append("  hostNetwork: true\n");
    }
    if (random.nextInt(100) < 2) {
      sb.append(in).append("  hostPID: true\n");
    }
    if (hardened) {
      sb.append(in).append("  automountServiceAccountToken: false\n")
          .append(in).append("  securityContext:\n")
          .append(in).append("    runAsNonRoot: true\n")
          .append(in).append("    runAsUser: ").append(10_000 + random.nextInt(1000)).append('\n')
          .append(in).append("    fsGroup: 2000\n")
          .append(in).append("    seccompProfile:\n")
          .append(in).append("      type: RuntimeDefault\n");
    }
    boolean init = random.nextInt(100) < 20;
    if (init) {
      sb.append(in).append("  initContainers:\n");
      container(sb, in + "  ", namespace, app + "-init", hardened, false);
    }
    sb.append(in).append("  containers:\n");
    container(sb, in + "  ", namespace, app, hardened, true);
    if (random.nextInt(100) < 30) {
      container(sb, in + "  ", namespace, "proxy", hardened, false);
    }
    sb.append(in).append("  volumes:\n")
        .append(in).append("  - name: tmp\n")
        .append(in).append("    emptyDir: {}\n")
        .append(in).append("  - name: config\n")
        .append(in).append("    configMap:\n")
        .append(in).append("      name: ").append(app).append('\n');
    if (random.nextInt(100) < 3) {
      sb.append(in).append("  - name: host-logs\n")
          .append(in).append("    hostPath:\n")
          .append(in).append("      path: /var/log\n");
    }
  }

  private void container(StringBuilder sb, String in, String namespace, String name, boolean hardened, boolean main) {
    String image;
    if (random.nextInt(100) < 8) {
      image = "docker.io/library/" + name + ":latest";
    } else {
      image = String.format(Locale.ROOT, IMAGES[random.nextInt(IMAGES.length)], namespace, name, random.nextInt(30), random.nextInt(10));
    }
    sb.append(in).append("- name: ").append(name).append('\n')
        .append(in).append("  image: ").append(image).append('\n')
        .append(in).append("  imagePullPolicy: IfNotPresent\n");
    if (main) {
      sb.append(in).append("  ports:\n")
          .append(in).append("  - name: http\n")
          .append(in).append("    containerPort: 8080\n")
          .append(in).append("    protocol: TCP\n")
          .append(in).append("  - name: metrics\n")
          .append(in).append("    containerPort: 9090\n")
          .append(in).append("  env:\n")
          .append(in).append("  - name: LOG_LEVEL\n")
          .append(in).append("    value: ").append(random.nextBoolean() ? "info" : "debug").append('\n')
          .append(in).append("  - name: POD_NAMESPACE\n")
          .append(in).append("    valueFrom:\n")
          .append(in).append("      fieldRef:\n")
          .append(in).append("        fieldPath: metadata.namespace\n")
          .append(in).append("  - name: DATABASE_URL\n")
          .append(in).append("    valueFrom:\n")
          .append(in).append("      configMapKeyRef:\n")
          .append(in).append("        name: ").append(name).append('\n')
          .append(in).append("        key: database-url\n")
          .append(in).append("  readinessProbe:\n")
          .append(in).append("    httpGet:\n")
          .append(in).append("      path: /ready\n")
          .append(in).append("      port: http\n")
          .append(in).append("    periodSeconds: 10\n")
          .append(in).append("  livenessProbe:\n")
          .append(in).append("    httpGet:\n")
          .append(in).append("      path: /healthz\n")
          .append(in).append("      port: http\n")
          .append(in).append("    initialDelaySeconds: 15\n");
    }
    if (random.nextInt(100) < 85) {
      sb.append(in).append("  resources:\n")
          .append(in).append("    requests:\n")
          .append(in).append("      cpu: ").append(50 + 50 * random.nextInt(8)).append("m\n")
          .append(in).append("      memory: ").append(64 << random.nextInt(4)).append("Mi\n")
          .append(in).append("    limits:\n")
          .append(in).append("      memory: ").append(256 << random.nextInt(3)).append("Mi\n");
    }
    int flaw = random.nextInt(100);
    if (hardened && flaw >= 6) {
      sb.append(in).append("  securityContext:\n")
          .append(in).append("    allowPrivilegeEscalation: false\n")
          .append(in).append("    readOnlyRootFilesystem: true\n")
          .append(in).append("    capabilities:\n")
          .append(in).append("      drop:\n")
          .append(in).append("      - ALL\n");
    } else if (flaw < 3) {
      sb.append(in).append("  securityContext:\n")
          .append(in).append("    privileged: true\n");
    } else if (flaw < 6) {
      sb.append(in).append("  securityContext:\n")
          .append(in).append("    capabilities:\n")
          .append(in).append("      add:\n")
          .append(in).append("      - NET_ADMIN\n");
    }
    sb.append(in).append("  volumeMounts:\n")
        .append(in).append("  - name: tmp\n")
        .append(in).append("    mountPath: /tmp\n")
        .append(in).append("  - name: config\n")
        .append(in).append("    mountPath: /etc/").append(name).append('\n')
        .append(in).append("    readOnly: true\n");
  }

  private static String service(String namespace, String app) {
    return "apiVersion: v1\n"
        + "kind: Service\n"
        + "metadata:\n"
        + "  name: " + app + "\n"
        + "  namespace: " + namespace + "\n"
        + "  labels:\n"
        + "    app.kubernetes.io/name: " + app + "\n"
        + "spec:\n"
        + "  type: ClusterIP\n"
        + "  selector:\n"
        + "    app.kubernetes.io/name: " + app + "\n"
        + "  ports:\n"
        + "  - name: http\n"
        + "    port: 80\n"
        + "    targetPort: http\n";
  }

  private String configMap(String namespace, String app) {
    return "apiVersion: v1\n"
        + "kind: ConfigMap\n"
        + "metadata:\n"
        + "  name: " + app + "\n"
        + "  namespace: " + namespace + "\n"
        + "data:\n"
        + "  database-url: postgres://db." + namespace + ".svc:5432/" + app + "\n"
        + "  feature-flags: \"" + (random.nextBoolean() ? "new-ui,fast-path" : "none") + "\"\n"
        + "  app.properties: |\n"
        + "    server.port=8080\n"
        + "    cache.size=" + (100 * (1 + random.nextInt(50))) + "\n"
        + "    tracing.enabled=" + random.nextBoolean() + "\n";
  }

  private String allowPolicy(String namespace, String app) {
    return "apiVersion: networking.k8s.io/v1\n"
        + "kind: NetworkPolicy\n"
        + "metadata:\n"
        + "  name: allow-" + app + "\n"
        + "  namespace: " + namespace + "\n"
        + "spec:\n"
        + "  podSelector:\n"
        + "    matchLabels:\n"
        + "      app.kubernetes.io/name: " + app + "\n"
        + "  policyTypes:\n"
        + "  - Ingress\n"
        + "  ingress:\n"
        + "  - from:\n"
        + "    - namespaceSelector:\n"
        + "        matchLabels:\n"
        + "          kubernetes.io/metadata.name: " + (random.nextBoolean() ? namespace : "ingress") + "\n"
        + "    ports:\n"
        + "    - port: 8080\n"
        + "      protocol: TCP\n";
  }

  private String role(String namespace, String app) {
    boolean wildcard = random.nextInt(100) < 5;
    return "apiVersion: rbac.authorization.k8s.io/v1\n"
        + "kind: Role\n"
        + "metadata:\n"
        + "  name: " + app + "\n"
        + "  namespace: " + namespace + "\n"
        + "rules:\n"
        + "- apiGroups: [\"\"]\n"
        + "  resources: [\"configmaps\"]\n"
        + "  resourceNames: [\"" + app + "\"]\n"
        + "  verbs: [\"get\", \"watch\"]\n"
        + "- apiGroups: [\"\"]\n"
        + (wildcard ? "  resources: [\"*\"]\n  verbs: [\"*\"]\n"
            : "  resources: [\"" + (random.nextInt(100) < 10 ? "secrets" : "endpoints") + "\"]\n  verbs: [\"get\", \"list\"]\n");
  }

  private static String roleBinding(String namespace, String app) {
    return "apiVersion: rbac.authorization.k8s.io/v1\n"
        + "kind: RoleBinding\n"
        + "metadata:\n"
        + "  name: " + app + "\n"
        + "  namespace: " + namespace + "\n"
        + "roleRef:\n"
        + "  apiGroup: rbac.authorization.k8s.io\n"
        + "  kind: Role\n"
        + "  name: " + app + "\n"
        + "subjects:\n"
        + "- kind: ServiceAccount\n"
        + "  name: " + app + "\n"
        + "  namespace: " + namespace + "\n";
  }

  private List<String> clusterRbac(String namespace) {
    boolean admin = random.nextInt(100) < 30;
    String name = namespace + "-operator";
    String role = "apiVersion: rbac.authorization.k8s.io/v1\n"
        + "kind: ClusterRole\n"
        + "metadata:\n"
        + "  name: " + name + "\n"
        + "rules:\n"
        + "- apiGroups: [\"apps\"]\n"
        + "  resources: [\"deployments\", \"statefulsets\"]\n"
        + "  verbs: [\"get\", \"list\", \"watch\", \"update\", \"patch\"]\n"
        + "- apiGroups: [\"\"]\n"
        + "  resources: [\"pods\", \"pods/log\"]\n"
        + "  verbs: [\"get\", \"list\"]\n"
        + (admin ? "- apiGroups: [\"*\"]\n  resources: [\"*\"]\n  verbs: [\"*\"]\n" : "");
    String binding = "apiVersion: rbac.authorization.k8s.io/v1\n"
        + "kind: ClusterRoleBinding\n"
        + "metadata:\n"
        + "  name: " + name + "\n"
        + "roleRef:\n"
        + "  apiGroup: rbac.authorization.k8s.io\n"
        + "  kind: ClusterRole\n"
        + "  name: " + (random.nextInt(100) < 20 ? "cluster-admin" : name) + "\n"
        + "subjects:\n"
        + "- kind: ServiceAccount\n"
        + "  name: default\n"
        + "  namespace: " + namespace + "\n";
    return List.of(role, binding);
  }
}
