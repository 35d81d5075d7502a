/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.commandline;

import static dev.kubeward.commandline.Pods.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.commandline.CommandLine.Problem;
import dev.kubeward.model.Node;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  private static final FlagTable API = FlagTable.KUBE_APISERVER;
  private static final FlagTable ETCD = FlagTable.ETCD;

  /** Checkable command lines: the effective value of one flag ({@code null}: absent, the default applies). */
  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("--flag=value", API, "command: [kube-apiserver, --audit-log-path=/var/log/a.log]",
            "audit-log-path", "/var/log/a.log"),
        Arguments.of("--flag value takes the next word", API,
            "command: [kube-apiserver, --audit-log-path, /var/log/a.log]", "audit-log-path", "/var/log/a.log"),
        Arguments.of("a value that starts with a dash is still the next word", API,
            "command: [kube-apiserver, --audit-log-path, \"-\"]", "audit-log-path", "-"),
        Arguments.of("a bare switch is true", API, "command: [kube-apiserver, --anonymous-auth]",
            "anonymous-auth", "true"),
        Arguments.of("a switch does not take the next flag", API,
            "command: [kube-apiserver, --profiling, --anonymous-auth=false]", "anonymous-auth", "false"),
        Arguments.of("a repeated scalar: the last wins", API,
            "command: [kube-apiserver, --profiling=true, --profiling=false]", "profiling", "false"),
        Arguments.of("a flag left out is absent", API, "command: [kube-apiserver, --profiling=false]",
            "anonymous-auth", null),
        Arguments.of("command and args are one command line", API,
            "command: [kube-apiserver, --profiling=false]\nargs: [--anonymous-auth=false]", "anonymous-auth", "false"),
        Arguments.of("args alone go to the image's entrypoint", API, "args: [--anonymous-auth=false]",
            "anonymous-auth", "false"),
        Arguments.of("the path of the executable counts", API,
            "command: [/usr/local/bin/kube-apiserver, --anonymous-auth=false]", "anonymous-auth", "false"),
        Arguments.of("hyperkube runs the component named next", API,
            "command: [/hyperkube, kube-apiserver, --anonymous-auth=false]", "anonymous-auth", "false"),
        Arguments.of("a wrapper's flags are not the component's", API,
            "command: [/go-runner, --log-file=/var/log/kube-apiserver.log, /usr/local/bin/kube-apiserver,"
                + " --profiling=false]", "log-file", null),
        Arguments.of("a value that looks like the executable is a value", API,
            "command: [kube-apiserver, --cert-dir, /var/run/kube-apiserver, --profiling=false]", "cert-dir",
            "/var/run/kube-apiserver"),
        Arguments.of("a flag's value that names the executable is no executable", API,
            "command: [/entry, --state-dir, /var/lib/kube-apiserver]\nargs: [--profiling=false]", "state-dir",
            "/var/lib/kube-apiserver"),
        Arguments.of("pflag reads _ as -", API, "command: [kube-apiserver, --anonymous_auth=false]",
            "anonymous-auth", "false"),
        Arguments.of("a name asked with dashes", API, "command: [kube-apiserver, --anonymous-auth=false]",
            "--anonymous-auth", "false"),
        Arguments.of("shorthand -v=2", API, "command: [kube-apiserver, -v=2]", "v", "2"),
        Arguments.of("shorthand -v 2", API, "command: [kube-apiserver, -v, \"2\"]", "v", "2"),
        Arguments.of("shorthand -v2", API, "command: [kube-apiserver, -v2]", "v", "2"),
        Arguments.of("a bare --version does not take the next word", API,
            "command: [kube-apiserver, --version, --profiling=false]", "version", "true"),
        Arguments.of("an empty argument is ignored", API, "command: [kube-apiserver, \"\", --profiling=false]",
            "profiling", "false"),
        Arguments.of("an unlisted flag takes a next word that is not a flag", API,
            "command: [kube-apiserver, --some-new-flag, value, --profiling=false]", "some-new-flag", "value"),
        Arguments.of("an unlisted flag before a flag is a switch", API,
            "command: [kube-apiserver, --some-new-switch, --profiling=false]", "some-new-switch", "true"),
        Arguments.of("$(VAR) is expanded from env", API,
            "env: [{name: AUTH, value: \"false\"}]\ncommand: [kube-apiserver, --anonymous-auth=$(AUTH)]",
            "anonymous-auth", "false"),
        Arguments.of("$$(VAR) is an escaped $", API,
            "env: [{name: FILE, value: /x}]\ncommand: [kube-apiserver, --token-auth-file=$$(FILE)]",
            "token-auth-file", "$(FILE)"),
        Arguments.of("an undefined $(VAR) stays as written", API,
            "command: [kube-apiserver, --token-auth-file=$(NOT_DEFINED)]", "token-auth-file", "$(NOT_DEFINED)"),
        Arguments.of("an env value sees only the variables before it", API,
            "env: [{name: A, value: $(B)}, {name: B, value: x}]\ncommand: [kube-apiserver, --etcd-prefix=$(A)]",
            "etcd-prefix", "$(B)"),
        Arguments.of("an env value expands the variables before it", API,
            "env: [{name: B, value: x}, {name: A, value: $(B)-1}]\ncommand: [kube-apiserver, --etcd-prefix=$(A)]",
            "etcd-prefix", "x-1"),
        Arguments.of("the last definition of a variable wins", API,
            "env: [{name: A, value: one}, {name: A, value: two}]\ncommand: [kube-apiserver, --etcd-prefix=$(A)]",
            "etcd-prefix", "two"),
        Arguments.of("a variable without value is empty", API,
            "env: [{name: A}]\ncommand: [kube-apiserver, --etcd-prefix=x$(A)y]", "etcd-prefix", "xy"),
        Arguments.of("a valueFrom variable not referenced does not matter", API,
            "env: [{name: S, valueFrom: {secretKeyRef: {name: s, key: k}}}]\n"
                + "command: [kube-apiserver, --profiling=false]", "profiling", "false"),
        Arguments.of("etcd: one dash", ETCD, "command: [etcd, -client-cert-auth, -cert-file=/c.crt]",
            "client-cert-auth", "true"),
        Arguments.of("etcd: one dash and a value in the next word", ETCD, "command: [etcd, -cert-file, /c.crt]",
            "cert-file", "/c.crt"),
        Arguments.of("etcd: two dashes", ETCD, "command: [etcd, --client-cert-auth=false]", "client-cert-auth",
            "false"),
        Arguments.of("etcd: ETCD_ variable sets an absent flag", ETCD,
            "command: [etcd]\nenv: [{name: ETCD_CLIENT_CERT_AUTH, value: \"true\"}]", "client-cert-auth", "true"),
        Arguments.of("etcd: the command line wins over ETCD_", ETCD,
            "command: [etcd, --client-cert-auth=false]\nenv: [{name: ETCD_CLIENT_CERT_AUTH, value: \"true\"}]",
            "client-cert-auth", "false"),
        Arguments.of("etcd: a valueFrom ETCD_ variable does not matter when the flag is given", ETCD,
            "command: [etcd, --client-cert-auth=true]\n"
                + "env: [{name: ETCD_CLIENT_CERT_AUTH, valueFrom: {configMapKeyRef: {name: c, key: k}}}]",
            "client-cert-auth", "true"),
        Arguments.of("etcd: a lower-case variable is not read", ETCD,
            "command: [etcd]\nenv: [{name: ETCD_client_cert_auth, value: \"true\"}]", "client-cert-auth", null),
        Arguments.of("etcd: _ is not read as -", ETCD, "command: [etcd, --client_cert_auth=true]",
            "client-cert-auth", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void readsTheValueTheComponentGets(String description, FlagTable table, String body, String flag,
      String expected) {
    CommandLine line = parse(body, table);

    assertThat(line.problems()).isEmpty();
    assertThat(line.isCheckable()).isTrue();
    assertThat(line.whyNotCheckable()).isNull();
    Flag f = line.flag(flag);
    if (expected == null) {
      assertThat(f.state()).isEqualTo(Flag.State.ABSENT);
      assertThat(f.isAbsent()).isTrue();
      assertThat(f.text()).isNull();
      assertThat(f.node()).isSameAs(Node.MISSING);
    } else {
      assertThat(f.state()).isEqualTo(Flag.State.SET);
      assertThat(f.text()).isEqualTo(expected);
      assertThat(f.node().isScalar()).isTrue();
    }
  }

  /** Command lines that are not checkable: the first problem's kind and the line of its node. */
  static Stream<Arguments> notCheckable() {
    return Stream.of(
        Arguments.of("sh -c", API, "command: [sh, -c, kube-apiserver --anonymous-auth=false]",
            Problem.Kind.SHELL, 7),
        Arguments.of("/bin/sh -c", API, "command: [/bin/sh, -c]\nargs: [kube-apiserver --anonymous-auth=false]",
            Problem.Kind.SHELL, 7),
        Arguments.of("bash -c with the component as its own word", API,
            "command: [bash, -ec, kube-apiserver, --anonymous-auth=false]", Problem.Kind.SHELL, 7),
        Arguments.of("a shell in args without command", API, "args: [/bin/bash, -c, exec kube-apiserver]",
            Problem.Kind.SHELL, 7),
        Arguments.of("neither command nor args", API, "image: registry.k8s.io/kube-apiserver:v1.30.0",
            Problem.Kind.NO_COMMAND, 6),
        Arguments.of("a $(VAR) from valueFrom", API,
            "env: [{name: AUTH, valueFrom: {configMapKeyRef: {name: c, key: k}}}]\n"
                + "command: [kube-apiserver,\n  --anonymous-auth=$(AUTH)]", Problem.Kind.UNRESOLVED, 9),
        Arguments.of("a $(VAR) from a variable that uses one from valueFrom", API,
            "env: [{name: S, valueFrom: {fieldRef: {fieldPath: status.podIP}}}, {name: A, value: $(S)}]\n"
                + "command: [kube-apiserver, --advertise-address=$(A)]", Problem.Kind.UNRESOLVED, 8),
        Arguments.of("an undefined $(VAR) envFrom may define", API,
            "envFrom: [{configMapRef: {name: flags}}]\ncommand: [kube-apiserver, --anonymous-auth=$(AUTH)]",
            Problem.Kind.UNRESOLVED, 8),
        Arguments.of("an undefined $(VAR) a Service may define", API,
            "command: [kube-apiserver, \"--etcd-servers=https://$(ETCD_SERVICE_HOST):2379\"]",
            Problem.Kind.UNRESOLVED, 7),
        Arguments.of("a YAML boolean item", API, "command: [kube-apiserver, --anonymous-auth, false]",
            Problem.Kind.NOT_A_STRING, 7),
        Arguments.of("a YAML integer item", API, "command: [kube-apiserver, -v, 2]", Problem.Kind.NOT_A_STRING, 7),
        Arguments.of("a mapping item", API, "command: [kube-apiserver, {a: b}]", Problem.Kind.NOT_A_STRING, 7),
        Arguments.of("command as a string", API, "command: kube-apiserver --anonymous-auth=false",
            Problem.Kind.NOT_A_STRING, 7),
        Arguments.of("a switch followed by its would-be value", API,
            "command: [kube-apiserver, --anonymous-auth, \"false\"]", Problem.Kind.REJECTED, 7),
        Arguments.of("a value flag without value", API, "command: [kube-apiserver, --audit-log-path]",
            Problem.Kind.REJECTED, 7),
        Arguments.of("an integer flag with a word", API, "command: [kube-apiserver, --audit-log-maxage=thirty]",
            Problem.Kind.REJECTED, 7),
        Arguments.of("a duration without unit", API, "command: [kube-apiserver, --request-timeout=60]",
            Problem.Kind.REJECTED, 7),
        Arguments.of("a single dash before a long name (pflag)", API,
            "command: [kube-apiserver, -anonymous-auth=false]", Problem.Kind.REJECTED, 7),
        Arguments.of("words after -- (pflag)", API, "command: [kube-apiserver, --, --anonymous-auth=false]",
            Problem.Kind.REJECTED, 7),
        Arguments.of("bad flag syntax", API, "command: [kube-apiserver, ---anonymous-auth]",
            Problem.Kind.REJECTED, 7),
        Arguments.of("a bad CSV list", API, "command: [kube-apiserver, '--authorization-mode=Node,\"RBAC']",
            Problem.Kind.REJECTED, 7),
        Arguments.of("etcd: a switch followed by a word stops parsing", ETCD,
            "command: [etcd, -client-cert-auth, \"false\", -auto-tls=false]", Problem.Kind.REJECTED, 7),
        Arguments.of("etcd: --config-file", ETCD, "command: [etcd, --config-file=/etc/etcd/etcd.yaml]",
            Problem.Kind.CONFIG_FILE, 7),
        Arguments.of("etcd: ETCD_CONFIG_FILE", ETCD,
            "command: [etcd]\nenv: [{name: ETCD_CONFIG_FILE, value: /etc/etcd/etcd.yaml}]",
            Problem.Kind.CONFIG_FILE, 8),
        Arguments.of("etcd: an ETCD_ variable from valueFrom", ETCD,
            "command: [etcd]\nenv: [{name: ETCD_CLIENT_CERT_AUTH, valueFrom: {secretKeyRef: {name: s, key: k}}}]",
            Problem.Kind.UNRESOLVED, 8),
        Arguments.of("etcd: envFrom may set ETCD_ variables", ETCD,
            "command: [etcd, --client-cert-auth=true]\nenvFrom: [{secretRef: {name: etcd-env}}]",
            Problem.Kind.UNRESOLVED, 8),
        Arguments.of("etcd: an invalid boolean in ETCD_", ETCD,
            "command: [etcd]\nenv: [{name: ETCD_CLIENT_CERT_AUTH, value: \"yes\"}]", Problem.Kind.REJECTED, 8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notCheckable")
  void isNotCheckableRatherThanDefaulted(String description, FlagTable table, String body, Problem.Kind kind,
      int line) {
    CommandLine cl = parse(body, table);

    assertThat(cl.isCheckable()).isFalse();
    assertThat(cl.problems()).isNotEmpty();
    Problem first = cl.problems().get(0);
    assertThat(first.kind()).isEqualTo(kind);
    assertThat(first.node().line()).isEqualTo(line);
    assertThat(cl.whyNotCheckable()).isEqualTo(first.message()).doesNotEndWith(".");
    for (String name : List.of("anonymous-auth", "client-cert-auth", "profiling")) {
      Flag f = cl.flag(name);
      assertThat(f.state()).isEqualTo(Flag.State.UNKNOWN);
      assertThat(f.isAbsent()).isFalse();
      assertThat(f.isSet()).isFalse();
      assertThat(f.text()).isNull();
      assertThat(f.isTrue()).isFalse();
      assertThat(f.isFalse()).isFalse();
    }
  }

  @Test
  void aSwitchNeverTakesTheNextWord() {
    CommandLine cl = parse("command: [kube-apiserver, --anonymous-auth, \"false\"]", API);

    Flag f = cl.flag("anonymous-auth");
    assertThat(f.occurrences()).singleElement().satisfies(o -> {
      assertThat(o.value()).isEqualTo("true");
      assertThat(o.valueNode()).isSameAs(o.flagNode());
    });
    assertThat(cl.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(Problem.Kind.REJECTED);
      assertThat(p.message()).isEqualTo("kube-apiserver takes no positional argument");
      assertThat(p.node().text()).isEqualTo("false");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "t", "T", "TRUE", "true", "True"})
  void goTrueSpellings(String spelling) {
    Flag f = parse("command: [kube-apiserver, \"--anonymous-auth=" + spelling + "\"]", API).flag("anonymous-auth");

    assertThat(f.isSet()).isTrue();
    assertThat(f.isValid()).isTrue();
    assertThat(f.isTrue()).isTrue();
    assertThat(f.isFalse()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "f", "F", "FALSE", "false", "False"})
  void goFalseSpellings(String spelling) {
    Flag f = parse("command: [kube-apiserver, \"--anonymous-auth=" + spelling + "\"]", API).flag("anonymous-auth");

    assertThat(f.isSet()).isTrue();
    assertThat(f.isValid()).isTrue();
    assertThat(f.isFalse()).isTrue();
    assertThat(f.isTrue()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "no", "on", "off", "y", "n", "tRUE", "fAlse", "", "2"})
  void yamlAndOtherSpellingsAreRejectedBooleans(String spelling) {
    CommandLine cl = parse("command: [kube-apiserver, \"--anonymous-auth=" + spelling + "\"]", API);

    assertThat(cl.isCheckable()).isFalse();
    assertThat(cl.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(Problem.Kind.REJECTED);
      assertThat(p.message()).isEqualTo("kube-apiserver rejects the value of --anonymous-auth, which must be a boolean");
    });
    assertThat(cl.flag("anonymous-auth").occurrences()).singleElement()
        .satisfies(o -> assertThat(o.value()).isEqualTo(spelling));
  }

  @Test
  void anArgsItemMustBeAString() {
    CommandLine quoted = parse("args: [\"--anonymous-auth=false\"]", API);
    CommandLine plain = parse("args: [--anonymous-auth=false]", API);
    CommandLine yamlBoolean = parse("args: [--anonymous-auth, false]", API);

    assertThat(quoted.flag("anonymous-auth").isFalse()).isTrue();
    assertThat(plain.flag("anonymous-auth").isFalse()).isTrue();
    assertThat(yamlBoolean.isCheckable()).isFalse();
    assertThat(yamlBoolean.problems()).first().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_A_STRING);
      assertThat(p.message()).isEqualTo("the args item is a boolean, not a string, and the API server rejects it");
      assertThat(p.node().line()).isEqualTo(7);
      assertThat(p.node().column()).isEqualTo(32);
    });
  }

  @Test
  void flagNodesHaveTheirPositions() {
    CommandLine cl = parse("""
        command:
          - kube-apiserver
          - --anonymous-auth=false
          - --audit-log-path
          - /var/log/audit.log
        args: [--profiling, "--authorization-mode=Node,RBAC"]
        """, API);

    Flag auth = cl.flag("anonymous-auth");
    assertThat(auth.node().line()).isEqualTo(9);
    assertThat(auth.node().column()).isEqualTo(11);
    assertThat(auth.valueNode()).isSameAs(auth.node());
    Flag path = cl.flag("audit-log-path");
    assertThat(path.node().line()).isEqualTo(10);
    assertThat(path.node().column()).isEqualTo(11);
    assertThat(path.valueNode().line()).isEqualTo(11);
    assertThat(path.valueNode().column()).isEqualTo(11);
    assertThat(path.effective().origin()).isEqualTo(Flag.Origin.ARGUMENT);
    Flag profiling = cl.flag("profiling");
    assertThat(profiling.isTrue()).isTrue();
    assertThat(profiling.node().line()).isEqualTo(12);
    assertThat(profiling.node().column()).isEqualTo(14);
    Flag modes = cl.flag("authorization-mode");
    assertThat(modes.node().line()).isEqualTo(12);
    assertThat(modes.node().column()).isEqualTo(27);
    assertThat(modes.values()).containsExactly("Node", "RBAC");
  }

  @Test
  void aRepeatedScalarPointsAtTheLastOccurrence() {
    CommandLine cl = parse("command: [kube-apiserver, --profiling=true, --profiling=false]", API);

    Flag f = cl.flag("profiling");
    assertThat(f.occurrences()).hasSize(2);
    assertThat(f.node().column()).isEqualTo(51);
    assertThat(f.nodeOf("false")).isSameAs(f.node());
    assertThat(f.nodeOf("true")).isSameAs(Node.MISSING);
  }

  @Test
  void aRepeatedListIsAppended() {
    CommandLine cl = parse("""
        command:
          - kube-apiserver
          - --enable-admission-plugins=NodeRestriction
          - --enable-admission-plugins
          - AlwaysPullImages,EventRateLimit
        """, API);

    Flag f = cl.flag("enable-admission-plugins");
    assertThat(f.type()).isEqualTo(FlagType.LIST);
    assertThat(f.values()).containsExactly("NodeRestriction", "AlwaysPullImages", "EventRateLimit");
    assertThat(f.contains("EventRateLimit")).isTrue();
    assertThat(f.contains("AlwaysAdmit")).isFalse();
    assertThat(f.nodeOf("NodeRestriction").line()).isEqualTo(9);
    assertThat(f.nodeOf("EventRateLimit").line()).isEqualTo(11);
    assertThat(f.text()).isEqualTo("AlwaysPullImages,EventRateLimit");
  }

  @Test
  void aListIsReadAsCsv() {
    Flag f = parse("command: [kube-apiserver, '--tls-cipher-suites=\"A,B\",C', --authorization-mode=]", API)
        .flag("tls-cipher-suites");

    assertThat(f.values()).containsExactly("A,B", "C");
  }

  @Test
  void anEmptyListHasNoItems() {
    Flag f = parse("command: [kube-apiserver, --authorization-mode=]", API).flag("authorization-mode");

    assertThat(f.isSet()).isTrue();
    assertThat(f.values()).isEmpty();
  }

  @Test
  void etcdReplacesARepeatedList() {
    Flag f = parse("command: [etcd, \"--cipher-suites=A,B\", --cipher-suites=C]", ETCD).flag("cipher-suites");

    assertThat(f.values()).containsExactly("C");
    assertThat(f.nodeOf("A")).isSameAs(Node.MISSING);
    assertThat(f.nodeOf("C").column()).isEqualTo(46);
  }

  @Test
  void anArrayKeepsOneItemPerOccurrence() {
    Flag f = parse("command: [kube-apiserver, \"--service-account-key-file=/a.pub,/b.pub\","
        + " --service-account-key-file=/c.pub]", API).flag("service-account-key-file");

    assertThat(f.values()).containsExactly("/a.pub,/b.pub", "/c.pub");
  }

  @Test
  void aRepeatedMapIsMerged() {
    Flag f = parse("command: [kube-apiserver, '--feature-gates=A=true, B=false', --feature-gates=A=false]", API)
        .flag("feature-gates");

    assertThat(f.entries()).containsExactly(Map.entry("A", "false"), Map.entry("B", "false"));
    assertThat(f.values()).containsExactly("A=false", "B=false");
    assertThat(f.nodeOf("B").column()).isEqualTo(33);
    assertThat(f.nodeOf("A").column()).isEqualTo(68);
  }

  @Test
  void numbersAndDurations() {
    CommandLine cl = parse("command: [kube-apiserver, --audit-log-maxage=0x1e, --request-timeout=1m30s,"
        + " --goaway-chance=0.02]", API);

    assertThat(cl.flag("audit-log-maxage").longValue(-1)).isEqualTo(30);
    assertThat(cl.flag("request-timeout").durationNanos(-1)).isEqualTo(90_000_000_000L);
    assertThat(cl.flag("goaway-chance").doubleValue(-1)).isEqualTo(0.02);
    assertThat(cl.flag("audit-log-maxbackup").longValue(-1)).isEqualTo(-1);
  }

  @Test
  void etcdEnvironmentVariablesPointAtTheirEntry() {
    CommandLine cl = parse("""
        command: [etcd, --cert-file=/c.crt]
        env:
          - name: ETCD_CLIENT_CERT_AUTH
            value: "true"
          - name: ETCD_CERT_FILE
            value: /other.crt
        """, ETCD);

    Flag auth = cl.flag("client-cert-auth");
    assertThat(auth.isTrue()).isTrue();
    assertThat(auth.effective().origin()).isEqualTo(Flag.Origin.ENVIRONMENT);
    assertThat(auth.node().line()).isEqualTo(9);
    assertThat(auth.node().column()).isEqualTo(17);
    assertThat(auth.valueNode().line()).isEqualTo(10);
    Flag cert = cl.flag("cert-file");
    assertThat(cert.text()).isEqualTo("/c.crt");
    assertThat(cert.occurrences()).singleElement().satisfies(o -> assertThat(o.origin()).isEqualTo(Flag.Origin.ARGUMENT));
    assertThat(cl.flags()).extracting(Flag::name).containsExactly("cert-file", "client-cert-auth");
  }

  @Test
  void anUnresolvedArgumentNamesTheVariableAndWhy() {
    CommandLine cl = parse("""
        env: [{name: AUTH, valueFrom: {secretKeyRef: {name: s, key: k}}}]
        command: [kube-apiserver, --anonymous-auth=$(AUTH)]
        """, API);

    assertThat(cl.whyNotCheckable()).isEqualTo("the command item refers to $(AUTH), which is set from"
        + " valueFrom.secretKeyRef and known only when the pod runs");
    assertThat(cl.problems().get(0).node().column()).isEqualTo(33);
  }

  @Test
  void shellProblemPointsAtTheShell() {
    CommandLine cl = parse("command: [/bin/sh, -c, kube-apiserver --anonymous-auth=false]", API);

    assertThat(cl.problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).isEqualTo("the command line runs a shell, whose script is not parsed");
      assertThat(p.node().text()).isEqualTo("/bin/sh");
    });
    assertThat(cl.flags()).isEmpty();
  }

  @Test
  void flagsOfACheckableLineInOrder() {
    CommandLine cl = parse("command: [kube-apiserver, --profiling=false, --anonymous-auth=false, --profiling]", API);

    assertThat(cl.flags()).extracting(Flag::name).containsExactly("profiling", "anonymous-auth");
    assertThat(cl.flags()).allSatisfy(f -> assertThat(f.isSet()).isTrue());
    assertThat(cl.flag("profiling").isTrue()).isTrue();
    assertThat(cl.flag("anonymous-auth").isKnown()).isTrue();
    assertThat(cl.toString()).isEqualTo("kube-apiserver command line of container \"c\" (2 flags)");
  }

  @Test
  void theDashboardIgnoresPositionalArgumentsAndKeepsUnderscores() {
    CommandLine cl = parse("args: [--enable-skip-login, --auto_generate_certificates, stray]", FlagTable.DASHBOARD);

    assertThat(cl.isCheckable()).isTrue();
    assertThat(cl.flag("enable-skip-login").isTrue()).isTrue();
    assertThat(cl.flag("auto-generate-certificates").isAbsent()).isTrue();
    assertThat(cl.flag("auto_generate_certificates").text()).isEqualTo("stray");
  }
}
