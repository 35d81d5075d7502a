/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.commandline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code $(VAR)} expansion, case by case against the cases of kubernetes/kubernetes
 * {@code third_party/forked/golang/expansion/expand_test.go}, with their context
 * ({@code VAR_A=A}, {@code VAR_B=B}, {@code VAR_C=C}, {@code VAR_REF=$(VAR_A)}, {@code VAR_EMPTY=}).
 */
class ExpansionTest {

  private static final Map<String, String> CONTEXT = Map.of(
      "VAR_A", "A", "VAR_B", "B", "VAR_C", "C", "VAR_REF", "$(VAR_A)", "VAR_EMPTY", "");

  private static final Function<String, String> MAPPING =
      name -> CONTEXT.containsKey(name) ? CONTEXT.get(name) : Expansion.reference(name);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "whole string | $(VAR_A) | A",
      "repeat | $(VAR_A)-$(VAR_A) | A-A",
      "beginning | $(VAR_A)-1 | A-1",
      "middle | ___$(VAR_B)___ | ___B___",
      "end | ___$(VAR_C) | ___C",
      "compound | $(VAR_A)_$(VAR_B)_$(VAR_C) | A_B_C",
      "escape & expand | $$(VAR_B)_$(VAR_A) | $(VAR_B)_A",
      "compound escape | $$(VAR_A)_$$(VAR_B) | $(VAR_A)_$(VAR_B)",
      "mixed in escapes | f000-$$VAR_A | f000-$VAR_A",
      "backslash escape ignored | foo\\$(VAR_C)bar | foo\\Cbar",
      "backslash escape ignored twice | foo\\\\$(VAR_C)bar | foo\\\\Cbar",
      "lots of backslashes | foo\\\\\\\\$(VAR_A)bar | foo\\\\\\\\Abar",
      "nested var references | $(VAR_A$(VAR_B)) | $(VAR_A$(VAR_B))",
      "nested var references second type | $(VAR_A$(VAR_B) | $(VAR_A$(VAR_B)",
      "value is a reference | $(VAR_REF) | $(VAR_A)",
      "value is a reference x 2 | %%$(VAR_REF)--$(VAR_REF)%% | %%$(VAR_A)--$(VAR_A)%%",
      "empty var | foo$(VAR_EMPTY)bar | foobar",
      "unterminated expression | foo$(VAR_Awhoops! | foo$(VAR_Awhoops!",
      "expression without operator | f00__(VAR_A)__ | f00__(VAR_A)__",
      "shell special vars pass through | $?_boo_$! | $?_boo_$!",
      "bare operators are ignored | $VAR_A | $VAR_A",
      "undefined vars are passed through | $(VAR_DNE) | $(VAR_DNE)",
      "multiple (even) operators, var undefined | $$$$$$(BIG_MONEY) | $$$(BIG_MONEY)",
      "multiple (even) operators, var defined | $$$$$$(VAR_A) | $$$(VAR_A)",
      "multiple (odd) operators, var undefined | $$$$$$$(GOOD_ODDS) | $$$$(GOOD_ODDS)",
      "multiple (odd) operators, var defined | $$$$$$$(VAR_A) | $$$A",
      "missing open expression | $VAR_A) | $VAR_A)",
      "shell syntax ignored | ${VAR_A} | ${VAR_A}",
      "trailing incomplete expression not consumed | $(VAR_B)_______$(A | B_______$(A",
      "trailing incomplete expression, no content | $(VAR_C)_______$( | C_______$(",
      "operator at end of input string is preserved | $(VAR_A)foobarzab$ | Afoobarzab$",
      "shell escaped incomplete expr | foo-\\$(VAR_A | foo-\\$(VAR_A",
      "lots of $( in middle | --$($($($($-- | --$($($($($--",
      "lots of $( in beginning | $($($($($--foo$( | $($($($($--foo$(",
      "lots of $( at end | foo0--$($($($( | foo0--$($($($(",
      "escaped operators in variable names are not escaped | $(foo$$var) | $(foo$$var)",
      "a non-ASCII character after the operator | $\u00e9t\u00e9 | $\u00e9t\u00e9",
      "a character outside the BMP after the operator | x$\ud83d\ude00y | x$\ud83d\ude00y"
  })
  void expandsAsKubernetesDoes(String name, String input, String expected) {
    assertThat(Expansion.expand(input, MAPPING)).isEqualTo(expected);
  }

  @Test
  void aNewlineIsNotExpanded() {
    assertThat(Expansion.expand("\n", MAPPING)).isEqualTo("\n");
  }

  @Test
  void anUnknownValueMakesTheWholeWordUnknown() {
    Function<String, String> unknownB = name -> name.equals("VAR_B") ? null : MAPPING.apply(name);

    assertThat(Expansion.expand("$(VAR_A)-$(VAR_B)", unknownB)).isNull();
    assertThat(Expansion.expand("$(VAR_A)-$$(VAR_B)", unknownB)).isEqualTo("A-$(VAR_B)");
  }

  @Test
  void aWordWithoutOperatorIsReturnedAsItIs() {
    String word = "--anonymous-auth=false";

    assertThat(Expansion.expand(word, MAPPING)).isSameAs(word);
  }
}
