/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FindingBuilder;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.PssLevel;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.ScanSettings;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Set;

/**
 * What Pod Security Admission would do to the workloads of the namespaces in the scan. For each
 * Namespace with {@code pod-security.kubernetes.io/*} labels, the workloads of that namespace are
 * evaluated at the level and version of each mode, the way admission resolves the labels (an
 * invalid enforce level means restricted, an invalid warn or audit level means privileged, an
 * invalid version means latest, and warn follows enforce when it has no label of its own).
 *
 * <p>Admission applies enforce to Pods only: a Pod that fails is rejected (HIGH). A Deployment,
 * CronJob or other template is admitted, with warnings and audit annotations only, but the Pods
 * its controller creates are rejected, which is reported on the template (HIGH). What only the
 * {@code warn} label flags is MEDIUM, what only {@code audit} flags is LOW. One finding per violated
 * check and offending field, with the check's control.
 *
 * <p>The cluster-wide defaults of a PodSecurity admission configuration in the scan (an
 * {@code AdmissionConfiguration} with an inline {@code PodSecurityConfiguration}, or that file
 * itself; the first in source order) apply to every mode a namespace does not label, as admission
 * applies them, and a namespace its {@code exemptions.namespaces} lists is not evaluated.
 *
 * <p>With {@code checkNamespaceLabels} (the default), each declared Namespace, other than
 * {@code kube-system}, {@code kube-public} and {@code kube-node-lease}, is judged too, with its
 * workloads named in the message: one without a {@code pod-security.kubernetes.io/enforce} label
 * where no stricter cluster default covers it, or that enforces {@code privileged}, rejects nothing
 * (LOW); one whose enforce level is weaker than the cluster default is MEDIUM; one exempted by the
 * configuration is INFO.
 */
public final class PodSecurityAdmission implements InventoryRule {

  private static final ParameterKey<Boolean> NAMESPACE_LABELS = ParameterKey.ofBoolean("checkNamespaceLabels", true,
      "Also report declared namespaces whose Pod Security labels enforce nothing, are weaker than the cluster"
      + " default, or are exempted.");

  private static final RuleMetadata METADATA = RuleMetadata.builder("pod-security-admission")
      .title("Workload rejected or flagged by its namespace's Pod Security Admission labels")
      .severity(Severity.HIGH)
      .topic(Topic.POD_SECURITY)
      .kinds(GroupKind.NAMESPACE, RuleMetadata.WORKLOADS, GroupKind.ADMISSION_CONFIGURATION,
          GroupKind.LEGACY_ADMISSION_CONFIGURATION, GroupKind.POD_SECURITY_CONFIGURATION)
      .parameters(NAMESPACE_LABELS)
      .rationale("A namespace labelled pod-security.kubernetes.io/enforce rejects Pods that violate its"
          + " level, so a workload that violates it deploys but never runs: its Pods fail to be created."
          + " The warn and audit labels report violations without blocking them. A namespace without an"
          + " enforce label (unless the cluster's admission configuration enforces a default), or enforcing"
          + " privileged, rejects nothing at all, whatever its workloads do.")
      .remediation("Make the workload meet the level its namespace enforces, or change the namespace's"
          + " pod-security.kubernetes.io labels deliberately; label every namespace with"
          + " pod-security.kubernetes.io/enforce at baseline or restricted.")
      .build();

  static final String PREFIX = "pod-security.kubernetes.io/";

  private static final Set<String> SYSTEM_NAMESPACES = Set.of("kube-system", "kube-public", "kube-node-lease");

  private final boolean namespaceLabels;

  public PodSecurityAdmission() {
    this(Parameters.defaults(METADATA));
  }

  private PodSecurityAdmission(Parameters parameters) {
    this.namespaceLabels = parameters.get(NAMESPACE_LABELS);
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new PodSecurityAdmission(parameters);
  }

