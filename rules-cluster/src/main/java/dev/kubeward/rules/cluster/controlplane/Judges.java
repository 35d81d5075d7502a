/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

import dev.kubeward.rule.KubeVersion;
import dev.kubeward.rule.KubeVersions;
import dev.kubeward.rules.cluster.controlplane.FlagCheck.Judge;
import dev.kubeward.rules.cluster.controlplane.FlagCheck.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The kinds of check the component tables are made of. */
final class Judges {

  private Judges() {}

  /** {@code --flag=value} as the component got it, with where it came from. */
  static String with(ComponentFlags f, String flag) {
    return f.subject() + " runs with --" + flag + "=" + f.text(flag) + f.origin(flag);
  }

  /** {@code runs without --flag, whose default is X (Kubernetes v1.N, ...)}. */
  static String without(ComponentFlags f, String flag, String def, KubeVersions.Applied v) {
    return f.subject() + " runs without --" + flag + ", whose default is " + def + version(f, v);
  }

  /**
   * {@code " (Kubernetes v1.N, from ...)"}: the version whose defaults were applied; empty for etcd,
   * whose defaults follow its own releases.
   */
  static String version(ComponentFlags f, KubeVersions.Applied v) {
    return f.component() == Component.ETCD ? "" : " (" + v.describe() + ")";
  }

  /** A boolean flag that must be {@code want}; its default may depend on the version. */
  static Judge bool(String flag, boolean want, Function<KubeVersion, Boolean> def) {
    return (f, v) -> {
      if (f.isSet(flag)) {
        Boolean value = Go.bool(f.text(flag));
        return value == null || value == want ? List.of()
            : Verdict.of(f.node(flag), with(f, flag) + "; set --" + flag + "=" + want);
      }
      boolean d = def.apply(v.version());
      return d == want ? List.of()
          : Verdict.of(f.missingAt(), without(f, flag, String.valueOf(d), v) + "; set --" + flag + "=" + want);
    };
  }

  /** A boolean flag that must be {@code want}, with the same default in every version. */
  static Judge bool(String flag, boolean want, boolean def) {
    return bool(flag, want, v -> def);
  }

  /** A flag that must not be given at all. */
  static Judge notSet(String flag, String remedy) {
    return (f, v) -> f.isSet(flag) && !f.text(flag).isEmpty()
        ? Verdict.of(f.node(flag), with(f, flag) + "; " + remedy) : List.of();
  }

  /** Flags that must all be given a non-empty value; they have no default. */
  static Judge allSet(String... flags) {
    return (f, v) -> {
      List<String> missing = null;
      for (String flag : flags) {
        String text = f.text(flag);
        if (text == null || text.isEmpty()) {
          if (missing == null) {
            missing = new ArrayList<>();
          }
          missing.add("--" + flag);
        }
      }
      if (missing == null) {
        return List.of();
      }
      StringBuilder want = new StringBuilder();
      for (int i = 0; i < flags.length; i++) {
        want.append(i == 0 ? "" : i == flags.length - 1 ? " and " : ", ").append("--").append(flags[i]);
      }
      return Verdict.of(f.missingAt(), f.subject() + " runs without " + String.join(" or ", missing)
          + ", which " + (missing.size() == 1 ? "has" : "have") + " no default; set " + want);
    };
  }

  /** An integer flag that must be at least {@code min}. */
  static Judge atLeast(String flag, long min, long def) {
    return (f, v) -> {
      if (f.isSet(flag)) {
        Long value = Go.integer(f.text(flag));
        return value == null || value >= min ? List.of()
            : Verdict.of(f.node(flag), with(f, flag) + "; set --" + flag + "=" + min + " or more");
      }
      return def >= min ? List.of()
          : Verdict.of(f.missingAt(), without(f, flag, String.valueOf(def), v) + "; set --" + flag + "=" + min
              + " or more");
    };
  }

  /** A flag that must be given (with any value); {@code def} says what happens without it. */
  static Judge set(String flag, String def, String remedy) {
    return (f, v) -> {
      String text = f.text(flag);
      return text != null && !text.isEmpty() ? List.of()
          : Verdict.of(f.missingAt(), f.subject() + " runs without --" + flag + ", so " + def + version(f, v)
              + "; " + remedy);
    };
  }

