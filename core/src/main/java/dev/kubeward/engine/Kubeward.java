/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.load.LoadError;
import dev.kubeward.load.LoadLimits;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Resource;
import dev.kubeward.model.WorkloadKinds;
import dev.kubeward.rule.KubeVersion;
import dev.kubeward.rule.PssLevel;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import dev.kubeward.rule.ScanSettings;
import dev.kubeward.rule.Severity;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;

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

  /**
   * The id of the engine's own rule that reports an object defined more than once in one scan
   * (INFO, topic {@code hygiene}), naming the other copies.
   */
  public static final String DUPLICATE_OBJECT = DuplicateObject.ID;

  private static final List<Rule> BUILT_IN = List.of(new SuppressionWithoutReason(), new DuplicateObject());
  private static final Set<String> BUILT_IN_IDS = Set.of(SUPPRESSION_WITHOUT_REASON, DUPLICATE_OBJECT);

  private final Loader loader;
  private final ScanSettings settings;
  private final RuleSet ruleSet;
  private final JoinScope joinScope;
  private final Evaluation evaluation;
  private final Baseline baseline;

  private Kubeward(Builder b, RuleSet ruleSet, List<WorkloadKinds.Carrier> carriers) {
    Configuration config = b.configuration;
    this.loader = Loader.of(b.limits, WorkloadKinds.builtInWith(carriers)).withThreads(b.threads)
        .excluding(config.exclude());
    Profile profile = b.profile != null ? b.profile : config.profile() != null ? config.profile() : Profile.RECOMMENDED;
    PssVersion version = b.pssVersion != null ? b.pssVersion : config.pssVersion();
    KubeVersion kubeVersion = b.kubeVersion != null ? b.kubeVersion : config.kubeVersion();
    String namespace = b.defaultNamespace != null ? b.defaultNamespace
        : config.defaultNamespace() != null ? config.defaultNamespace() : Inventory.DEFAULT_NAMESPACE;
    ScanSettings.Builder given = ScanSettings.builder()
        .pssLevel(profile == Profile.PSS_BASELINE ? PssLevel.BASELINE : PssLevel.RESTRICTED)
        .defaultNamespace(namespace);
    if (version != null) {
      given.pssVersion(version);
    }
    if (kubeVersion != null) {
      given.kubeVersion(kubeVersion);
    }
    this.settings = given.build();
    this.ruleSet = ruleSet;
    this.joinScope = b.joinScope != null ? b.joinScope : config.joinScope() != null ? config.joinScope() : JoinScope.ALL;
    Path base = (b.baseDirectory != null ? b.baseDirectory : Path.of("")).toAbsolutePath().normalize();
    this.baseline = b.baseline;
    this.evaluation = new Evaluation(ruleSet, new Suppressions(config.exemptions(), LocalDate.ofInstant(b.clock.instant(), ZoneOffset.UTC)), settings, joinScope, base, b.threads);
  }

  /**
   * A builder with the recommended profile, no Kubernetes version (each object's own, else the
   * newest known), the PSS version of a given Kubernetes version (else {@code latest}) and ServiceLoader
   * discovery.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The engine's own rules, which every scanner adds to the rules it is given or discovers (they
   * are selected by profile and configuration like any other): {@value #SUPPRESSION_WITHOUT_REASON}
   * and {@value #DUPLICATE_OBJECT}.
   */
  public static List<Rule> builtInRules() {
    return BUILT_IN;
  }

  /** True if no rule beyond the engine's own {@link #builtInRules()} is selected. */
  /**
   * Whether {@code ruleId} names one of the rules every scan runs whatever the rules jars on the
   * class path ({@code suppression-without-reason}, {@code duplicate-object}): a scan that ran only
   * these checked nothing of its resources.
   */
  public static boolean isBuiltIn(String ruleId) {
    return BUILT_IN_IDS.contains(ruleId);
  }

  public boolean runsOnlyBuiltInRules() {
    for (Rule rule : ruleSet.rules()) {
      if (!BUILT_IN_IDS.contains(rule.metadata().id())) {
        return false;
      }
    }
    return true;
  }

  /** The rules this scanner runs, configured, in catalogue order. */
  public List<Rule> rules() {
    return ruleSet.rules();
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
    return ruleSet.severities();
  }

  /**
   * What the cross-resource rules of this scanner read from the inventory, as they declare it in
   * their metadata's kinds: group-kinds, {@link dev.kubeward.rule.RuleMetadata#WORKLOADS} and
   * {@link dev.kubeward.rule.RuleMetadata#ANY}. Resources of no kind listed here are needed only by
   * the per-resource rules, so a scan may drop them once those have run.
   */
  public Set<dev.kubeward.model.GroupKind> inventoryReads() {
    return evaluation.inventoryReads();
  }

  /** Which resources make one cluster for the cross-resource rules. */
  public JoinScope joinScope() {
    return joinScope;
  }

  /** Loads and scans files, directories and {@code -} (read from {@code stdin}). */
  public ScanReport scan(List<String> paths, InputStream stdin) {
    return scan(loader, paths, stdin);
  }

  /**
   * Loads files, directories and {@code -} with {@code loader} (this scanner's {@link #loader()},
   * or a variant of it) and scans them. The report is that of {@code scan(loader.load(paths, stdin))};
   * but with a {@linkplain #joinScope() join scope} of {@code argument} or {@code directory}, each
   * cluster is evaluated as soon as its last file is read and its resources are then let go, so the
   * heap holds the trees of one cluster at a time (a few with several threads), not of the whole
   * input.
   */
  public ScanReport scan(Loader loader, List<String> paths, InputStream stdin) {
    if (joinScope == JoinScope.ALL) {
      return scan(loader.load(paths, stdin));
    }
    ClusterScan clusters = new ClusterScan(evaluation);
    loader.load(paths, stdin, clusters);
    List<LoadError> errors = clusters.errors();
    ScanReport report = new ScanReport(VERSION, clusters.files(), clusters.documents(), clusters.resources(),
        clusters.findings(), errors, ruleSet.rules().stream().map(Rule::metadata).toList(), ruleSet.severities(),
        clusters.skipped(), null, clusters.partial());
    return baseline == null ? report : baseline.apply(report);
  }

  /** Loads and scans files and directories. */
  public ScanReport scan(List<String> paths) {
    return scan(paths, InputStream.nullInputStream());
  }

  /** Loads and scans files and directories. */
  public ScanReport scan(Path... paths) {
    List<String> names = new ArrayList<>(paths.length);
    for (Path path : paths) {
      names.add(Objects.requireNonNull(path, "path").toString());
    }
    return scan(names);
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
   * <p>The inventory is used when the {@linkplain #joinScope() join scope} is {@code all}; with
   * another scope, one inventory per cluster is built for the scan.
   *
   * @param inventory {@code Inventory.of(loaded.resources(), settings().defaultNamespace())}, or
   *     {@code null} to build one
   * @throws IllegalArgumentException if {@code inventory} holds other resources than
   *     {@code loaded}, or the same in another order, or has another default namespace
   */
  public ScanReport scan(LoadResult loaded, Inventory inventory) {
    if (inventory != null && !sameResources(inventory.all(), loaded.resources())) {
      throw new IllegalArgumentException("the inventory is not of the loaded resources");
    }
    if (inventory != null && !inventory.defaultNamespace().equals(settings.defaultNamespace())) {
      throw new IllegalArgumentException("the inventory's default namespace is not the scan's");
    }
    List<LoadError> errors = new ArrayList<>(loaded.errors());
    List<Finding> findings = evaluation.run(loaded.resources(), errors, inventory);
    ScanReport report = new ScanReport(VERSION, loaded.files(), loaded.documents(), loaded.resources().size(),
        findings, errors, ruleSet.rules().stream().map(Rule::metadata).toList(), ruleSet.severities(),
        loaded.skipped(), null, loaded.partial());
    return baseline == null ? report : baseline.apply(report);
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

  /** Configures and builds a {@link Kubeward}. */
  public static final class Builder {
    private List<Rule> rules;
    private Profile profile;
    private PssVersion pssVersion;
    private KubeVersion kubeVersion;
    private Configuration configuration = Configuration.empty();
    private LoadLimits limits = LoadLimits.DEFAULTS;
    private final Set<String> only = new LinkedHashSet<>();
    private final Set<String> skip = new LinkedHashSet<>();
    private int threads = 1;
    private ClassLoader classLoader;
    private String defaultNamespace;
    private JoinScope joinScope;
    private Path baseDirectory;
    private Clock clock = Clock.systemUTC();
    private Baseline baseline;

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

    /**
     * The Pod Security Standards version; overrides the configuration's. Default: that of the
     * Kubernetes version when one is given (here or in the configuration), else {@code latest}.
     */
    public Builder pssVersion(PssVersion version) {
      this.pssVersion = version;
      return this;
    }

    /**
     * The Kubernetes version the scanned objects are meant for; overrides the configuration's. It
     * wins over the version an object states about itself (see
     * {@link dev.kubeward.rule.KubeVersions}) and sets the default PSS version.
     */
    public Builder kubeVersion(KubeVersion version) {
      this.kubeVersion = version;
      return this;
    }

    public Builder configuration(Configuration configuration) {
      this.configuration = Objects.requireNonNull(configuration, "configuration");
      return this;
    }

    /**
     * The namespace a namespaced object without {@code metadata.namespace} is applied to (what
     * {@code kubectl apply -n} would give); overrides the configuration's. Default {@code default}.
     *
     * @throws IllegalArgumentException if it is not a valid namespace name
     */
    public Builder defaultNamespace(String namespace) {
      ScanSettings.builder().defaultNamespace(namespace);
      this.defaultNamespace = namespace;
      return this;
    }

    /** Which resources make one cluster for cross-resource rules; overrides the configuration's. Default {@link JoinScope#ALL}. */
    public Builder joinScope(JoinScope scope) {
      this.joinScope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /**
     * The folder that file names in findings' stable keys are relative to: the configuration
     * file's folder, or (the default) the working directory.
     */
    public Builder baseDirectory(Path directory) {
      this.baseDirectory = Objects.requireNonNull(directory, "directory");
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
     * The clock that decides whether a suppression with an end date ({@code until 2027-03-01:
     * reason}) still holds; the date is taken in UTC. Default: the system clock.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The findings accepted for now: scans report them marked as baselined, and they do not count
     * for {@link ScanReport#exitCode}. Default: none.
     */
    public Builder baseline(Baseline baseline) {
      this.baseline = baseline;
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
      Profile p = profile != null ? profile : configuration.profile() != null ? configuration.profile() : Profile.RECOMMENDED;
      return new Kubeward(this, RuleSet.select(all, p, configuration, only, skip), carriers);
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
