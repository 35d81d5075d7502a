/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

import static dev.kubeward.rules.cluster.controlplane.Component.ETCD;
import static dev.kubeward.rules.cluster.controlplane.FlagCheck.of;
import static dev.kubeward.rule.Severity.HIGH;
import static dev.kubeward.rule.Severity.MEDIUM;

import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * The etcd table: CIS Kubernetes Benchmark section 2 and the checks beyond it. etcd reads each flag
 * from its command line or, when absent there, from the {@code ETCD_*} environment variable;
 * defaults from etcd's {@code server/embed/config.go}.
 */
final class EtcdChecks {

  private EtcdChecks() {}

  static final List<FlagCheck> ROWS = List.of(
      of("etcd-client-tls", "2.1", ETCD, HIGH, Topic.ETCD,
          "etcd serves clients without TLS",
          Judges.allSet("cert-file", "key-file"),
          "Without --cert-file and --key-file etcd serves its clients in plain text: every object the API"
              + " server stores, Secrets included, crosses the network readable.",
          "Set --cert-file and --key-file, and https:// client URLs."),
      of("etcd-client-cert-auth", "2.2", ETCD, HIGH, Topic.ETCD,
          "etcd does not authenticate clients",
          Judges.bool("client-cert-auth", true, false),
          "With --client-cert-auth false (the default) anyone who reaches etcd's client port reads and writes"
              + " the whole cluster state, bypassing the API server's authentication and authorization.",
          "Set --client-cert-auth=true with --trusted-ca-file."),
      of("etcd-auto-tls", "2.3", ETCD, MEDIUM, Topic.ETCD,
          "etcd serves clients a self-signed certificate",
          Judges.bool("auto-tls", false, false),
          "--auto-tls=true makes etcd generate a self-signed certificate for clients, which they cannot verify.",
          "Remove --auto-tls or set it to false, and give --cert-file and --key-file."),
      of("etcd-peer-tls", "2.4", ETCD, HIGH, Topic.ETCD,
          "etcd members replicate without TLS",
          Judges.allSet("peer-cert-file", "peer-key-file"),
          "Without --peer-cert-file and --peer-key-file etcd members replicate the cluster state in plain text."
              + " A single-member etcd has no peers but still listens on its peer URLs.",
          "Set --peer-cert-file and --peer-key-file, and https:// peer URLs."),
      of("etcd-peer-client-cert-auth", "2.5", ETCD, HIGH, Topic.ETCD,
          "etcd does not authenticate its peers",
          Judges.bool("peer-client-cert-auth", true, false),
          "With --peer-client-cert-auth false (the default) anyone who reaches the peer port can join or talk"
              + " to the cluster as a member.",
          "Set --peer-client-cert-auth=true with --peer-trusted-ca-file."),
      of("etcd-peer-auto-tls", "2.6", ETCD, MEDIUM, Topic.ETCD,
          "etcd peers use self-signed certificates",
          Judges.bool("peer-auto-tls", false, false),
          "--peer-auto-tls=true makes etcd generate self-signed peer certificates, which peers cannot verify.",
          "Remove --peer-auto-tls or set it to false, and give --peer-cert-file and --peer-key-file."),
      of("etcd-trusted-ca-file", "2.7", ETCD, MEDIUM, Topic.ETCD,
          "etcd has no CA for client certificates",
          Judges.set("trusted-ca-file", "client certificates are not verified against a dedicated CA",
              "set --trusted-ca-file to a CA for etcd alone"),
          "Without --trusted-ca-file etcd has no CA of its own to verify client certificates with. The CA"
              + " should be etcd's alone, not the cluster CA, so that certificates issued for the cluster do not"
              + " open etcd.",
          "Set --trusted-ca-file to a CA that signs etcd's clients only."),
      // ---- beyond the benchmark ----
      of("etcd-plaintext-url", null, ETCD, HIGH, Topic.ETCD,
          "etcd listens in plain text beyond the node",
          Judges.plaintextUrls("listen-client-urls", "listen-peer-urls"),
          "An http:// client or peer URL on an address other than loopback carries the cluster state,"
              + " Secrets included, unencrypted and unauthenticated, whatever the certificate flags say.",
          "Use https:// for every client and peer URL that is not on 127.0.0.1."));
}