  /** The PSA template kinds: admission evaluates them in warn and audit modes only. */
  private static final Set<GroupKind> TEMPLATE_KINDS = Set.of(
      GroupKind.POD_TEMPLATE, GroupKind.REPLICATION_CONTROLLER, GroupKind.REPLICA_SET, GroupKind.DEPLOYMENT,
      GroupKind.STATEFUL_SET, GroupKind.DAEMON_SET, GroupKind.JOB, GroupKind.CRON_JOB);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  /** The check ids this rule evaluates, for tests. */
  static List<PssCheck> checks() {
    List<PssCheck> out = new ArrayList<>();
    for (PssRule rule : PodSecurityStandards.CHECKS) {
      out.add(rule.pssCheck());
    }
    return out;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    // Every copy of a Namespace counts: a copy with harmless labels never hides one that rejects
    // Pods. Copies with the same policy are evaluated once.
    Set<NamespacePolicy> seen = new HashSet<>();
    ClusterDefaults defaults = ClusterDefaults.of(inventory);
    Set<String> judged = namespaceLabels ? new HashSet<>() : null;
    Evaluations evaluations = new Evaluations(context.settings());
    for (Resource namespace : inventory.ofKind(GroupKind.NAMESPACE)) {
      if (namespace.name() == null) {
        continue;
      }
      if (judged != null && judged.add(namespace.name())) {
        judgeLabels(namespace, defaults, inventory, context);
      }
      if (defaults != null && defaults.exempt().containsKey(namespace.name())) {
        continue;
      }
      NamespacePolicy policy = NamespacePolicy.of(namespace, defaults == null ? Map.of() : defaults.labels());
      if (policy == null || !seen.add(policy)) {
        continue;
      }
      int[][] plan = plan(policy);
      for (Resource workload : inventory.inNamespace(namespace.name())) {
        if (workload.isWorkload()) {
          evaluate(workload, policy, plan, evaluations, context);
        }
      }
    }
  }

  private enum Kind {
    /** A Pod: enforce, warn and audit apply to it. */
    POD,
    /** A kind admission evaluates as a template: warn and audit apply to it, enforce to its Pods. */
    TEMPLATE,
    /** A template carrier admission does not know: every mode applies to its Pods only. */
    OTHER
  }

  private static Kind kindOf(Resource r) {
    if (r.is(GroupKind.POD)) {
      return Kind.POD;
    }
    return TEMPLATE_KINDS.contains(r.groupKind()) ? Kind.TEMPLATE : Kind.OTHER;
  }

  /** For each mode of {@code policy}, the indices in {@link PodSecurityStandards#CHECKS} of the checks it runs. */
  private static int[][] plan(NamespacePolicy policy) {
    List<Mode> modes = policy.modes();
    List<PssRule> checks = PodSecurityStandards.CHECKS;
    int[][] plan = new int[modes.size()][];
    int[] scratch = new int[checks.size()];
    for (int m = 0; m < modes.size(); m++) {
      Mode mode = modes.get(m);
      int n = 0;
      for (int c = 0; c < checks.size(); c++) {
        if (checks.get(c).runsAt(mode.level(), mode.version().minor())) {
          scratch[n++] = c;
        }
      }
      plan[m] = Arrays.copyOf(scratch, n);
    }
    return plan;
  }

  private static void evaluate(Resource workload, NamespacePolicy policy, int[][] plan, Evaluations evaluations,
      Context context) {
    // The modes of a namespace often share a level and version, and restricted runs most baseline
    // checks: each check runs once per version and kind of evaluation, and its violations go to
    // every mode that runs it at that version.
    Kind kind = kindOf(workload);
    evaluations.reset(workload);
    Map<Key, Flagged> flagged = null;
    List<Mode> modes = policy.modes();
    List<PssRule> checks = PodSecurityStandards.CHECKS;
    for (int m = 0; m < modes.size(); m++) {
      Mode mode = modes.get(m);
      // Warn and audit see a template as it is; enforce (and everything for unknown carriers) sees
      // the Pods created from it, after the API defaults that apply to Pods only.
      boolean pods = kind != Kind.TEMPLATE || mode.name().equals("enforce");
      int minor = mode.version().minor();
      int[] running = plan[m];
      for (int k = 0; k < running.length; k++) {
        int c = running[k];
        Evaluation evaluation = evaluations.of(c, checks.get(c), minor, pods);
        for (int i = 0; i < evaluation.keys.length; i++) {
          if (flagged == null) {
            flagged = new LinkedHashMap<>();
          }
          Flagged f = flagged.get(evaluation.keys[i]);
          if (f == null) {
            f = new Flagged(evaluation.violations[i]);
            flagged.put(evaluation.keys[i], f);
          }
          f.modes.add(mode);
        }
      }
    }
    if (flagged != null) {
      for (Flagged f : flagged.values()) {
        report(workload, kind, policy, f, context);
      }
    }
  }

