/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.kubeconfig;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Placeholders;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * A kubeconfig user whose client certificate ({@code client-certificate-data}, base64 of PEM or
 * DER) names the organisation {@code system:masters} in its subject: the group the API server lets
 * do anything before RBAC is asked, as in kubeadm's {@code super-admin.conf} (and {@code admin.conf}
 * before v1.29). Read with the JDK's X.509 support; data that is not a certificate is left alone.
 * Reported at the certificate; whether the key is in the file too is
 * {@code kubeconfig-embedded-credentials}'s.
 */
public final class KubeconfigSystemMasters implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("kubeconfig-system-masters")
      .title("Kubeconfig with a system:masters client certificate")
      .severity(Severity.HIGH)
      .topic(Topic.RBAC)
      .controls("cis-k8s:3.1.1")
      .kinds(GroupKind.KUBECONFIG)
      .rationale("Members of system:masters pass every authorization check without RBAC being consulted,"
          + " so no binding can be removed to take the rights away, and a client certificate cannot be"
          + " revoked before it expires. A kubeconfig with such a certificate is a break-glass credential"
          + " that should exist on one control-plane host, not in a repository.")
      .remediation("Keep system:masters certificates off repositories (kubeadm's super-admin.conf stays on"
          + " the control plane), give people certificates or OIDC identities in groups bound to roles"
          + " through RBAC, and re-issue the cluster CA if the key has leaked.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    ListNode users = resource.root().get("users").asList();
    for (int i = 0; i < users.size(); i++) {
      Node data = users.get(i).get("user").get("client-certificate-data");
      String text = data.text();
      if (text == null || Placeholders.isPlaceholder(text) || KubeconfigEmbeddedCredentials.isElided(text)) {
        continue;
      }
      X509Certificate cert = certificate(text);
      if (cert == null) {
        continue;
      }
      String subject = cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
      if (organisations(subject).contains("system:masters")) {
        String name = users.get(i).get("name").text("");
        context.finding(resource, data)
            .message(resource.displayName() + " gives user \"" + name + "\" a client certificate in group"
                + " system:masters (subject " + subject + "), which bypasses RBAC and cannot be revoked")
            .key("user:" + name)
            .report();
      }
    }
  }

  /** The certificate in base64 {@code text} (of PEM or DER), or {@code null}. */
  static X509Certificate certificate(String text) {
    try {
      byte[] bytes = Base64.getMimeDecoder().decode(text);
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(bytes));
    } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
      return null;
    }
  }

  /** The values of the {@code O} attributes of an RFC 2253 name, unescaped. */
  static List<String> organisations(String rfc2253) {
    List<String> out = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i <= rfc2253.length(); i++) {
      char c = i < rfc2253.length() ? rfc2253.charAt(i) : ',';
      if (c == '\\' && i + 1 < rfc2253.length()) {
        part.append(c).append(rfc2253.charAt(++i));
        continue;
      }
      if (c == ',' || c == '+') {
        String p = part.toString();
        if (p.startsWith("O=")) {
          out.add(unescape(p.substring(2)));
        }
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    return out;
  }

  private static String unescape(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        c = value.charAt(++i);
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
