/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.model.Placeholders;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplatesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "repo:{{ .Values.tag }}",
      "{{ .Release.Name }}-web",
      "x-{{ include \"name\" . }}",
      "a {{ toYaml .x | nindent 4 }}",
      "svc-{{ name }}",
      "{{ ca_version }}",
      "1:5:{{ node pool ocid 1 }}",
      "--ns={{.LogexporterNamespace}}",
      "{{- .Chart.Version -}}",
      "unclosed {{ action"
  })
  void deployTimeTemplatesInPlainScalars(String value) {
    assertThat(Placeholders.holdsTemplateAction(value, true)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Pod {{ $labels.namespace }}/{{ $labels.pod }} is down",
      "{{ $value | humanizePercentage }} free",
      "takes {{ \"43200\" | humanizeDuration }}",
      "{{ printf \"%.2f\" $value }}",
      "on {{ with $labels.cluster -}} cluster {{ . }} {{- end }}",
      "Value {{ .Value }} of {{ .Labels.job }}",
      "echo {{inputs.parameters.message}}",
      "{{item}} and {{workflow.name}}",
      "no template here",
      "single { braces }"
  })
  void runTimeTemplatesAndTextInPlainScalars(String value) {
    assertThat(Placeholders.holdsTemplateAction(value, true)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{{ if .Values.x }}\na: b\n",
      "a: b\n  {{- include \"x\" . }}\n",
      "a: |\n  text\n{{ end }}\n",
      "a: b\n\t{{ x }}\n"
  })
  void actionsThatStartALine(String text) {
    assertThat(Templates.lineStartAction(text)).isNotNegative();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a: |\n  {{ define \"x\" }}\n  {{ end }}\n",
      "a: >-\n    {{ x }}\n\n    {{ y }}\n",
      "- |\n  {{ x }}\n",
      "a: &anchor |\n  {{ x }}\n",
      "a: !!str |2+\n   {{ x }}\n",
      "a: | # comment\n  {{ x }}\n",
      "list:\n  - key: |\n      {{ x }}\n",
      "--- |\n {{ x }}\n",
      "a: \"{{ x }}\"\n",
      "a: b {{ x }}\n"
  })
  void actionsInsideBlockScalarsOrMidLine(String text) {
    assertThat(Templates.lineStartAction(text)).isEqualTo(-1);
  }
}
