/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The Pod Security Standards, exactly as the Pod Security Admission controller applies them, at
 * every policy version from v1.0 to the newest.
 *
 * <p>One rule per upstream check (its control is {@code pss-baseline:<check>} or
 * {@code pss-restricted:<check>} with the upstream check id). A rule reads the level and version of
 * the scan ({@code ScanSettings}): it applies its check's behaviour at the greatest policy version
 * not above the requested one, does nothing before its check exists, stays silent at restricted
 * where a restricted check overrides it, and restricted checks stay silent at baseline. So the
 * {@code pss-baseline} and {@code pss-restricted} profiles report exactly what admission at that
 * level and version would. {@code PssCheck} holds the check table and the override table;
 * {@code PssRule} the shared evaluation and wording.
 *
 * <p>{@link dev.kubeward.rules.workload.podsecurity.PodSecurityAdmission} evaluates the same
 * checks at the level and version the {@code pod-security.kubernetes.io} labels of each Namespace
 * in the scan ask for.
 */
package dev.kubeward.rules.workload.podsecurity;