  private static void report(Resource workload, Kind kind, NamespacePolicy policy, Flagged f, Context context) {
    Violation v = f.violation;
    Mode enforce = null;
    Mode warn = null;
    Mode audit = null;
    for (Mode m : f.modes) {
      switch (m.name()) {
        case "enforce":
          enforce = m;
          break;
        case "warn":
          warn = m;
          break;
        default:
          audit = m;
          break;
      }
    }
    String what = workload.displayName();
    String ns = "namespace " + policy.name();
    String message;
    Severity severity;
    if (enforce != null) {
      severity = Severity.HIGH;
      switch (kind) {
        case POD:
          message = what + " would be rejected by " + ns + " (" + enforce.describe() + ")";
          break;
        case TEMPLATE:
          message = what + " is admitted but the Pods it creates would be rejected by " + ns + " ("
              + enforce.describe() + "; enforce applies to Pods only)";
          break;
        default:
          message = "the Pods created for " + what + " would be rejected by " + ns + " (" + enforce.describe() + ")";
          break;
      }
    } else {
      severity = warn != null ? Severity.MEDIUM : Severity.LOW;
      StringBuilder sb = new StringBuilder();
      sb.append(kind == Kind.OTHER ? "the Pods created for " + what : what).append(" would be admitted by ")
          .append(ns).append(" with ");
      if (warn != null) {
        sb.append("a warning (").append(warn.describe()).append(')');
      }
      if (audit != null) {
        sb.append(warn != null ? " and " : "").append("an audit annotation (").append(audit.describe()).append(')');
      }
      message = sb.toString();
    }
    context.finding(workload, v.at()).message(message + ": " + v.message()).controls(v.check().controls())
        .severity(severity).report();
  }

  // ---- namespace labels ------------------------------------------------------------------------

  private static void judgeLabels(Resource namespace, ClusterDefaults defaults, Inventory inventory, Context context) {
    String name = namespace.name();
    if (SYSTEM_NAMESPACES.contains(name)) {
      return;
    }
    // The workloads are named only in a finding: most namespaces get none.
    Node metadata = namespace.root().get("metadata");
    if (defaults != null && defaults.exempt().containsKey(name)) {
      context.finding(namespace, metadata.get("name")).severity(Severity.INFO).key("exempt")
          .related(defaults.source(), defaults.exempt().get(name), "the exemption")
          .message("namespace " + name + " is exempt from Pod Security Admission (exemptions.namespaces of "
              + defaults.source().displayName() + "): its labels are ignored and its Pods admitted unchecked ("
              + workloadNames(inventory, name) + ")")
          .report();
      return;
    }
    String raw = namespace.labels().get(PREFIX + "enforce");
    PssLevel level = raw == null ? null : PssLevel.parseOrNull(raw);
    PssLevel clusterDefault = defaults == null ? PssLevel.PRIVILEGED : defaults.enforce();
    if (raw == null) {
      if (clusterDefault != PssLevel.PRIVILEGED) {
        return;
      }
      MapNode meta = metadata.asMap();
      Node at = meta.has("labels") ? meta.keyNode("labels") : namespace.root().asMap().keyNode("metadata");
      context.finding(namespace, at).severity(Severity.LOW).key("enforce")
          .message("namespace " + name + " sets no " + PREFIX + "enforce label" + (defaults == null ? ""
              : " and the cluster default enforces privileged") + ", so Pod Security Admission rejects no Pod there ("
              + workloadNames(inventory, name) + ")")
          .report();
      return;
    }
    if (level == null) {
      return; // an invalid level enforces restricted
    }
    Node at = metadata.get("labels").get(PREFIX + "enforce");
    if (level.compareTo(clusterDefault) < 0) {
      context.finding(namespace, at).severity(Severity.MEDIUM).key("enforce")
          .related(defaults.source(), Node.MISSING, "the cluster default")
          .message("namespace " + name + " enforces " + level.id() + " (" + PREFIX + "enforce=" + raw
              + "), weaker than the cluster default " + clusterDefault.id() + " of " + defaults.source().displayName()
              + " (" + workloadNames(inventory, name) + ")")
          .report();
    } else if (level == PssLevel.PRIVILEGED) {
      context.finding(namespace, at).severity(Severity.LOW).key("enforce")
          .message("namespace " + name + " enforces privileged (" + PREFIX + "enforce=" + raw
              + "), so Pod Security Admission rejects no Pod there (" + workloadNames(inventory, name) + ")")
          .report();
    }
  }

