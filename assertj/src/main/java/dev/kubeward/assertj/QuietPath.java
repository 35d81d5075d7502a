/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.assertj;

import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FindingBuilder;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.ScanSettings;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Checks that rules allocate nothing on the quiet path, where nothing is wrong: the contract of
 * {@link ResourceRule} and the reason a scan of a large, mostly compliant cluster stays cheap. It
 * counts the bytes the current thread allocates (through {@code com.sun.management.ThreadMXBean}),
 * not time, over many evaluations after a warm-up, and keeps the least of several rounds so that an
 * allocation elsewhere in the JVM (a class initialised, a method recompiled) is not taken for the
 * rules'. One allocation per evaluation shows up as over a hundred kilobytes.
 *
 * <pre>{@code
 * @Test
 * void quietPathAllocatesNothing() {
 *   List<Rule> rules = new MyRules().rules();
 *   QuietPath.of(perResource(rules)).assertAllocatesNothingOn("web.yaml", COMPLIANT_DEPLOYMENT);
 *   QuietPath.of(crossResource(rules)).assertAllocatesNothingPerQuietResource(n -> shopWith(n));
 * }
 * }</pre>
 *
 * <p>Rules are called directly, with a context that fails the check on any finding (the resources
 * must be compliant); the rules are used as given, so bind their parameters first
 * ({@link Rule#configure}) where the defaults would not keep them quiet.
 */
public final class QuietPath {

  /** Evaluations of every rule on every resource before measuring, for the JIT to settle. */
  private static final int WARM_UP = 20_000;
  /** Evaluations of every rule on every resource in one measurement. */
  private static final int EVALUATIONS = 10_000;
  /** Measurements, of which the least counts. */
  private static final int ROUNDS = 5;
  /** Bytes the measurement of {@link #EVALUATIONS} may show without a rule allocating. */
  private static final long TOLERANCE = 1_000;

  /** Quiet resources in the smaller and the larger scan of a cross-resource check. */
  private static final int SMALL = 100;
  private static final int LARGE = 400;
  /** Checks of the two scans before measuring, and checks per measurement. */
  private static final int CHECK_WARM_UP = 3_000;
  private static final int CHECKS = 1_000;
  /** Bytes a check over the larger scan may allocate beyond one over the smaller. */
  private static final long PER_CHECK_TOLERANCE = 16;

  private final List<Rule> rules;
  private final List<ScanSettings> settings;

  private QuietPath(List<Rule> rules, List<ScanSettings> settings) {
    this.rules = rules;
    this.settings = settings;
  }

  /**
   * The quiet path of {@code rules}, which run under {@link ScanSettings#defaults()}.
   *
   * @throws IllegalArgumentException if {@code rules} is empty
   */
  public static QuietPath of(List<? extends Rule> rules) {
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("rules must not be empty");
    }
    List<Rule> copy = List.copyOf(rules);
    return new QuietPath(copy, List.of(ScanSettings.defaults()));
  }

  /** The same rules, run under each of {@code first} and {@code more} in turn (every one must keep them quiet). */
  public QuietPath under(ScanSettings first, ScanSettings... more) {
    List<ScanSettings> all = new ArrayList<>();
    all.add(Objects.requireNonNull(first, "first"));
    for (ScanSettings s : more) {
      all.add(Objects.requireNonNull(s, "settings"));
    }
    return new QuietPath(rules, List.copyOf(all));
  }

  /**
   * As {@link #assertAllocatesNothingOn(List)}, for the resources of {@code yaml} read by the
   * default loader under the source name {@code name}.
   *
   * @throws AssertionError if {@code yaml} does not load cleanly, or as the other method
   */
  public void assertAllocatesNothingOn(String name, String yaml) {
    LoadResult loaded = Loader.defaults().loadString(name, yaml);
    if (!loaded.errors().isEmpty()) {
      throw new AssertionError(name + " does not load cleanly: " + loaded.errors());
    }
    assertAllocatesNothingOn(loaded.resources());
  }

  /**
   * Asserts that the per-resource rules report nothing on {@code compliant} and allocate nothing
   * while checking it. Each rule is called, as the engine would call it, on the resources of the
   * kinds it declares, under every {@linkplain #under settings}; the whole set is measured together,
   * and on failure every rule alone, to name the ones that allocate.
   *
   * @throws IllegalArgumentException if a rule is not a {@link ResourceRule}, or declares none of
   *     the kinds of {@code compliant} (its check would prove nothing)
   * @throws AssertionError if a rule reports a finding or the rules allocate
   */
  public void assertAllocatesNothingOn(List<Resource> compliant) {
    if (compliant.isEmpty()) {
      throw new IllegalArgumentException("compliant resources must not be empty");
    }
    Resource[] resources = compliant.toArray(new Resource[0]);
    List<ResourceRule> perResource = new ArrayList<>();
    for (Rule rule : rules) {
      if (!(rule instanceof ResourceRule r)) {
        throw new IllegalArgumentException("rule " + rule.metadata().id() + " is not a per-resource rule");
      }
      if (compliant.stream().noneMatch(resource -> looksAt(r, resource))) {
        throw new IllegalArgumentException("rule " + r.metadata().id() + " looks at none of the resources");
      }
      perResource.add(r);
    }
    Context[] contexts = contexts();
    requireQuiet(perResource, resources);

    ResourceRule[][] all = dispatch(perResource, resources);
    int perRound = contexts.length * count(all);
    long least = measure(all, resources, contexts);
    if (least < TOLERANCE) {
      return;
    }
    StringBuilder alone = new StringBuilder();
    for (ResourceRule rule : perResource) {
      ResourceRule[][] one = dispatch(List.of(rule), resources);
      long bytes = measure(one, resources, contexts);
      alone.append(String.format("%n  %s: %.1f bytes per evaluation", rule.metadata().id(),
          (double) bytes / EVALUATIONS / (contexts.length * count(one))));
    }
    throw new AssertionError(String.format("%nExpecting rules%n  %s%nto allocate nothing on the quiet path of%n  %s%n"
            + "but %d rounds of %d evaluations allocated %d bytes (the least of %d measurements); each rule alone:%s",
        ids(perResource), compliant.stream().map(Resource::displayName).collect(Collectors.joining(", ")),
        EVALUATIONS, perRound, least, ROUNDS, alone));
  }

  /**
   * Asserts that each cross-resource rule allocates nothing per additional quiet resource: a check
   * of a scan of {@code scanOf.apply(400)} allocates no more than one of {@code scanOf.apply(100)}.
   * What a check allocates whatever the size of the scan (an iterator, a result computed once and
   * kept on the inventory) is not held against it. The rules must report nothing on either scan.
   *
   * @param scanOf the resources of a compliant scan with {@code n} quiet resources of the kinds the
   *     rules look at (and whatever else they need to stay quiet: a PodDisruptionBudget, a
   *     ServiceAccount)
   * @throws IllegalArgumentException if a rule is not an {@link InventoryRule}, or the scan does not
   *     grow with {@code n}
   * @throws AssertionError if a rule reports a finding or allocates per resource
   */
  public void assertAllocatesNothingPerQuietResource(IntFunction<List<Resource>> scanOf) {
    List<InventoryRule> crossResource = new ArrayList<>();
    for (Rule rule : rules) {
      if (!(rule instanceof InventoryRule r)) {
        throw new IllegalArgumentException("rule " + rule.metadata().id() + " is not a cross-resource rule");
      }
      crossResource.add(r);
    }
    List<Resource> smallScan = scanOf.apply(SMALL);
    List<Resource> largeScan = scanOf.apply(LARGE);
    if (largeScan.size() - smallScan.size() < LARGE - SMALL) {
      throw new IllegalArgumentException("a scan of " + LARGE + " quiet resources must hold at least "
          + (LARGE - SMALL) + " more resources than one of " + SMALL);
    }
    Inventory small = Inventory.of(smallScan);
    Inventory large = Inventory.of(largeScan);
    Context[] contexts = contexts();
    List<String> findings = new ArrayList<>();
    for (InventoryRule rule : crossResource) {
      for (ScanSettings s : settings) {
        Recording recording = new Recording(s);
        rule.check(small, recording);
        rule.check(large, recording);
        recording.found.forEach(message -> findings.add(rule.metadata().id() + ": " + message));
      }
    }
    failOnFindings(findings);

    com.sun.management.ThreadMXBean threads = threads();
    List<String> problems = new ArrayList<>();
    for (InventoryRule rule : crossResource) {
      for (int i = 0; i < CHECK_WARM_UP; i++) {
        for (Context context : contexts) {
          rule.check(small, context);
          rule.check(large, context);
        }
      }
      long perCheckSmall = Long.MAX_VALUE;
      long perCheckLarge = Long.MAX_VALUE;
      for (int round = 0; round < ROUNDS; round++) {
        perCheckSmall = Math.min(perCheckSmall, perCheck(threads, rule, small, contexts));
        perCheckLarge = Math.min(perCheckLarge, perCheck(threads, rule, large, contexts));
      }
      if (perCheckLarge - perCheckSmall >= PER_CHECK_TOLERANCE) {
        problems.add(String.format("%s: %d bytes per check of %d resources, %d of %d", rule.metadata().id(),
            perCheckLarge, largeScan.size(), perCheckSmall, smallScan.size()));
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(String.format("%nExpecting rules%n  %s%nto allocate nothing per additional quiet resource"
              + "%nbut a check allocated more over %d more resources (the least of %d measurements each):%n  %s",
          ids(crossResource), largeScan.size() - smallScan.size(), ROUNDS, String.join(String.format("%n  "), problems)));
    }
  }

  /** True if the engine would call {@code rule} for {@code resource}. */
  private static boolean looksAt(ResourceRule rule, Resource resource) {
    Set<GroupKind> kinds = rule.metadata().kinds();
    return kinds.contains(RuleMetadata.ANY) || kinds.contains(resource.groupKind())
        || (resource.isWorkload() && kinds.contains(RuleMetadata.WORKLOADS));
  }

  /** For each resource, the rules that look at it. */
  private static ResourceRule[][] dispatch(List<ResourceRule> rules, Resource[] resources) {
    ResourceRule[][] out = new ResourceRule[resources.length][];
    for (int i = 0; i < resources.length; i++) {
      Resource resource = resources[i];
      out[i] = rules.stream().filter(r -> looksAt(r, resource)).toArray(ResourceRule[]::new);
    }
    return out;
  }

  private static int count(ResourceRule[][] dispatch) {
    int n = 0;
    for (ResourceRule[] rules : dispatch) {
      n += rules.length;
    }
    return n;
  }

  /** Fails, naming the rule and the message, if a rule reports anything on the resources. */
  private void requireQuiet(List<ResourceRule> perResource, Resource[] resources) {
    List<String> findings = new ArrayList<>();
    for (ScanSettings s : settings) {
      for (ResourceRule rule : perResource) {
        Recording recording = new Recording(s);
        for (Resource resource : resources) {
          if (looksAt(rule, resource)) {
            rule.check(resource, recording);
          }
        }
        recording.found.forEach(message -> findings.add(rule.metadata().id() + ": " + message));
      }
    }
    failOnFindings(findings);
  }

  private static void failOnFindings(List<String> findings) {
    if (!findings.isEmpty()) {
      throw new AssertionError(String.format("%nExpecting the rules to report nothing on the quiet path%nbut they reported:%n  %s",
          String.join(String.format("%n  "), findings)));
    }
  }

  /**
   * The least bytes allocated by {@link #EVALUATIONS} rounds of {@code dispatch}, over
   * {@link #ROUNDS} measurements after the warm-up, less what the same loop costs without rules.
   */
  private static long measure(ResourceRule[][] dispatch, Resource[] resources, Context[] contexts) {
    com.sun.management.ThreadMXBean threads = threads();
    ResourceRule[][] none = new ResourceRule[resources.length][0];
    run(dispatch, resources, contexts, WARM_UP);
    run(none, resources, contexts, WARM_UP);
    long least = Long.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      long overhead = allocated(threads, none, resources, contexts);
      long allocated = allocated(threads, dispatch, resources, contexts);
      least = Math.min(least, allocated - overhead);
    }
    return least;
  }

  private static long allocated(com.sun.management.ThreadMXBean threads, ResourceRule[][] dispatch,
      Resource[] resources, Context[] contexts) {
    long before = threads.getCurrentThreadAllocatedBytes();
    run(dispatch, resources, contexts, EVALUATIONS);
    return threads.getCurrentThreadAllocatedBytes() - before;
  }

  private static void run(ResourceRule[][] dispatch, Resource[] resources, Context[] contexts, int rounds) {
    for (int i = 0; i < rounds; i++) {
      for (Context context : contexts) {
        for (int r = 0; r < resources.length; r++) {
          Resource resource = resources[r];
          for (ResourceRule rule : dispatch[r]) {
            rule.check(resource, context);
          }
        }
      }
    }
  }

  /** Bytes allocated per check of {@code rule} on {@code inventory}, averaged over {@link #CHECKS} checks per context. */
  private static long perCheck(com.sun.management.ThreadMXBean threads, InventoryRule rule, Inventory inventory,
      Context[] contexts) {
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < CHECKS; i++) {
      for (Context context : contexts) {
        rule.check(inventory, context);
      }
    }
    return (threads.getCurrentThreadAllocatedBytes() - before) / ((long) CHECKS * contexts.length);
  }

  private static com.sun.management.ThreadMXBean threads() {
    if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
        || !threads.isThreadAllocatedMemorySupported()) {
      throw new AssertionError("this JVM cannot count the bytes a thread allocates");
    }
    if (!threads.isThreadAllocatedMemoryEnabled()) {
      threads.setThreadAllocatedMemoryEnabled(true);
    }
    return threads;
  }

  private Context[] contexts() {
    return settings.stream().map(Silent::new).toArray(Context[]::new);
  }

  private static String ids(List<? extends Rule> rules) {
    return rules.stream().map(r -> r.metadata().id()).collect(Collectors.joining(", "));
  }

  /** A context that fails on any finding; used while measuring, after {@link Recording} found none. */
  private static final class Silent implements Context {
    private final ScanSettings settings;

    Silent(ScanSettings settings) {
      this.settings = settings;
    }

    @Override
    public FindingBuilder finding(Resource resource, Node at) {
      return new FindingBuilder(resource, at) {
        @Override
        public void report() {
          throw new AssertionError("a rule reported a finding while measuring: " + message());
        }
      };
    }

    @Override
    public ScanSettings settings() {
      return settings;
    }
  }

  /** A context that records the messages of findings, to name them before measuring. */
  private static final class Recording implements Context {
    private final ScanSettings settings;
    final List<String> found = new ArrayList<>();

    Recording(ScanSettings settings) {
      this.settings = settings;
    }

    @Override
    public FindingBuilder finding(Resource resource, Node at) {
      return new FindingBuilder(resource, at) {
        @Override
        public void report() {
          found.add(message() + " (" + resource().displayName() + ")");
        }
      };
    }

    @Override
    public ScanSettings settings() {
      return settings;
    }
  }
}
