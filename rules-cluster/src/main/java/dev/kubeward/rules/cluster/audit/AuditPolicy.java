/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.audit;

import dev.kubeward.model.ListNode;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * An audit {@code Policy} ({@code audit.k8s.io/v1}) read the way the API server's policy checker
 * reads it: the rules in order, the first rule whose every non-empty field matches a request decides
 * its level, and a request no rule matches is not logged.
 *
 * <p>Matching follows {@code k8s.io/apiserver/pkg/audit/policy/checker.go}: a rule with
 * {@code namespaces} or {@code resources} matches only resource requests, one with only
 * {@code nonResourceURLs} only non-resource requests, one with neither every request. In
 * {@code resources}, {@code pods} does not match {@code pods/exec}; {@code *} matches every
 * resource and subresource, {@code pods/*} every subresource of pods, a {@code *} followed by
 * {@code /scale} every {@code scale} subresource; a group must be equal ({@code ""} is the core
 * group), except {@code *}, which later API servers accept for every group. {@code resourceNames}
 * narrows a resource entry to those names. A non-resource URL ending in {@code *} matches every path with that prefix.
 */
final class AuditPolicy {

  /** The audit levels, from nothing to everything. */
  enum Level {
    NONE("None"), METADATA("Metadata"), REQUEST("Request"), REQUEST_RESPONSE("RequestResponse");

    final String text;

    Level(String text) {
      this.text = text;
    }

    static Level of(String text) {
      for (Level l : values()) {
        if (l.text.equals(text)) {
          return l;
        }
      }
      return null;
    }
  }

  /** One entry of a rule's {@code resources}: a group and its resources, maybe narrowed to names. */
  record GroupResources(String group, List<String> resources, List<String> resourceNames) {}

  /**
   * One rule of the policy.
   *
   * @param index 0-based position in {@code rules}
   * @param node the rule's map
   * @param level the level, or {@code null} if missing or unknown
   */
  record Rule(int index, MapNode node, Level level, List<String> users, List<String> userGroups,
      List<String> verbs, List<String> namespaces, List<GroupResources> resources, List<String> nonResourceUrls) {

    Node levelNode() {
      return node.get("level");
    }

    /** True if the rule matches only resource requests. */
    boolean resourceOnly() {
      return !namespaces.isEmpty() || !resources.isEmpty();
    }

    /** True if the rule matches only non-resource requests. */
    boolean nonResourceOnly() {
      return !resourceOnly() && !nonResourceUrls.isEmpty();
    }

    /** True if the rule has no restriction at all: it matches every request. */
    boolean catchAll() {
      return users.isEmpty() && userGroups.isEmpty() && verbs.isEmpty() && !resourceOnly() && !nonResourceOnly();
    }

    /** True if the rule restricts who or what verb, or which namespace. */
    boolean narrowsRequests() {
      return !users.isEmpty() || !userGroups.isEmpty() || !verbs.isEmpty() || !namespaces.isEmpty();
    }

    /**
     * What narrows the rule, for messages: {@code , only in namespaces kube-system}, or {@code ""}.
     */
    String scope() {
      StringBuilder sb = new StringBuilder();
      narrow(sb, "users", users);
      narrow(sb, "groups", userGroups);
      narrow(sb, "verbs", verbs);
      narrow(sb, "namespaces", namespaces);
      for (GroupResources gr : resources) {
        if (!gr.resourceNames().isEmpty()) {
          narrow(sb, "names", gr.resourceNames());
          break;
        }
      }
      return sb.length() == 0 ? "" : ", only for " + sb;
    }

    private static void narrow(StringBuilder sb, String what, List<String> values) {
      if (!values.isEmpty()) {
        sb.append(sb.length() == 0 ? "" : " and ").append(what).append(' ').append(String.join(", ", values));
      }
    }

    /** {@code rule 3} (1-based), for messages. */
    String label() {
      return "rule " + (index + 1);
    }
  }

  /** How far a rule matches the requests on one resource. */
  enum Reach {
    /** None of them. */
    NONE,
    /** Some of them (only some users, verbs, namespaces or names). */
    SOME,
    /** All of them. */
    ALL
  }

  private final Resource resource;
  private final Node rulesNode;
  private final List<Rule> rules;

  private AuditPolicy(Resource resource, Node rulesNode, List<Rule> rules) {
    this.resource = resource;
    this.rulesNode = rulesNode;
    this.rules = rules;
  }

  /** Reads the policy of {@code resource}. */
  static AuditPolicy of(Resource resource) {
    Node rulesNode = resource.root().get("rules");
    ListNode list = rulesNode.asList();
    List<Rule> rules = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      MapNode r = list.get(i).asMap();
      List<GroupResources> resources = new ArrayList<>();
      ListNode grs = r.get("resources").asList();
      for (int j = 0; j < grs.size(); j++) {
        Node gr = grs.get(j);
        resources.add(new GroupResources(gr.get("group").text(""), strings(gr.get("resources")),
            strings(gr.get("resourceNames"))));
      }
      rules.add(new Rule(i, r, Level.of(r.get("level").text()), strings(r.get("users")),
          strings(r.get("userGroups")), strings(r.get("verbs")), strings(r.get("namespaces")), resources,
          strings(r.get("nonResourceURLs"))));
    }
    return new AuditPolicy(resource, resource.root().keyNode("rules"), List.copyOf(rules));
  }

  static List<String> strings(Node node) {
    ListNode list = node.asList();
    if (list.size() == 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String t = list.get(i).text();
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  Resource resource() {
    return resource;
  }

  /** The {@code rules} key, to point at the list as a whole, or {@link Node#MISSING}. */
  Node rulesNode() {
    return rulesNode;
  }

  List<Rule> rules() {
    return rules;
  }

  /**
   * How far {@code rule} matches the requests on {@code resource} (with {@code subresource}, or
   * {@code ""}) in {@code group}, any verb, user, namespace and name.
   */
  static Reach reach(Rule rule, String group, String resource, String subresource) {
    if (rule.nonResourceOnly()) {
      return Reach.NONE;
    }
    boolean narrowed = rule.narrowsRequests();
    if (rule.resources().isEmpty()) {
      return narrowed ? Reach.SOME : Reach.ALL;
    }
    Reach best = Reach.NONE;
    for (GroupResources gr : rule.resources()) {
      if (!gr.group().equals(group) && !gr.group().equals("*")) {
        continue;
      }
      if (gr.resources().isEmpty()) {
        // Every resource of the group (resourceNames without resources is rejected by validation).
        return narrowed ? Reach.SOME : Reach.ALL;
      }
      boolean byName = !gr.resourceNames().isEmpty();
      for (String pattern : gr.resources()) {
        if (resourceMatches(pattern, resource, subresource)) {
          if (!narrowed && !byName) {
            return Reach.ALL;
          }
          best = Reach.SOME;
        }
      }
    }
    return best;
  }

  /** The checker's match of one {@code resources} pattern against a resource and subresource. */
  static boolean resourceMatches(String pattern, String resource, String subresource) {
    String combined = subresource.isEmpty() ? resource : resource + "/" + subresource;
    if (pattern.equals("*") || pattern.equals(combined)) {
      return true;
    }
    if (!subresource.isEmpty() && pattern.startsWith("*/") && pattern.substring(2).equals(subresource)) {
      return true;
    }
    return pattern.endsWith("/*") && pattern.substring(0, pattern.length() - 2).equals(resource);
  }

  /** True if a non-resource URL pattern matches a path, as the checker's {@code pathMatches}. */
  static boolean pathMatches(String path, String spec) {
    if (spec.equals("*") || spec.equals(path)) {
      return true;
    }
    if (spec.endsWith("*")) {
      int end = spec.length();
      while (end > 0 && spec.charAt(end - 1) == '*') {
        end--;
      }
      return path.startsWith(spec.substring(0, end));
    }
    return false;
  }

  /**
   * True if every request {@code later} matches is also matched by {@code earlier}, so
   * {@code later} can never decide a level. Conservative: true only when that is certain.
   */
  static boolean covers(Rule earlier, Rule later) {
    if (!coversList(earlier.users(), later.users()) || !coversList(earlier.userGroups(), later.userGroups())
        || !coversList(earlier.verbs(), later.verbs())) {
      return false;
    }
    if (earlier.resourceOnly()) {
      if (!later.resourceOnly() || !coversList(earlier.namespaces(), later.namespaces())) {
        return false;
      }
      if (earlier.resources().isEmpty()) {
        return true;
      }
      if (later.resources().isEmpty()) {
        return false;
      }
      for (GroupResources l : later.resources()) {
        if (!coveredByAny(earlier.resources(), l)) {
          return false;
        }
      }
      return true;
    }
    if (earlier.nonResourceOnly()) {
      if (!later.nonResourceOnly()) {
        return false;
      }
      for (String url : later.nonResourceUrls()) {
        boolean covered = false;
        for (String spec : earlier.nonResourceUrls()) {
          String prefix = url.endsWith("*") ? url.substring(0, url.length() - 1) : url;
          if (spec.equals("*") || spec.equals(url)
              || (spec.endsWith("*") && prefix.startsWith(spec.substring(0, spec.length() - 1)))) {
            covered = true;
            break;
          }
        }
        if (!covered) {
          return false;
        }
      }
      return true;
    }
    return true;
  }

  /** Every value {@code later} allows, {@code earlier} allows (an empty list allows all). */
  private static boolean coversList(List<String> earlier, List<String> later) {
    return earlier.isEmpty() || (!later.isEmpty() && earlier.containsAll(later));
  }

  private static boolean coveredByAny(List<GroupResources> earlier, GroupResources later) {
    for (GroupResources e : earlier) {
      if (!e.group().equals("*") && !e.group().equals(later.group())) {
        continue;
      }
      if (!coversList(e.resourceNames(), later.resourceNames())) {
        continue;
      }
      if (e.resources().isEmpty()) {
        return true;
      }
      if (later.resources().isEmpty()) {
        if (e.resources().contains("*")) {
          return true;
        }
        continue;
      }
      boolean all = true;
      for (String r : later.resources()) {
        if (!patternCovers(e.resources(), r)) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** True if one of {@code patterns} matches everything the pattern {@code r} matches. */
  private static boolean patternCovers(List<String> patterns, String r) {
    for (String p : patterns) {
      if (p.equals("*") || p.equals(r)) {
        return true;
      }
      int slash = r.indexOf('/');
      if (slash > 0 && !r.startsWith("*")) {
        String res = r.substring(0, slash);
        String sub = r.substring(slash + 1);
        if (p.equals(res + "/*")) {
          return true;
        }
        if (!sub.equals("*") && p.equals("*/" + sub)) {
          return true;
        }
      }
    }
    return false;
  }
}