  /** {@code workloads: Deployment shop/web and Pod shop/db}, or {@code no workload in the scan}. */
  private static String workloadNames(Inventory inventory, String namespace) {
    Set<String> names = new java.util.LinkedHashSet<>();
    for (Resource r : inventory.inNamespace(namespace)) {
      if (r.isWorkload()) {
        names.add(r.displayName());
      }
    }
    if (names.isEmpty()) {
      return "no workload in the scan";
    }
    List<String> list = new ArrayList<>(names);
    int shown = Math.min(list.size(), 5);
    StringBuilder sb = new StringBuilder(list.size() == 1 ? "workload: " : "workloads: ");
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        sb.append(i == shown - 1 && list.size() == shown ? " and " : ", ");
      }
      sb.append(list.get(i));
    }
    if (list.size() > shown) {
      sb.append(" and ").append(list.size() - shown).append(" more");
    }
    return sb.toString();
  }

  /**
   * The PodSecurity defaults and namespace exemptions of the first admission configuration of the
   * scan that has any: the defaults as the labels they stand for.
   */
  record ClusterDefaults(Resource source, PssLevel enforce, Map<String, String> labels, Map<String, Node> exempt) {

    static ClusterDefaults of(Inventory inventory) {
      for (GroupKind kind : new GroupKind[] {GroupKind.ADMISSION_CONFIGURATION, GroupKind.LEGACY_ADMISSION_CONFIGURATION,
          GroupKind.POD_SECURITY_CONFIGURATION}) {
        for (Resource r : inventory.ofKind(kind)) {
          for (Node configuration : configurations(r)) {
            Node defaults = configuration.get("defaults");
            Node namespaces = configuration.get("exemptions").get("namespaces");
            if (defaults.size() == 0 && namespaces.size() == 0) {
              continue;
            }
            Map<String, String> labels = new TreeMap<>();
            MapNode map = defaults.asMap();
            for (int i = 0; i < map.size(); i++) {
              String value = map.value(i).text();
              if (value != null && !value.isEmpty()) {
                labels.put(PREFIX + map.key(i), value);
              }
            }
            Map<String, Node> exempt = new LinkedHashMap<>();
            for (int i = 0; i < namespaces.size(); i++) {
              String ns = namespaces.get(i).text();
              if (ns != null) {
                exempt.putIfAbsent(ns, namespaces.get(i));
              }
            }
            PssLevel enforce = PssLevel.parseOrNull(labels.get(PREFIX + "enforce"));
            return new ClusterDefaults(r, enforce == null ? PssLevel.PRIVILEGED : enforce, Map.copyOf(labels), exempt);
          }
        }
      }
      return null;
    }

    private static List<Node> configurations(Resource r) {
      List<Node> out = new ArrayList<>();
      if (r.is(GroupKind.POD_SECURITY_CONFIGURATION)) {
        out.add(r.root());
        return out;
      }
      Node plugins = r.root().get("plugins");
      for (int i = 0; i < plugins.size(); i++) {
        Node configuration = plugins.get(i).get("configuration");
        if (plugins.get(i).get("name").textEquals("PodSecurity")
            && configuration.get("kind").textEquals("PodSecurityConfiguration")) {
          out.add(configuration);
        }
      }
      return out;
    }
  }

  // ---- label resolution ------------------------------------------------------------------------

  /** One admission mode of a namespace, resolved: level, version and how to name its labels. */
  record Mode(String name, PssLevel level, PssVersion version, String describe) {
    // equals and hashCode are written out (the values of a record's generated methods) here and in
    // NamespacePolicy: the generated ones bootstrap java.lang.runtime.ObjectMethods on first use, at
    // every start of the command line.
    @Override
    public boolean equals(Object o) {
      return this == o || o instanceof Mode other && Objects.equals(name, other.name) && level == other.level
          && Objects.equals(version, other.version) && Objects.equals(describe, other.describe);
    }

    @Override
    public int hashCode() {
      return ((31 * Objects.hashCode(name) + Objects.hashCode(level)) * 31 + Objects.hashCode(version)) * 31
          + Objects.hashCode(describe);
    }
  }

  /** The modes of one namespace that evaluate anything (privileged ones are left out). */
  record NamespacePolicy(String name, List<Mode> modes) {

    /** The policy of {@code namespace}, or {@code null} when every mode is privileged. */
    static NamespacePolicy of(Resource namespace) {
      return of(namespace, Map.of());
    }

    /** As {@link #of(Resource)}, with {@code defaults} (as labels) for the modes the namespace does not label. */
    static NamespacePolicy of(Resource namespace, Map<String, String> defaults) {
      Map<String, String> labels = namespace.labels();
      if (!defaults.isEmpty()) {
        Map<String, String> merged = new LinkedHashMap<>(defaults);
        merged.putAll(labels);
        labels = merged;
      }
      List<Mode> modes = new ArrayList<>();
      String enforceRaw = labels.get(PREFIX + "enforce");
      PssLevel enforceLevel = enforceRaw == null ? PssLevel.PRIVILEGED : PssLevel.parseOrNull(enforceRaw);
      String enforceLevelText;
      if (enforceLevel == null) {
        enforceLevel = PssLevel.RESTRICTED;
        enforceLevelText = PREFIX + "enforce=" + quote(enforceRaw) + " is not a valid level, so restricted";
      } else {
        enforceLevelText = PREFIX + "enforce=" + enforceLevel.id();
      }
      VersionLabel enforceVersion = VersionLabel.of(labels, "enforce-version");
      if (enforceLevel != PssLevel.PRIVILEGED) {
        modes.add(new Mode("enforce", enforceLevel, enforceVersion.version(),
            enforceLevelText + ", " + enforceVersion.describe()));
      }
      boolean enforceValid = enforceRaw != null && PssLevel.parseOrNull(enforceRaw) != null;
      for (String name : new String[] {"warn", "audit"}) {
        String raw = labels.get(PREFIX + name);
        VersionLabel version = VersionLabel.of(labels, name + "-version");
        if (raw == null) {
          if (name.equals("warn") && enforceValid && enforceLevel != PssLevel.PRIVILEGED) {
            // An unlabelled warn mode follows a valid enforce label, version included unless pinned.
            VersionLabel v = labels.containsKey(PREFIX + "warn-version") ? version : enforceVersion;
            modes.add(new Mode(name, enforceLevel, v.version(), PREFIX + "warn unset, following "
                + PREFIX + "enforce=" + enforceLevel.id() + ", " + v.describe()));
          }
          continue;
        }
        PssLevel level = PssLevel.parseOrNull(raw);
        if (level != null && level != PssLevel.PRIVILEGED) {
          modes.add(new Mode(name, level, version.version(), PREFIX + name + "=" + level.id() + ", " + version.describe()));
        }
      }
      return modes.isEmpty() ? null : new NamespacePolicy(namespace.name(), List.copyOf(modes));
    }

    @Override
    public boolean equals(Object o) {
      return this == o || o instanceof NamespacePolicy other && Objects.equals(name, other.name)
          && Objects.equals(modes, other.modes);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(name) + Objects.hashCode(modes);
    }
  }

  /** A {@code *-version} label resolved as admission does. */
  record VersionLabel(PssVersion version, String describe) {

    static VersionLabel of(Map<String, String> labels, String key) {
      String raw = labels.get(PREFIX + key);
      if (raw == null) {
        return new VersionLabel(PssVersion.LATEST, "latest version");
      }
      try {
        return new VersionLabel(PssVersion.parse(raw), PREFIX + key + "=" + raw);
      } catch (IllegalArgumentException e) {
        return new VersionLabel(PssVersion.LATEST, PREFIX + key + "=" + quote(raw) + " is not a valid version, so latest");
      }
    }
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  // ---- collecting violations -------------------------------------------------------------------

  private record Violation(PssCheck check, Node at, String message) {}

  /** A violation and every mode that flags it. */
  private static final class Flagged {
    final Violation violation;
    final List<Mode> modes = new ArrayList<>();

    Flagged(Violation violation) {
      this.violation = violation;
    }
  }

  /** The n-th violation of a check at a node (a node shared through an alias can fail once per use). */
  private record Key(PssCheck check, Node at, int occurrence) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.check == check && k.at == at && k.occurrence == occurrence;
    }

    @Override
    public int hashCode() {
      return (check.ordinal() * 31 + System.identityHashCode(at)) * 31 + occurrence;
    }
  }

  /** What one evaluation of a check reported, in order, with the key of each violation. */
  private static final class Evaluation {
    private static final Violation[] NO_VIOLATIONS = {};
    private static final Key[] NO_KEYS = {};

    final int minor;
    final boolean createdPods;
    final Violation[] violations;
    final Key[] keys;
    /** The evaluation of the same check at another version or kind, or {@code null}. */
    final Evaluation next;

    Evaluation(int minor, boolean createdPods, List<Violation> violations, Evaluation next) {
      this.minor = minor;
      this.createdPods = createdPods;
      this.next = next;
      if (violations.isEmpty()) {
        this.violations = NO_VIOLATIONS;
        this.keys = NO_KEYS;
        return;
      }
      this.violations = violations.toArray(NO_VIOLATIONS);
      this.keys = new Key[this.violations.length];
      // Numbered per node; the checks report a few violations each, so counting earlier ones is
      // cheaper than a map unless there are many.
      Map<Node, Integer> seen = this.violations.length > 8 ? new IdentityHashMap<>() : null;
      for (int i = 0; i < this.violations.length; i++) {
        Violation v = this.violations[i];
        int n;
        if (seen != null) {
          n = seen.merge(v.at(), 1, Integer::sum);
        } else {
          n = 1;
          for (int j = 0; j < i; j++) {
            if (this.violations[j].at() == v.at()) {
              n++;
            }
          }
        }
        keys[i] = new Key(v.check(), v.at(), n);
      }
    }
  }

  /** The evaluations of the checks on one workload at a time, each made on first use. */
  private static final class Evaluations {
    private final Recorder recorder;
    private final Evaluation[] byCheck = new Evaluation[PodSecurityStandards.CHECKS.size()];
    private Resource workload;

    Evaluations(ScanSettings settings) {
      this.recorder = new Recorder(settings);
    }

    /** Forgets the evaluations of the previous workload. */
    void reset(Resource next) {
      workload = next;
      Arrays.fill(byCheck, null);
    }

    /**
     * The violations of {@code rule} (the {@code index}-th check) at policy version {@code minor},
     * on the Pods the workload stands for if {@code pods}, else on the workload as it is.
     */
    Evaluation of(int index, PssRule rule, int minor, boolean pods) {
      // Only a check whose view of created Pods differs tells the two kinds of evaluation apart.
      boolean createdPods = pods && rule.createdPodsDiffer(workload, workload.podSpec());
      for (Evaluation e = byCheck[index]; e != null; e = e.next) {
        if (e.minor == minor && e.createdPods == createdPods) {
          return e;
        }
      }
      recorder.check = rule.pssCheck();
      recorder.violations.clear();
      if (createdPods) {
        rule.evaluateCreatedPods(workload, workload.podSpec(), minor, recorder);
      } else {
        rule.evaluate(workload, workload.podSpec(), minor, recorder);
      }
      Evaluation e = new Evaluation(minor, createdPods, recorder.violations, byCheck[index]);
      byCheck[index] = e;
      return e;
    }
  }

  /** A context that keeps what the checks report instead of reporting it. */
  private static final class Recorder implements Context {
    private final ScanSettings settings;
    final List<Violation> violations = new ArrayList<>();
    PssCheck check;

    Recorder(ScanSettings settings) {
      this.settings = settings;
    }

    @Override
    public FindingBuilder finding(Resource resource, Node at) {
      PssCheck current = check;
      return new FindingBuilder(resource, at) {
        @Override
        public void report() {
          violations.add(new Violation(current, at(), message()));
        }
      };
    }

    @Override
    public ScanSettings settings() {
      return settings;
    }
  }
}
