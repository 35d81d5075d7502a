/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.commandline;

import dev.kubeward.model.Container;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.ScalarNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A container's command line as its component parses it: {@code command} followed by
 * {@code args}, each item {@code $(VAR)}-expanded from the container's environment as the kubelet
 * does it, then read with the component's {@link FlagTable} (pflag or Go {@code flag} syntax,
 * each flag's type from the table), plus etcd's {@code ETCD_*} environment variables for the flags
 * the command line leaves out.
 *
 * <p>The flags start after the word naming the component's executable (so
 * {@code hyperkube kube-apiserver ...} and wrappers such as {@code /go-runner ... kube-apiserver}
 * work); without one, after {@code command}'s first word, or from the first {@code args} item when
 * the container sets no {@code command} (the image's entrypoint then runs them).
 *
 * <p>A command line that cannot be read is <em>not checkable</em>, and every {@link #flag} of it
 * is {@link Flag.State#UNKNOWN}, never "absent, so the default applies": a shell wrapper
 * ({@code sh -c "..."}), no {@code command} and no {@code args} (the image decides), an item that
 * is not a string, a {@code $(VAR)} whose value comes from {@code valueFrom}, {@code envFrom} or a
 * Service, an etcd {@code --config-file}, and anything the component itself would refuse (a stray
 * positional argument such as the {@code false} of {@code --anonymous-auth false}, a value of the
 * wrong type, a flag missing its value). {@link #problems()} says which, with the node to point at.
 *
 * <p>Parsing allocates; parse once per container and keep the result for the rules that need it.
 */
public final class CommandLine {

  /**
   * Why a command line is not checkable.
   *
   * @param kind what is wrong
   * @param message one sentence, no trailing period, naming no value
   * @param node the node to point at
   */
  public record Problem(Kind kind, String message, Node node) {

    /** What makes a command line not checkable. */
    public enum Kind {
      /** The command runs a shell, whose script is not parsed. */
      SHELL,
      /** Neither {@code command} nor {@code args}: the image decides the command line. */
      NO_COMMAND,
      /** An item of {@code command} or {@code args} (or the field itself) that is not a string (list). */
      NOT_A_STRING,
      /** A value that depends on something only the running cluster knows. */
      UNRESOLVED,
      /** etcd reads a configuration file instead of its flags. */
      CONFIG_FILE,
      /** Something the component would refuse to start with. */
      REJECTED
    }

    public Problem {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(node, "node");
    }
  }

  private final Container container;
  private final FlagTable table;
  private final List<Problem> problems;
  private final Map<String, List<Flag.Occurrence>> occurrences;

  private CommandLine(Container container, FlagTable table, List<Problem> problems,
      Map<String, List<Flag.Occurrence>> occurrences) {
    this.container = container;
    this.table = table;
    this.problems = List.copyOf(problems);
    this.occurrences = occurrences;
  }

  /** The command line of {@code container}, read as {@code table}'s component reads it. */
  public static CommandLine of(Container container, FlagTable table) {
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(table, "table");
    return new Parser(container, table).parse();
  }

  public Container container() {
    return container;
  }

  public FlagTable table() {
    return table;
  }

  /** True if the command line can be read as the component reads it. */
  public boolean isCheckable() {
    return problems.isEmpty();
  }

  /** The first reason the command line is not checkable, or {@code null} when it is. */
  public String whyNotCheckable() {
    return problems.isEmpty() ? null : problems.get(0).message();
  }

  /** Every reason the command line is not checkable, in the order of the words; empty when it is. */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * The flag {@code name} (with or without dashes; for pflag components {@code _} reads as
   * {@code -}): set, absent, or unknown when the command line is not checkable.
   */
  public Flag flag(String name) {
    String normalized = table.normalize(name);
    List<Flag.Occurrence> found = occurrences.getOrDefault(normalized, List.of());
    Flag.State state = !isCheckable() ? Flag.State.UNKNOWN : found.isEmpty() ? Flag.State.ABSENT : Flag.State.SET;
    return new Flag(normalized, table, state, found);
  }

  /** Every flag the words (and environment) give, in the order each first appears. */
  public List<Flag> flags() {
    List<Flag> flags = new ArrayList<>();
    for (String name : occurrences.keySet()) {
      flags.add(flag(name));
    }
    return Collections.unmodifiableList(flags);
  }

  @Override
  public String toString() {
    return table.component() + " command line of " + container.describe()
        + (isCheckable() ? " (" + occurrences.size() + " flags)" : " (not checkable)");
  }

  /** A word of the command line: its expanded text ({@code null} if unusable) and its item. */
  private record Word(String text, Node node) {}

  private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "csh", "tcsh",
      "fish", "busybox", "pwsh", "powershell", "cmd");

  private static final class Parser {
    private final Container container;
    private final FlagTable table;
    private final String component;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, List<Flag.Occurrence>> occurrences = new LinkedHashMap<>();
    private final List<Word> words = new ArrayList<>();
    private Environment env;

    Parser(Container container, FlagTable table) {
      this.container = container;
      this.table = table;
      this.component = table.component();
    }

    CommandLine parse() {
      Node command = container.node().get("command");
      Node args = container.node().get("args");
      checkList(command, "command");
      checkList(args, "args");
      ListNode commandItems = command.asList();
      ListNode argItems = args.asList();
      if (commandItems.size() == 0 && argItems.size() == 0) {
        problems.add(new Problem(Problem.Kind.NO_COMMAND,
            "the container sets neither command nor args, so its image decides the command line", container.node()));
        return done();
      }
      env = Environment.of(container.node());
      addWords(commandItems, true);
      addWords(argItems, false);
      int start = start(commandItems.size() > 0);
      for (int i = 0; i < Math.max(start, 1) && i < words.size(); i++) {
        String text = words.get(i).text();
        if (text != null && isShell(FlagTable.basename(text))) {
          problems.add(0, new Problem(Problem.Kind.SHELL,
              "the command line runs a shell, whose script is not parsed", words.get(i).node()));
          return done();
        }
      }
      if (table.syntax() == FlagTable.Syntax.PFLAG) {
        parsePflag(start);
      } else {
        parseGoFlag(start);
      }
      if (table.envPrefix() != null) {
        readEnvironment(table.envPrefix());
      }
      checkConfigFile();
      return done();
    }

    private CommandLine done() {
      Map<String, List<Flag.Occurrence>> frozen = new LinkedHashMap<>();
      occurrences.forEach((name, list) -> frozen.put(name, List.copyOf(list)));
      return new CommandLine(container, table, problems, Collections.unmodifiableMap(frozen));
    }

    private void checkList(Node field, String name) {
      if (!field.isNull() && !field.isList()) {
        problems.add(new Problem(Problem.Kind.NOT_A_STRING, name + " is not a list of strings", field));
      }
    }

    private void addWords(ListNode items, boolean inCommand) {
      String field = inCommand ? "command" : "args";
      for (int i = 0; i < items.size(); i++) {
        Node item = items.get(i);
        if (!(item instanceof ScalarNode scalar) || scalar.type() != ScalarNode.Type.STRING) {
          String what = item instanceof ScalarNode scalar
              ? "a " + scalar.type().name().toLowerCase(Locale.ROOT)
              : item.isMap() ? "a mapping" : "a list";
          problems.add(new Problem(Problem.Kind.NOT_A_STRING,
              "the " + field + " item is " + what + ", not a string, and the API server rejects it", item));
          words.add(new Word(null, item));
          continue;
        }
        String expanded = env.expand(scalar.text());
        if (expanded == null) {
          problems.add(new Problem(Problem.Kind.UNRESOLVED, "the " + field + " item refers to $(" + env.unknownName()
              + "), which " + env.unknownReason(), item));
        }
        words.add(new Word(expanded, item));
      }
    }

    /**
     * The index of the first word the component reads: after the word naming its executable
     * (one not taken as the value of a preceding {@code --flag}), else after {@code command}'s
     * first word, else 0.
     */
    private int start(boolean hasCommand) {
      for (int i = 0; i < words.size(); i++) {
        String text = words.get(i).text();
        if (text == null || text.startsWith("-") || !table.binaries().contains(FlagTable.basename(text))) {
          continue;
        }
        String previous = i == 0 ? null : words.get(i - 1).text();
        if (previous == null || !previous.startsWith("-") || previous.indexOf('=') >= 0) {
          return i + 1;
        }
      }
      return hasCommand ? 1 : 0;
    }

    private static boolean isShell(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      return SHELLS.contains(lower.endsWith(".exe") ? lower.substring(0, lower.length() - 4) : lower);
    }

    private void parsePflag(int start) {
      int n = words.size();
      int i = start;
      while (i < n) {
        Word w = words.get(i++);
        String t = w.text();
        if (t == null || t.isEmpty()) {
          continue; // already a problem, or an empty argument the components ignore
        }
        if (t.length() < 2 || t.charAt(0) != '-') {
          positional(w);
          continue;
        }
        if (t.equals("--")) {
          while (i < n) {
            Word rest = words.get(i++);
            if (rest.text() != null && !rest.text().isEmpty()) {
              positional(rest);
            }
          }
          return;
        }
        if (t.charAt(1) == '-') {
          i = longFlag(w, t.substring(2), i);
        } else {
          i = shorthands(w, t.substring(1), i);
        }
      }
    }

    private int longFlag(Word w, String body, int next) {
      if (body.isEmpty() || body.charAt(0) == '-' || body.charAt(0) == '=') {
        rejected("rejects the flag syntax of this word", w.node());
        return next;
      }
      int eq = body.indexOf('=');
      String name = table.normalize(eq < 0 ? body : body.substring(0, eq));
      if (eq >= 0) {
        add(name, body.substring(eq + 1), w.node(), w.node(), Flag.Origin.ARGUMENT);
        return next;
      }
      return valueFromNextWord(w, name, next);
    }

    /** A flag given without {@code =value}: its bare value, or the next word. */
    private int valueFromNextWord(Word w, String name, int next) {
      String bare = table.bareValue(name);
      if (bare != null) {
        add(name, bare, w.node(), w.node(), Flag.Origin.ARGUMENT);
        return next;
      }
      Word value = next < words.size() ? words.get(next) : null;
      if (!table.knows(name) && (value == null || value.text() != null && value.text().startsWith("-"))) {
        add(name, "true", w.node(), w.node(), Flag.Origin.ARGUMENT); // an unlisted switch, by the look of it
        return next;
      }
      if (value == null) {
        rejected("rejects --" + name + " without a value", w.node());
        return next;
      }
      if (value.text() != null) {
        add(name, value.text(), w.node(), value.node(), Flag.Origin.ARGUMENT);
      }
      return next + 1;
    }

    /** A run of one-letter shorthands after a single dash ({@code -v=2}, {@code -v2}, {@code -v 2}). */
    private int shorthands(Word w, String run, int next) {
      String chars = run;
      while (!chars.isEmpty()) {
        String name = table.shorthand(chars.charAt(0));
        if (name == null) {
          rejected("reads a single dash as one-letter shorthands and rejects this word", w.node());
          return next;
        }
        String value;
        Node valueNode = w.node();
        if (chars.length() > 2 && chars.charAt(1) == '=') {
          value = chars.substring(2);
          chars = "";
        } else if (table.bareValue(name) != null) {
          value = table.bareValue(name);
          chars = chars.substring(1);
        } else if (chars.length() > 1) {
          value = chars.substring(1);
          chars = "";
        } else if (next < words.size()) {
          Word v = words.get(next++);
          if (v.text() == null) {
            return next;
          }
          value = v.text();
          valueNode = v.node();
          chars = "";
        } else {
          rejected("rejects -" + chars.charAt(0) + " without a value", w.node());
          return next;
        }
        add(name, value, w.node(), valueNode, Flag.Origin.ARGUMENT);
      }
      return next;
    }

    private void parseGoFlag(int start) {
      int n = words.size();
      int i = start;
      while (i < n) {
        Word w = words.get(i);
        String t = w.text();
        if (t == null) {
          i++;
          continue;
        }
        if (t.length() < 2 || t.charAt(0) != '-') {
          if (!table.ignoresPositionalArguments()) {
            rejected("takes no positional argument and ignores the flags after one", w.node());
          }
          return;
        }
        i++;
        int minus = t.charAt(1) == '-' ? 2 : 1;
        if (minus == 2 && t.length() == 2) {
          for (; i < n; i++) {
            if (words.get(i).text() != null && !table.ignoresPositionalArguments()) {
              rejected("takes no positional argument", words.get(i).node());
              return;
            }
          }
          return;
        }
        String name = t.substring(minus);
        if (name.isEmpty() || name.charAt(0) == '-' || name.charAt(0) == '=') {
          rejected("rejects the flag syntax of this word and ignores the flags after it", w.node());
          return;
        }
        int eq = name.indexOf('=');
        if (eq >= 0) {
          add(name.substring(0, eq), name.substring(eq + 1), w.node(), w.node(), Flag.Origin.ARGUMENT);
        } else {
          i = valueFromNextWord(w, name, i);
        }
      }
    }

    /** etcd's {@code SetFlagsFromEnv}: {@code ETCD_NAME} sets {@code --name} unless the command line does. */
    private void readEnvironment(String prefix) {
      String start = prefix + "_";
      if (!env.envFrom().isMissing()) {
        problems.add(new Problem(Problem.Kind.UNRESOLVED,
            "envFrom may set " + start + " variables, which " + component + " reads as flags", env.envFrom()));
      }
      for (Environment.Variable v : env.variables()) {
        String name = v.name();
        if (!name.startsWith(start) || name.length() == start.length() || !name.equals(name.toUpperCase(Locale.ROOT))
            || name.equals(start + "VERSION")) {
          continue;
        }
        String flag = name.substring(start.length()).toLowerCase(Locale.ROOT).replace('_', '-');
        if (!table.knows(flag) || fromArguments(flag)) {
          continue; // the component ignores a variable for no flag, and a flag on the command line wins
        }
        if (v.value() == null) {
          problems.add(new Problem(Problem.Kind.UNRESOLVED,
              "environment variable " + name + " sets --" + flag + " and " + v.whyUnknown(), v.nameNode()));
          continue;
        }
        Node valueNode = v.valueNode().isMissing() ? v.nameNode() : v.valueNode();
        add(flag, v.value(), v.nameNode(), valueNode, Flag.Origin.ENVIRONMENT);
      }
    }

    private boolean fromArguments(String flag) {
      List<Flag.Occurrence> list = occurrences.get(flag);
      return list != null && list.get(0).origin() == Flag.Origin.ARGUMENT;
    }

    private void checkConfigFile() {
      String flag = table.configFileFlag();
      List<Flag.Occurrence> list = flag == null ? null : occurrences.get(flag);
      if (list == null) {
        return;
      }
      Flag.Occurrence last = list.get(list.size() - 1);
      if (!last.value().isEmpty()) {
        problems.add(new Problem(Problem.Kind.CONFIG_FILE, component + " reads its configuration from --" + flag
            + " and ignores every other flag and environment variable", last.flagNode()));
      }
    }

    private void add(String name, String value, Node flagNode, Node valueNode, Flag.Origin origin) {
      if (!Flag.accepts(table.spec(name).type(), table.syntax(), value)) {
        rejected("rejects the value of --" + name + ", which must be " + article(table.spec(name).type()), valueNode);
      }
      occurrences.computeIfAbsent(name, k -> new ArrayList<>()).add(new Flag.Occurrence(value, flagNode, valueNode, origin));
    }

    private static String article(FlagType type) {
      switch (type) {
        case BOOLEAN:
          return "a boolean";
        case INT:
          return "an integer";
        case FLOAT:
          return "a number";
        case DURATION:
          return "a duration";
        default:
          return "a comma-separated list";
      }
    }

    private void positional(Word w) {
      if (!table.ignoresPositionalArguments()) {
        rejected("takes no positional argument", w.node());
      }
    }

    private void rejected(String predicate, Node node) {
      problems.add(new Problem(Problem.Kind.REJECTED, component + " " + predicate, node));
    }
  }
}
