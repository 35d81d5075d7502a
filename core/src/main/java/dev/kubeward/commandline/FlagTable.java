/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.commandline;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A component's flags and their types, and how the component reads its command line: with
 * spf13/pflag (the kube-* components: {@code --flag=value}, {@code --flag value}, one-letter
 * shorthands after a single dash, {@code _} read as {@code -}) or with Go's {@code flag} package
 * (etcd: one or two dashes alike, parsing stops at the first word that is not a flag), plus where
 * else a flag can be set (etcd's {@code ETCD_*} environment variables) or overridden wholesale
 * (etcd's {@code --config-file}).
 *
 * <p>A flag the table does not list is read as a string. Since the components take no
 * positional arguments, such a flag without {@code =value} takes the next word as its value unless
 * that word starts with {@code -}, in which case it counts as a switch set to {@code true}.
 *
 * <p>The built-in tables cover the flags the CIS Kubernetes Benchmark and the cluster
 * configuration checks read, every switch (boolean flag) of each component, and the common
 * others. Immutable and thread-safe.
 */
public final class FlagTable {

  /** How a component reads its command line. */
  public enum Syntax {
    /**
     * spf13/pflag, as cobra-based Kubernetes components use it: {@code --name=value} or
     * {@code --name value} (a switch never takes the next word), one-letter shorthands after one
     * dash ({@code -v=2}, {@code -v 2}, {@code -v2}), {@code --} ending the flags; a single dash
     * before a long name is a run of shorthands, which the components reject. Names are normalised
     * with {@code _} read as {@code -} ({@code cliflag.WordSepNormalizeFunc}).
     */
    PFLAG,
    /**
     * Go's {@code flag} package, as etcd uses it: {@code -name} and {@code --name} alike,
     * {@code -name=value} or {@code -name value} for non-switches, a switch only as {@code -name}
     * or {@code -name=value}; parsing stops at the first word that is not a flag (or after
     * {@code --}), and a repeated list flag replaces its earlier value.
     */
    GO_FLAG
  }

  /** How one flag is read: its type, and the value it takes when given without one (pflag's {@code NoOptDefVal}). */
  record Spec(FlagType type, String bareValue) {}

  private static final Spec UNKNOWN = new Spec(FlagType.STRING, null);

  private final String component;
  private final Syntax syntax;
  private final Map<String, Spec> flags;
  private final Map<Character, String> shorthands;
  private final Set<String> binaries;
  private final String envPrefix;
  private final String configFileFlag;
  private final boolean underscoresAsDashes;
  private final boolean ignoresPositionals;

  /** kube-apiserver (pflag). */
  public static final FlagTable KUBE_APISERVER = BuiltInFlags.kubeApiserver();
  /** kube-controller-manager (pflag). */
  public static final FlagTable KUBE_CONTROLLER_MANAGER = BuiltInFlags.kubeControllerManager();
  /** kube-scheduler (pflag). */
  public static final FlagTable KUBE_SCHEDULER = BuiltInFlags.kubeScheduler();
  /** kubelet (pflag). */
  public static final FlagTable KUBELET = BuiltInFlags.kubelet();
  /** kube-proxy (pflag). */
  public static final FlagTable KUBE_PROXY = BuiltInFlags.kubeProxy();
  /** etcd (Go {@code flag}, {@code ETCD_*} environment variables, {@code --config-file}). */
  public static final FlagTable ETCD = BuiltInFlags.etcd();
  /**
   * The Kubernetes Dashboard, v2 and the v3 modules (pflag without {@code _} normalisation;
   * positional arguments are ignored).
   */
  public static final FlagTable DASHBOARD = BuiltInFlags.dashboard();

  private static final List<FlagTable> BUILT_IN = List.of(KUBE_APISERVER, KUBE_CONTROLLER_MANAGER, KUBE_SCHEDULER,
      KUBELET, KUBE_PROXY, ETCD, DASHBOARD);

  private FlagTable(Builder b) {
    this.component = b.component;
    this.syntax = b.syntax;
    this.flags = Collections.unmodifiableMap(new LinkedHashMap<>(b.flags));
    this.shorthands = Map.copyOf(b.shorthands);
    this.binaries = Collections.unmodifiableSet(new LinkedHashSet<>(b.binaries));
    this.envPrefix = b.envPrefix;
    this.configFileFlag = b.configFileFlag;
    this.underscoresAsDashes = b.underscoresAsDashes;
    this.ignoresPositionals = b.ignoresPositionals;
  }

  /** A builder for a table of {@code component} (a name for messages) read with {@code syntax}. */
  public static Builder builder(String component, Syntax syntax) {
    return new Builder(component, syntax);
  }

  /** A builder that starts from this table, to add or retype flags. */
  public Builder toBuilder() {
    Builder b = new Builder(component, syntax);
    b.flags.putAll(flags);
    b.shorthands.putAll(shorthands);
    b.binaries.addAll(binaries);
    b.envPrefix = envPrefix;
    b.configFileFlag = configFileFlag;
    b.underscoresAsDashes = underscoresAsDashes;
    b.ignoresPositionals = ignoresPositionals;
    return b;
  }

  /**
   * The built-in tables: kube-apiserver, kube-controller-manager, kube-scheduler, kubelet,
   * kube-proxy, etcd, Kubernetes Dashboard.
   */
  public static List<FlagTable> builtIn() {
    return BUILT_IN;
  }

  /**
   * The built-in table of the component {@code container} runs, or {@code null}: the first word
   * of its command or args that names a component's executable (by its last path segment, so
   * {@code /usr/local/bin/kube-apiserver} counts; not the value of a preceding {@code --flag}),
   * else its image's repository name ({@code registry.k8s.io/kube-apiserver:v1.30.0},
   * {@code registry.k8s.io/etcd:3.5.12-0}, with an architecture suffix such as {@code -amd64}).
   */
  public static FlagTable detect(Container container) {
    String previous = null;
    for (String field : new String[] {"command", "args"}) {
      Node words = container.node().get(field);
      for (int i = 0; i < words.size(); i++) {
        String word = words.get(i).text();
        boolean valueOfFlag = previous != null && previous.startsWith("-") && previous.indexOf('=') < 0;
        previous = word;
        if (word == null || word.startsWith("-") || valueOfFlag) {
          continue;
        }
        for (FlagTable table : BUILT_IN) {
          if (table.binaries.contains(basename(word))) {
            return table;
          }
        }
      }
    }
    String image = container.image().text("");
    int at = image.indexOf('@');
    String repository = at < 0 ? image : image.substring(0, at);
    int slash = repository.lastIndexOf('/');
    int colon = repository.indexOf(':', slash + 1);
    String name = repository.substring(slash + 1, colon < 0 ? repository.length() : colon);
    for (String arch : new String[] {"-amd64", "-arm64", "-arm", "-ppc64le", "-s390x"}) {
      if (name.endsWith(arch)) {
        name = name.substring(0, name.length() - arch.length());
      }
    }
    for (FlagTable table : BUILT_IN) {
      if (table.binaries.contains(name)) {
        return table;
      }
    }
    return null;
  }

  /** The last path segment of a word: {@code kube-apiserver} for {@code /usr/local/bin/kube-apiserver}. */
  static String basename(String word) {
    return word.substring(word.lastIndexOf('/') + 1);
  }

  /** The component's name, for messages ({@code kube-apiserver}). */
  public String component() {
    return component;
  }

  public Syntax syntax() {
    return syntax;
  }

  /**
   * The canonical form of a flag name: without leading dashes, and with {@code _} read as
   * {@code -} for the components that normalise names so (the Kubernetes components).
   */
  public String normalize(String name) {
    int i = 0;
    while (i < name.length() && name.charAt(i) == '-') {
      i++;
    }
    String bare = i == 0 ? name : name.substring(i);
    return underscoresAsDashes && bare.indexOf('_') >= 0 ? bare.replace('_', '-') : bare;
  }

  /**
   * True if the component ignores positional arguments (the Dashboard); the Kubernetes components
   * and etcd refuse to start with one.
   */
  public boolean ignoresPositionalArguments() {
    return ignoresPositionals;
  }

  /** True if the table lists {@code name} (normalised). */
  public boolean knows(String name) {
    return flags.containsKey(normalize(name));
  }

  /** The type of {@code name} (normalised); {@link FlagType#STRING} for a flag the table does not list. */
  public FlagType typeOf(String name) {
    return spec(normalize(name)).type();
  }

  /**
   * The value {@code name} takes when given without one: {@code true} for a switch, pflag's
   * {@code NoOptDefVal} for a flag that declares one ({@code --version}), otherwise {@code null}.
   */
  public String bareValue(String name) {
    return spec(normalize(name)).bareValue();
  }

  /** Every flag name the table lists, in declaration order. */
  public Set<String> names() {
    return flags.keySet();
  }

  /** The long name of the one-letter shorthand {@code c} ({@code -v}), or {@code null}. */
  public String shorthand(char c) {
    return shorthands.get(c);
  }

  /**
   * The names the component's executable goes by ({@code kube-apiserver}, and {@code apiserver}
   * as a hyperkube subcommand); the flags start after the word that names it.
   */
  public Set<String> binaries() {
    return binaries;
  }

  /**
   * The prefix of the environment variables that set flags not given on the command line
   * ({@code ETCD}: {@code ETCD_CLIENT_CERT_AUTH} sets {@code --client-cert-auth}), or {@code null}.
   */
  public String envPrefix() {
    return envPrefix;
  }

  /**
   * The flag (and, with the prefix, the environment variable) naming a configuration file that
   * replaces every other flag and variable ({@code config-file} for etcd), or {@code null}.
   */
  public String configFileFlag() {
    return configFileFlag;
  }

  /** The spec of the normalised {@code name}; a string without bare value for an unlisted one. */
  Spec spec(String name) {
    Spec spec = flags.get(name);
    return spec == null ? UNKNOWN : spec;
  }

  @Override
  public String toString() {
    return component + " flags (" + flags.size() + ")";
  }

  /** Builds a {@link FlagTable}; a later declaration of a flag replaces an earlier one. */
  public static final class Builder {
    private final String component;
    private final Syntax syntax;
    private final Map<String, Spec> flags = new LinkedHashMap<>();
    private final Map<Character, String> shorthands = new HashMap<>();
    private final Set<String> binaries = new LinkedHashSet<>();
    private String envPrefix;
    private String configFileFlag;
    private boolean underscoresAsDashes;
    private boolean ignoresPositionals;

    private Builder(String component, Syntax syntax) {
      this.component = Objects.requireNonNull(component, "component");
      this.syntax = Objects.requireNonNull(syntax, "syntax");
      this.underscoresAsDashes = syntax == Syntax.PFLAG;
    }

    /** Declares {@code names} with {@code type}; a switch takes {@code true} when given bare. */
    public Builder flags(FlagType type, String... names) {
      for (String name : names) {
        flag(name, type, type == FlagType.BOOLEAN ? "true" : null);
      }
      return this;
    }

    /**
     * Declares {@code name} with {@code type} and the value it takes when given without one
     * ({@code null}: it then takes the next word); a switch always takes {@code true}.
     */
    public Builder flag(String name, FlagType type, String bareValue) {
      Objects.requireNonNull(type, "type");
      if (name.isEmpty() || name.startsWith("-") || name.indexOf('=') >= 0) {
        throw new IllegalArgumentException("a flag name must not be empty, start with a dash or hold '='");
      }
      if (underscoresAsDashes && name.indexOf('_') >= 0) {
        throw new IllegalArgumentException("the component reads '_' as '-': declare the name with dashes");
      }
      flags.put(name, new Spec(type, type == FlagType.BOOLEAN ? "true" : bareValue));
      return this;
    }

    /** Declares {@code -c} as a shorthand of the long flag {@code name} (pflag only). */
    public Builder shorthand(char c, String name) {
      if (syntax != Syntax.PFLAG) {
        throw new IllegalStateException("only pflag has shorthands");
      }
      shorthands.put(c, name);
      return this;
    }

    /** The names the component's executable goes by. */
    public Builder binaries(String... names) {
      binaries.addAll(List.of(names));
      return this;
    }

    /** The prefix of the environment variables that set flags (Go flag syntax only). */
    public Builder envPrefix(String prefix) {
      this.envPrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /**
     * Whether the component reads {@code _} in a flag name as {@code -} (default: yes for pflag,
     * as the Kubernetes components set {@code cliflag.WordSepNormalizeFunc}; no for Go flag).
     */
    public Builder underscoresAsDashes(boolean normalize) {
      this.underscoresAsDashes = normalize;
      return this;
    }

    /** Whether the component ignores positional arguments instead of refusing to start (default: refuses). */
    public Builder ignoresPositionalArguments(boolean ignores) {
      this.ignoresPositionals = ignores;
      return this;
    }

    /** The flag naming a configuration file that replaces every other flag. */
    public Builder configFileFlag(String name) {
      this.configFileFlag = Objects.requireNonNull(name, "name");
      return this;
    }

    public FlagTable build() {
      return new FlagTable(this);
    }
  }
}