  /** Every item of a list flag must be in {@code allowed}; without the flag, {@code def} applies. */
  static Judge onlyItems(String flag, Set<String> allowed, String def) {
    return (f, v) -> {
      if (!f.isSet(flag)) {
        return Verdict.of(f.missingAt(), f.subject() + " runs without --" + flag + ", so " + def
            + version(f, v) + "; set --" + flag + " to strong suites only");
      }
      List<String> weak = null;
      for (String item : f.values(flag)) {
        if (!allowed.contains(item.trim())) {
          if (weak == null) {
            weak = new ArrayList<>();
          }
          weak.add(item.trim());
        }
      }
      return weak == null ? List.of()
          : Verdict.of(f.nodeOf(flag, weak.get(0)), f.subject() + " allows " + String.join(", ", weak) + " in --"
              + flag + f.origin(flag) + "; keep only the GCM and ChaCha20-Poly1305 suites");
    };
  }

  /** An address flag that must be a loopback address; {@code def} applies without it. */
  static Judge loopback(String flag, String def) {
    return (f, v) -> {
      if (f.isSet(flag)) {
        return isLoopback(f.text(flag)) ? List.of()
            : Verdict.of(f.node(flag), with(f, flag) + "; set --" + flag + "=127.0.0.1");
      }
      return Verdict.of(f.missingAt(), without(f, flag, def, v) + ", every interface; set --" + flag + "=127.0.0.1");
    };
  }

  static boolean isLoopback(String address) {
    return address.startsWith("127.") || address.equals("::1") || address.equals("localhost");
  }

  /** A map flag whose {@code key} must not be {@code bad}. */
  static Judge mapKeyNot(String flag, String key, boolean bad) {
    return (f, v) -> {
      String value = f.entries(flag).get(key);
      return value != null && Go.bool(value) == Boolean.valueOf(bad)
          ? Verdict.of(f.nodeOf(flag, key), f.subject() + " runs with --" + flag + " " + key + "=" + value
              + f.origin(flag) + "; remove " + key + "=" + value)
          : List.of();
    };
  }

  /**
   * A list of paths that may hold only the health endpoints ({@code /healthz}, {@code /readyz},
   * {@code /livez} and what is below them).
   */
  static Judge healthPathsOnly(String flag) {
    return (f, v) -> {
      for (String path : f.values(flag)) {
        String p = path.trim();
        if (!isHealthPath(p)) {
          return Verdict.of(f.nodeOf(flag, path), f.subject() + " serves " + p + " to anyone, without authorization"
              + " (--" + flag + f.origin(flag) + "); keep only /healthz, /readyz and /livez");
        }
      }
      return List.of();
    };
  }

  private static final String[] HEALTH_PATHS = {"/healthz", "/readyz", "/livez"};

  private static boolean isHealthPath(String p) {
    for (String health : HEALTH_PATHS) {
      if (p.startsWith(health) && (p.length() == health.length() || p.charAt(health.length()) == '/')) {
        return true;
      }
    }
    return false;
  }

  /** URL list flags that must not hold an {@code http://} URL on an address other than loopback. */
  static Judge plaintextUrls(String... flags) {
    return (f, v) -> {
      for (String flag : flags) {
        for (String url : f.values(flag)) {
          String u = url.trim();
          if (!u.startsWith("http://")) {
            continue;
          }
          String host = u.substring("http://".length());
          int end = host.startsWith("[") ? host.indexOf(']') + 1 : host.indexOf(':');
          host = end <= 0 ? host : host.substring(0, end);
          if (isLoopback(host) || host.equals("[::1]")) {
            continue;
          }
          return Verdict.of(f.nodeOf(flag, url), f.subject() + " uses " + u + " in --" + flag + f.origin(flag)
              + ", without TLS beyond this node; use https://");
        }
      }
      return List.of();
    };
  }

  // ---- authorization modes (kube-apiserver) ----

  /** The authorization modes in effect: {@code --authorization-mode}, default {@code AlwaysAllow}. */
  static List<String> modes(ComponentFlags f) {
    return f.isSet("authorization-mode") ? f.values("authorization-mode") : List.of("AlwaysAllow");
  }

  /** True if authorization comes from an {@code --authorization-config} file, judged on its own. */
  static boolean authorizationFromFile(ComponentFlags f) {
    String file = f.text("authorization-config");
    return file != null && !file.isEmpty();
  }

  /** The authorization modes must include {@code mode}. */
  static Judge modeIncluded(String mode) {
    return (f, v) -> {
      if (authorizationFromFile(f) || modes(f).contains(mode)) {
        return List.of();
      }
      return f.isSet("authorization-mode")
          ? Verdict.of(f.node("authorization-mode"), with(f, "authorization-mode") + ", without " + mode + "; add "
              + mode)
          : Verdict.of(f.missingAt(), without(f, "authorization-mode", "AlwaysAllow", v) + "; set --authorization-mode"
              + " with " + mode);
    };
  }

