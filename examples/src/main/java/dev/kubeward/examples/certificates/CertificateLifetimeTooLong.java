/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.examples.certificates;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * A cert-manager {@code Certificate} that asks for a lifetime ({@code spec.duration}, a Go
 * duration such as {@code 2160h}) longer than a configurable maximum.
 */
public final class CertificateLifetimeTooLong implements ResourceRule {

  /** The rule's parameters. */
  public record Params(long maxHours) {}

  /** The longest lifetime allowed: declared, with its default, and read with this one key. */
  static final ParameterKey<Long> MAX_HOURS = ParameterKey.ofInt("maxHours", 2160,
      "The longest lifetime allowed, in hours (2160 h is 90 days).");

  /** cert-manager's Certificate; a Certificate of another group is not this one. */
  static final GroupKind CERTIFICATE = GroupKind.of("cert-manager.io", "Certificate");

  private static final RuleMetadata METADATA = RuleMetadata.builder("certificate-lifetime-too-long")
      .title("Certificate lifetime too long")
      .severity(Severity.MEDIUM)
      .topic(Topic.SECRETS)
      .kinds(CERTIFICATE)
      .parameters(MAX_HOURS)
      .rationale("A long-lived certificate stays useful to whoever steals its key for longer, and a"
          + " renewal process that runs rarely is a renewal process nobody notices failing.")
      .remediation("Set spec.duration to at most the allowed lifetime and let cert-manager renew it.")
      .build();

  private final Params params;

  public CertificateLifetimeTooLong() {
    this(Parameters.defaults(METADATA));
  }

  private CertificateLifetimeTooLong(Parameters parameters) {
    this.params = new Params(parameters.get(MAX_HOURS));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new CertificateLifetimeTooLong(parameters);
  }

  @Override
  public void check(Resource resource, Context context) {
    Node duration = resource.root().get("spec").get("duration");
    String text = duration.text();
    if (text == null) {
      return;
    }
    double hours = GoDuration.hours(text);
    if (hours > params.maxHours()) {
      context.report(resource, duration, resource.displayName() + " lives " + text + ", longer than the allowed " + params.maxHours() + "h (spec.duration)");
    }
  }
}
