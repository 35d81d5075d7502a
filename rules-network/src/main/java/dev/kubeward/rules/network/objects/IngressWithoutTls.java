/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An Ingress host that no {@code spec.tls} entry covers, one finding per host at its first
 * {@code host}; an Ingress with no TLS at all is reported at a rule without host, or at its
 * default backend. A {@code tls} entry without {@code hosts} covers every host (the controller's
 * default certificate), a {@code *.example.com} entry covers one label under it, and Ingresses
 * whose TLS a cloud load balancer terminates (certificate annotations of AWS, GCP, Azure) are left
 * alone, and so are minions of the NGINX Inc. controller's mergeable Ingresses, whose TLS is
 * their master's.
 */
public final class IngressWithoutTls implements ResourceRule {

  /** Annotations that give the load balancer in front of the Ingress a certificate. */
  private static final String[] CERTIFICATE_ANNOTATIONS = {
      "alb.ingress.kubernetes.io/certificate-arn",
      "ingress.gcp.kubernetes.io/pre-shared-cert",
      "networking.gke.io/managed-certificates",
      "appgw.ingress.kubernetes.io/appgw-ssl-certificate"};

  /**
   * The AWS Load Balancer Controller's listeners: with an HTTPS one the ALB terminates TLS, with a
   * certificate found in ACM by host name when no certificate-arn is given.
   */
  private static final String ALB_LISTEN_PORTS = "alb.ingress.kubernetes.io/listen-ports";

  /** NGINX Inc.'s mergeable Ingresses: a minion takes its TLS from its master. */
  private static final String MERGEABLE_TYPE = "nginx.org/mergeable-ingress-type";

  private static final RuleMetadata METADATA = RuleMetadata.builder("ingress-without-tls")
      .title("Ingress serves a host without TLS")
      .severity(Severity.MEDIUM)
      .topic(Topic.NETWORK)
      .kinds(GroupKind.INGRESS, GroupKind.EXTENSIONS_INGRESS)
      .rationale("An Ingress host that no spec.tls entry names is served over plain HTTP: passwords, session"
          + " cookies and API tokens cross the network readable and changeable by anyone on the path. The"
          + " rule checks each host of spec.rules against the hosts of spec.tls (a *.example.com entry"
          + " covers a.example.com, and an entry without hosts covers every host with the controller's"
          + " default certificate); an Ingress without any tls is also reported for its catch-all rule or"
          + " default backend. Ingresses whose load balancer holds the certificate (the"
          + " alb.ingress.kubernetes.io/certificate-arn, ingress.gcp.kubernetes.io/pre-shared-cert,"
          + " networking.gke.io/managed-certificates and appgw.ingress.kubernetes.io/appgw-ssl-certificate"
          + " annotations, or an HTTPS listener in alb.ingress.kubernetes.io/listen-ports, for which the"
          + " AWS controller finds the certificate by host name) are not reported, nor the minions of NGINX Inc.'s mergeable Ingresses"
          + " (nginx.org/mergeable-ingress-type: minion), which take their TLS from their master.")
      .remediation("Add a spec.tls entry naming the host and the Secret with its certificate (cert-manager can"
          + " issue it), and redirect HTTP to HTTPS.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Map<String, String> annotations = resource.annotations();
    if ("minion".equals(annotations.get(MERGEABLE_TYPE))) {
      return;
    }
    for (String key : CERTIFICATE_ANNOTATIONS) {
      if (annotations.containsKey(key)) {
        return;
      }
    }
    String albPorts = annotations.get(ALB_LISTEN_PORTS);
    if (albPorts != null && albPorts.contains("HTTPS")) {
      return;
    }
    Node spec = resource.root().get("spec");
    Node tls = spec.get("tls");
    for (int i = 0; i < tls.size(); i++) {
      if (tls.get(i).get("hosts").size() == 0) {
        return;
      }
    }
    Node rules = spec.get("rules");
    Set<String> seen = null;
    boolean reportedHostless = false;
    for (int i = 0; i < rules.size(); i++) {
      Node host = rules.get(i).get("host");
      String name = host.text("");
      if (name.isEmpty()) {
        if (tls.size() == 0 && !reportedHostless) {
          reportedHostless = true;
          context.finding(resource, rules.get(i))
              .message(resource.displayName() + " serves every host over plain HTTP (rule " + i
                  + " has no host and the Ingress has no tls)")
              .key("host:*")
              .report();
        }
        continue;
      }
      if (covered(name, tls)) {
        continue;
      }
      if (seen == null) {
        seen = new java.util.HashSet<>();
      }
      if (seen.add(name.toLowerCase(Locale.ROOT))) {
        context.finding(resource, host)
            .message(resource.displayName() + " serves host " + name + " over plain HTTP (no spec.tls entry names it)")
            .key("host:" + name.toLowerCase(Locale.ROOT))
            .report();
      }
    }
    Node fallback = spec.get("defaultBackend").isMissing() ? spec.get("backend") : spec.get("defaultBackend");
    if (tls.size() == 0 && !reportedHostless && !fallback.isNull()) {
      context.finding(resource, fallback)
          .message(resource.displayName() + " serves every host over plain HTTP (a default backend and no tls)")
          .key("host:*")
          .report();
    }
  }

  /** True if a host of a {@code tls} entry names {@code host}, exactly or by a one-label wildcard. */
  static boolean covered(String host, Node tls) {
    String h = host.toLowerCase(Locale.ROOT);
    for (int i = 0; i < tls.size(); i++) {
      Node hosts = tls.get(i).get("hosts");
      for (int j = 0; j < hosts.size(); j++) {
        String t = hosts.get(j).text("").toLowerCase(Locale.ROOT);
        if (t.equals(h)) {
          return true;
        }
        int dot = h.indexOf('.');
        if (t.startsWith("*.") && dot > 0 && h.length() - dot == t.length() - 1
            && h.regionMatches(dot, t, 1, t.length() - 1)) {
          return true;
        }
      }
    }
    return false;
  }
}
