package dev.kubeward.engine;

import dev.kubeward.load.LoadError;
import dev.kubeward.load.LoadLimits;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.model.WorkloadKinds;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.PssLevel;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.RuleProvider;
import dev.kubeward.rule.ScanSettings;
import dev.kubeward.rule.Severity;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads manifests and runs rules over them. Built once with {@link #builder()}; immutable,
 * thread-safe, and reusable for any number of scans.
 *
 * <pre>{@code
 * Kubeward scanner = Kubeward.builder().build();          // rules found with ServiceLoader
 * ScanReport report = scanner.scanString("web.yaml", yaml);
 * report.findings().forEach(System.out::println);
 * }</pre>
 */
public final class Kubeward {

  /** The Kubeward version, as the build that made this jar says ({@code unknown} outside a Maven build). */
  public static final String VERSION = BuildVersion.read();

  /** The annotation prefix that suppresses a rule on one object: {@code ignore.kubeward.dev/<rule-id>}. */
  public static final String SUPPRESSION_PREFIX = "ignore.kubeward.dev/";

  /**
   * The id of the engine's own rule that reports a suppression annotation with an empty reason
   * (LOW, topic {@code hygiene}); such an annotation suppresses nothing.
   */
  public static final String SUPPRESSION_WITHOUT_REASON = SuppressionWithoutReason.ID;

  private static final List<Rule> BUILT_IN = List.of(new SuppressionWithoutReason());
  private static final Set<String> BUILT_IN_IDS = Set.of(SUPPRESSION_WITHOUT_REASON);

  private final Loader loader;
  private final ScanSettings settings;
  private final List<Rule> rules;
  private final Map<String, Severity> severities;
  private final Map<String, Severity> severityOverrides;
  private final Map<GroupKind, ResourceRule[]> byKind;
  private final ResourceRule[] workloadRules;
  private final ResourceRule[] anyRules;
  private final List<InventoryRule> inventoryRules;
  private final List<Exemption> exemptions;
  private final int threads;

  private Kubeward(Builder b, List<Rule> selected, List<WorkloadKinds.Carrier> carriers) {
    Configuration config = b.configuration;
    this.loader = Loader.of(b.limits, WorkloadKinds.builtInWith(carriers)).withThreads(b.threads);
    Profile profile = b.profile != null ? b.profile : config.profile() != null ? config.profile() : Profile.RECOMMENDED;
    PssVersion version = b.pssVersion != null ? b.pssVersion : config.pssVersion() != null ? config.pssVersion() : PssVersion.LATEST;
    this.settings = new ScanSettings(profile == Profile.PSS_BASELINE ? PssLevel.BASELINE : PssLevel.RESTRICTED, version);
    this.rules = List.copyOf(selected);
    Map<String, Severity> sev = new LinkedHashMap<>();
    Map<GroupKind, List<ResourceRule>> kinds = new HashMap<>();
    List<ResourceRule> workloads = new ArrayList<>();
    List<ResourceRule> any = new ArrayList<>();
    List<InventoryRule> inventory = new ArrayList<>();
    for (Rule rule : rules) {
      RuleMetadata m = rule.metadata();
      sev.put(m.id(), config.severities().getOrDefault(m.id(), m.severity()));
      if (rule instanceof InventoryRule ir) {
        inventory.add(ir);
      }
      if (rule instanceof ResourceRule rr) {
        if (m.kinds().contains(RuleMetadata.ANY)) {
          any.add(rr);
        } else {
          if (m.kinds().contains(RuleMetadata.WORKLOADS)) {
            workloads.add(rr);
          }
          for (GroupKind kind : m.kinds()) {
            if (!kind.group().equals("*")) {
              kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(rr);
            }
          }
        }
      }
    }
    Map<GroupKind, ResourceRule[]> arrays = new HashMap<>();
    kinds.forEach((k, v) -> arrays.put(k, v.toArray(new ResourceRule[0])));
    this.byKind = arrays;
    this.workloadRules = workloads.toArray(new ResourceRule[0]);
    this.anyRules = any.toArray(new ResourceRule[0]);
    this.inventoryRules = List.copyOf(inventory);
    this.severities = Collections.unmodifiableMap(sev);
    this.severityOverrides = config.severities();
    this.exemptions = config.exemptions();
    this.threads = b.threads;
  }

  /** A builder with the recommended profile, the latest PSS version and ServiceLoader discovery. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The engine's own rules, which every scanner adds to the rules it is given or discovers (they
   * are selected by profile and configuration like any other): {@value #SUPPRESSION_WITHOUT_REASON}.
   */
  public static List<Rule> builtInRules() {
    return BUILT_IN;
  }

  /** True if no rule beyond the engine's own {@link #builtInRules()} is selected. */
  public boolean runsOnlyBuiltInRules() {
    for (Rule rule : rules) {
      if (!BUILT_IN_IDS.contains(rule.metadata().id())) {
        return false;
      }
    }
    return true;
  }

  /** The rules this scanner runs, configured, in catalogue order. */
  public List<Rule> rules() {
    return rules;
  }

  /** The settings rules see. */
  public ScanSettings settings() {
    return settings;
  }

  /** The loader this scanner reads input with. */
  public Loader loader() {
    return loader;
  }

  /** Effective severity of each rule that runs. */
  public Map<String, Severity> severities() {
    return severities;
  }

  /** Loads and scans files, directories and {@code -} (read from {@code stdin}). */
  public ScanReport scan(List<String> paths, InputStream stdin) {
    return scan(loader.load(paths, stdin));
  }

  /** Loads and scans files and directories. */
  public ScanReport scan(List<String> paths) {
    return scan(paths, InputStream.nullInputStream());
  }

  /** Loads and scans manifests held in a string. */
  public ScanReport scanString(String name, String text) {
    return scan(loader.loadString(name, text));
  }

  /** Scans resources that are already loaded, keeping the load's errors and counts. */
  public ScanReport scan(LoadResult loaded) {
    return scan(loaded, null);
  }

  /**
   * Scans resources that are already loaded, with their {@link Inventory} built beforehand: the
   * cross-resource rules read it instead of an inventory built for this scan. Scanning the same
   * resources more than once (with other profiles, configurations or rules) then indexes them
   * once.
   *
   * @param inventory {@code Inventory.of(loaded.resources())}, or {@code null} to build one
   * @throws IllegalArgumentException if {@code inventory} holds other resources than
   *     {@code loaded}, or the same in another order
   */
  public ScanReport scan(LoadResult loaded, Inventory inventory) {
    if (inventory != null && !sameResources(inventory.all(), loaded.resources())) {
      throw new IllegalArgumentException("the inventory is not of the loaded resources");
    }
    List<LoadError> errors = new ArrayList<>(loaded.errors());
    List<Finding> findings = evaluate(loaded.resources(), errors, inventory);
    return new ScanReport(VERSION, loaded.files(), loaded.documents(), loaded.resources().size(),
        findings, errors, rules.stream().map(Rule::metadata).toList(), severities);
  }

  /** Scans resources that are already loaded. */
  public ScanReport scanResources(List<Resource> resources) {
    return scan(new LoadResult(resources, List.of(), 0, 0));
  }

  private static boolean sameResources(List<Resource> a, List<Resource> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }

  private List<Finding> evaluate(List<Resource> resources, List<LoadError> errors, Inventory prebuilt) {
    List<Finding> findings = new ArrayList<>();
    if (threads <= 1 || resources.size() < 64) {
      Collector collector = new Collector();
      for (Resource r : resources) {
        evaluate(r, collector);
      }
      findings.addAll(collector.findings);
      errors.addAll(collector.errors);
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        int chunk = Math.max(16, resources.size() / (threads * 4));
        List<Future<Collector>> futures = new ArrayList<>();
        for (int from = 0; from < resources.size(); from += chunk) {
          List<Resource> slice = resources.subList(from, Math.min(resources.size(), from + chunk));
          futures.add(pool.submit(() -> {
            Collector c = new Collector();
            for (Resource r : slice) {
              evaluate(r, c);
            }
            return c;
          }));
        }
        for (Future<Collector> f : futures) {
          Collector c = f.get();
          findings.addAll(c.findings);
          errors.addAll(c.errors);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("scan interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("scan failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    if (!inventoryRules.isEmpty()) {
      Inventory inventory = prebuilt != null ? prebuilt : Inventory.of(resources);
      Collector collector = new Collector();
      for (InventoryRule rule : inventoryRules) {
        collector.rule = rule;
        try {
          rule.check(inventory, collector);
        } catch (RuntimeException e) {
          // The exception's message is not shown: it may quote a value from the input.
          errors.add(new LoadError("<scan>", 0, 0, "rule " + rule.metadata().id() + " failed: "
              + e.getClass().getSimpleName()));
        }
      }
      findings.addAll(collector.findings);
      errors.addAll(collector.errors);
    }
    findings.sort(Finding.ORDER);
    return findings;
  }

  private void evaluate(Resource resource, Collector collector) {
    ResourceRule[] forKind = byKind.get(resource.groupKind());
    if (forKind != null) {
      run(forKind, resource, collector);
    }
    if (resource.isWorkload()) {
      for (ResourceRule rule : workloadRules) {
        if (forKind == null || !contains(forKind, rule)) {
          run(rule, resource, collector);
        }
      }
    }
    run(anyRules, resource, collector);
  }

  private static boolean contains(ResourceRule[] rules, ResourceRule rule) {
    for (ResourceRule r : rules) {
      if (r == rule) {
        return true;
      }
    }
    return false;
  }

  private void run(ResourceRule[] rules, Resource resource, Collector collector) {
    for (ResourceRule rule : rules) {
      run(rule, resource, collector);
    }
  }

  private void run(ResourceRule rule, Resource resource, Collector collector) {
    collector.rule = rule;
    try {
      rule.check(resource, collector);
    } catch (RuntimeException e) {
      collector.errors.add(new LoadError(resource.source().name(), resource.line(), resource.column(),
          "rule " + rule.metadata().id() + " failed on " + oneLine(resource.displayName()) + ": "
              + e.getClass().getSimpleName()));
    }
  }

  /** Gathers findings for one thread; the current rule is set before each call. */
  private final class Collector implements Context {
    final List<Finding> findings = new ArrayList<>();
    final List<LoadError> errors = new ArrayList<>();
    Rule rule;

    @Override
    public void report(Resource resource, Node at, String message) {
      report(resource, at, message, rule.metadata().controls());
    }

    @Override
    public void report(Resource resource, Node at, String message, List<String> controls) {
      report(resource, at, message, controls, severities.get(rule.metadata().id()));
    }

    @Override
    public void report(Resource resource, Node at, String message, List<String> controls, Severity severity) {
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(severity, "severity");
      RuleMetadata m = rule.metadata();
      Severity effective = severityOverrides.getOrDefault(m.id(), severity);
      Node node = at == null ? Node.MISSING : at;
      String path = node.isMissing() ? "" : resource.pointerOf(node);
      if (path == null) {
        throw new IllegalArgumentException("rule " + m.id() + " reported a node outside " + resource.displayName());
      }
      int line = node.isMissing() ? resource.line() : node.line();
      int column = node.isMissing() ? resource.column() : node.column();
      ResourceRef ref = ResourceRef.of(resource);
      String suppression = suppressionOf(m.id(), resource, ref);
      findings.add(new Finding(m.id(), effective, m.topic(), controls, oneLine(message), ref,
          resource.source().name(), line, column, path, suppression != null, suppression));
    }

    @Override
    public ScanSettings settings() {
      return settings;
    }
  }

  /**
   * {@code text} with every character that could break or rewrite a report line (control
   * characters such as line breaks and terminal escapes, Unicode line separators, bidirectional
   * overrides) replaced by {@code ?}. Messages quote names and values from the input, which an
   * attacker may have chosen to forge or hide lines of a report.
   */
  static String oneLine(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unsafe = Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029'
          || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
      if (unsafe && sb == null) {
        sb = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (sb != null) {
        sb.append(unsafe ? '?' : c);
      }
    }
    return sb == null ? text : sb.toString();
  }

  private String suppressionOf(String ruleId, Resource resource, ResourceRef ref) {
    Map<String, String> annotations = resource.annotations();
    String reason = annotations.isEmpty() ? null : annotations.get(SUPPRESSION_PREFIX + ruleId);
    if (reason != null && !reason.isBlank()) {
      return reason;
    }
    for (Exemption e : exemptions) {
      if (e.covers(ruleId, ref)) {
        return e.reason();
      }
    }
    return null;
  }

  /** Configures and builds a {@link Kubeward}. */
  public static final class Builder {
    private List<Rule> rules;
    private Profile profile;
    private PssVersion pssVersion;
    private Configuration configuration = Configuration.empty();
    private LoadLimits limits = LoadLimits.DEFAULTS;
    private final Set<String> only = new LinkedHashSet<>();
    private final Set<String> skip = new LinkedHashSet<>();
    private int threads = 1;
    private ClassLoader classLoader;

    private Builder() {}

    /**
     * Runs exactly these rules (before profile selection) instead of discovering them; no provider
     * is discovered, so extra pod template carriers then come only from the configuration.
     */
    public Builder rules(List<? extends Rule> rules) {
      this.rules = List.copyOf(rules);
      return this;
    }

    /** Discovers rules with this class loader (default: the context class loader). */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = classLoader;
      return this;
    }

    /** The profile; overrides the configuration's. */
    public Builder profile(Profile profile) {
      this.profile = profile;
      return this;
    }

    /** The Pod Security Standards version; overrides the configuration's. */
    public Builder pssVersion(PssVersion version) {
      this.pssVersion = version;
      return this;
    }

    public Builder configuration(Configuration configuration) {
      this.configuration = Objects.requireNonNull(configuration, "configuration");
      return this;
    }

    public Builder limits(LoadLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Runs only these rules (they need not be in the profile). */
    public Builder onlyRules(Set<String> ids) {
      only.addAll(ids);
      return this;
    }

    /** Never runs these rules. */
    public Builder skipRules(Set<String> ids) {
      skip.addAll(ids);
      return this;
    }

    /**
     * Reads the files of directories and evaluates with this many threads; reports are identical
     * whatever the number.
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be positive");
      }
      this.threads = threads;
      return this;
    }

    /**
     * Builds the scanner. Its loader knows the built-in pod template carriers, those declared by
     * discovered providers ({@link RuleProvider#workloadKinds()}) and those of the configuration,
     * which win in that order (configuration first).
     *
     * @throws IllegalArgumentException for an unknown rule id, a duplicate id, or a bad parameter
     */
    public Kubeward build() {
      List<WorkloadKinds.Carrier> carriers = new ArrayList<>(configuration.workloadKinds());
      List<Rule> all;
      if (rules != null) {
        all = rules;
      } else {
        all = new ArrayList<>();
        for (RuleProvider provider : discover(classLoader)) {
          all.addAll(provider.rules());
          carriers.addAll(provider.workloadKinds());
        }
      }
      all = new ArrayList<>(all);
      all.addAll(BUILT_IN);
      Map<String, Rule> byId = new LinkedHashMap<>();
      for (Rule r : all) {
        if (byId.putIfAbsent(r.metadata().id(), r) != null) {
          throw new IllegalArgumentException("two rules have the id " + r.metadata().id());
        }
      }
      Set<String> mentioned = new LinkedHashSet<>();
      mentioned.addAll(only);
      mentioned.addAll(skip);
      mentioned.addAll(configuration.enabledRules());
      mentioned.addAll(configuration.disabledRules());
      mentioned.addAll(configuration.severities().keySet());
      mentioned.addAll(configuration.parameters().keySet());
      for (Exemption e : configuration.exemptions()) {
        if (e.rule().indexOf('*') < 0) {
          mentioned.add(e.rule());
        }
      }
      for (String id : mentioned) {
        if (!byId.containsKey(id)) {
          throw new IllegalArgumentException("unknown rule '" + id + "'");
        }
      }
      Profile p = profile != null ? profile : configuration.profile() != null ? configuration.profile() : Profile.RECOMMENDED;
      List<Rule> selected = new ArrayList<>();
      for (Rule r : byId.values()) {
        String id = r.metadata().id();
        boolean on;
        if (!only.isEmpty()) {
          on = only.contains(id);
        } else {
          on = (p.includes(r.metadata()) || configuration.enabledRules().contains(id))
              && !configuration.disabledRules().contains(id);
        }
        if (on && !skip.contains(id)) {
          Map<String, Object> values = configuration.parameters().getOrDefault(id, Map.of());
          Rule configured = r.metadata().parameters().isEmpty() && values.isEmpty()
              ? r
              : r.configure(Parameters.bind(id, r.metadata().parameters(), values));
          selected.add(configured);
        }
      }
      selected.sort((a, b) -> a.metadata().id().compareTo(b.metadata().id()));
      return new Kubeward(this, selected, carriers);
    }

    private static List<RuleProvider> discover(ClassLoader loader) {
      ClassLoader cl = loader != null ? loader : Thread.currentThread().getContextClassLoader();
      List<RuleProvider> out = new ArrayList<>();
      ServiceLoader<RuleProvider> providers = cl == null
          ? ServiceLoader.load(RuleProvider.class)
          : ServiceLoader.load(RuleProvider.class, cl);
      for (RuleProvider provider : providers) {
        out.add(provider);
      }
      return out;
    }
  }
}