  /** The authorization modes must not include {@code mode}. */
  static Judge modeExcluded(String mode, String remedy) {
    return (f, v) -> {
      if (authorizationFromFile(f) || !modes(f).contains(mode)) {
        return List.of();
      }
      return f.isSet("authorization-mode")
          ? Verdict.of(f.nodeOf("authorization-mode", mode), with(f, "authorization-mode") + "; " + remedy)
          : Verdict.of(f.missingAt(), without(f, "authorization-mode", mode, v) + "; " + remedy);
    };
  }

  // ---- admission plugins (kube-apiserver) ----

  /** The admission plugins kube-apiserver enables without being told, by version. */
  static Set<String> defaultPlugins(KubeVersion version) {
    if (version.isBefore(10)) {
      return Set.of("AlwaysAdmit");
    }
    return AdmissionDefaults.of(version.minor());
  }

  /** True if {@code plugin} runs. */
  static boolean enabled(ComponentFlags f, KubeVersion version, String plugin) {
    if (f.isSet("admission-control")) {
      return f.values("admission-control").contains(plugin);
    }
    if (f.values("disable-admission-plugins").contains(plugin)) {
      return false;
    }
    return f.values("enable-admission-plugins").contains(plugin) || defaultPlugins(version).contains(plugin);
  }

  /** The admission plugin {@code plugin}, not enabled by default, must be enabled. */
  static Judge pluginEnabled(String plugin) {
    return (f, v) -> {
      if (enabled(f, v.version(), plugin)) {
        return List.of();
      }
      String remedy = "; add " + plugin + " to --enable-admission-plugins";
      if (f.isSet("admission-control")) {
        return Verdict.of(f.node("admission-control"), with(f, "admission-control")
            + ", which enables only the plugins it lists, not " + plugin + remedy);
      }
      if (f.values("disable-admission-plugins").contains(plugin)) {
        return Verdict.of(f.nodeOf("disable-admission-plugins", plugin), f.subject() + " disables the admission plugin "
            + plugin + " with --disable-admission-plugins" + f.origin("disable-admission-plugins") + remedy);
      }
      String notDefault = plugin + " is not enabled by default (" + v.describe() + ")";
      return f.isSet("enable-admission-plugins")
          ? Verdict.of(f.node("enable-admission-plugins"), with(f, "enable-admission-plugins") + ", without "
              + plugin + ", and " + notDefault + remedy)
          : Verdict.of(f.missingAt(), f.subject() + " runs without --enable-admission-plugins, and " + notDefault
              + remedy);
    };
  }

  /** The admission plugin {@code plugin} must not be enabled. */
  static Judge pluginNotEnabled(String plugin) {
    return (f, v) -> {
      if (!enabled(f, v.version(), plugin)) {
        return List.of();
      }
      String remedy = "; remove " + plugin;
      if (f.isSet("admission-control")) {
        return Verdict.of(f.nodeOf("admission-control", plugin), with(f, "admission-control") + remedy);
      }
      if (f.values("enable-admission-plugins").contains(plugin)) {
        return Verdict.of(f.nodeOf("enable-admission-plugins", plugin), with(f, "enable-admission-plugins") + remedy);
      }
      return Verdict.of(f.missingAt(), f.subject() + " enables " + plugin + " by default (" + v.describe()
          + "); set --enable-admission-plugins without it");
    };
  }

  /** The admission plugin {@code plugin}, enabled by default, must not be disabled. */
  static Judge pluginNotDisabled(String plugin) {
    return (f, v) -> {
      if (enabled(f, v.version(), plugin)) {
        return List.of();
      }
      if (f.isSet("admission-control")) {
        return Verdict.of(f.node("admission-control"), with(f, "admission-control")
            + ", which enables only the plugins it lists, not " + plugin + "; replace it with"
            + " --enable-admission-plugins");
      }
      if (f.values("disable-admission-plugins").contains(plugin)) {
        return Verdict.of(f.nodeOf("disable-admission-plugins", plugin), with(f, "disable-admission-plugins")
            + "; remove " + plugin);
      }
      return Verdict.of(f.missingAt(), f.subject() + " does not enable " + plugin + " by default (" + v.describe()
          + "); add it to --enable-admission-plugins");
    };
  }

  /** A duration flag that must lie between {@code minSeconds} and {@code maxSeconds}. */
  static Judge durationWithin(String flag, double minSeconds, double maxSeconds, String advice) {
    return (f, v) -> {
      if (!f.isSet(flag)) {
        return List.of();
      }
      Double seconds = Go.seconds(f.text(flag));
      if (seconds == null || seconds >= minSeconds && seconds <= maxSeconds) {
        return List.of();
      }
      return Verdict.of(f.node(flag), with(f, flag) + (seconds < minSeconds ? ", too short" : ", too long") + "; "
          + advice);
    };
  }
}
