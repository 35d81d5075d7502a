/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The vocabulary of the standard references a rule names in its {@link RuleMetadata#controls()}:
 * an open set of ids under known prefixes, each prefix with the form of its ids.
 *
 * <ul>
 *   <li>{@code pss-baseline:<check>} and {@code pss-restricted:<check>}: a check id of the Pod
 *       Security Admission implementation ({@code privileged}, {@code capabilities_restricted});
 *   <li>{@code cis-k8s:<id>}: a recommendation of the CIS Kubernetes Benchmark
 *       {@value #CIS_K8S_VERSION}, and only one listed in it ({@link #cisK8sTitle(String)});
 *   <li>{@code nsa-cisa:<id>}: a free-form id into the NSA/CISA Kubernetes Hardening Guidance
 *       (letters, digits, {@code .}, {@code _} and {@code -});
 *   <li>{@code mitre-attack:T1234} or {@code mitre-attack:T1234.001}: a MITRE ATT&amp;CK technique
 *       or sub-technique;
 *   <li>{@code cve:CVE-2020-8554}: a CVE id.
 * </ul>
 */
public final class Controls {

  /** The one version of the CIS Kubernetes Benchmark every {@code cis-k8s:} control refers to. */
  public static final String CIS_K8S_VERSION = "1.12";

  private static final String CIS_K8S_TABLE = "cis-k8s-1.12.tsv";

  private static final String PREFIXES = "pss-baseline:, pss-restricted:, cis-k8s:, nsa-cisa:, mitre-attack: or cve:";

  private static final Pattern PSS_CHECK = Pattern.compile("[a-z][A-Za-z0-9]*(_[a-z]+)?");
  private static final Pattern FREE_FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");
  private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
  private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");

  private Controls() {}

  /**
   * Why {@code control} is not a valid control, as a phrase that follows "control '...' ", or
   * {@code null} when it is valid.
   */
  static String problem(String control) {
    int colon = control == null ? -1 : control.indexOf(':');
    if (colon < 0) {
      return "has no known prefix (expected " + PREFIXES + ")";
    }
    String prefix = control.substring(0, colon);
    String id = control.substring(colon + 1);
    switch (prefix) {
      case "pss-baseline":
      case "pss-restricted":
        return PSS_CHECK.matcher(id).matches() ? null
            : "is not of the form " + prefix + ":<check> with a Pod Security Admission check id";
      case "cis-k8s":
        return CisK8s.TITLES.containsKey(id) ? null
            : "is not a recommendation of the CIS Kubernetes Benchmark " + CIS_K8S_VERSION;
      case "nsa-cisa":
        return FREE_FORM.matcher(id).matches() ? null
            : "is not of the form nsa-cisa:<id> with letters, digits, '.', '_' and '-'";
      case "mitre-attack":
        return TECHNIQUE.matcher(id).matches() ? null
            : "is not of the form mitre-attack:T1234 or mitre-attack:T1234.001";
      case "cve":
        return CVE.matcher(id).matches() ? null : "is not of the form cve:CVE-2020-8554";
      default:
        return "has no known prefix (expected " + PREFIXES + ")";
    }
  }

  /** True if {@code control} is of a known prefix and of that prefix's form. */
  public static boolean isValid(String control) {
    return problem(control) == null;
  }

  /**
   * Checks {@code control}.
   *
   * @throws IllegalArgumentException naming the control and what is wrong with it
   */
  public static String requireValid(String control) {
    String problem = problem(control);
    if (problem != null) {
      throw new IllegalArgumentException("control '" + control + "' " + problem);
    }
    return control;
  }

  /**
   * The title of recommendation {@code id} ({@code 5.2.8}, without the prefix) of the CIS
   * Kubernetes Benchmark {@value #CIS_K8S_VERSION}, in Kubeward's words, or {@code null} if the
   * benchmark has no such recommendation.
   */
  public static String cisK8sTitle(String id) {
    return CisK8s.TITLES.get(id);
  }

  /**
   * Every recommendation of the CIS Kubernetes Benchmark {@value #CIS_K8S_VERSION}: id to title,
   * in benchmark order.
   */
  public static Map<String, String> cisK8s() {
    return CisK8s.TITLES;
  }

  /** The benchmark table, read once from {@code cis-k8s-1.12.tsv} next to this class. */
  private static final class CisK8s {
    static final Map<String, String> TITLES = read();

    private static Map<String, String> read() {
      Map<String, String> titles = new LinkedHashMap<>();
      try (InputStream in = Controls.class.getResourceAsStream(CIS_K8S_TABLE)) {
        if (in == null) {
          throw new IllegalStateException("the table " + CIS_K8S_TABLE + " is missing from the classpath");
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          int tab = line.indexOf('\t');
          if (tab <= 0 || titles.put(line.substring(0, tab), line.substring(tab + 1)) != null) {
            throw new IllegalStateException("the table " + CIS_K8S_TABLE + " has a malformed or repeated row");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Collections.unmodifiableMap(titles);
    }
  }
}
