/**
 * FALLBACK ONLY: a handful of small rules that stand in for the real catalogue when ServiceLoader
 * discovery finds no rule at all (as while the rules modules are still empty), so that the
 * evaluation and scale benchmarks measure the engine instead of nothing. They are deliberately not
 * registered in {@code META-INF/services}: the benchmarks prefer the real rules whenever any exist,
 * and select these only through {@link dev.kubeward.benchmarks.BenchmarkRules}. Their ids all
 * start with {@code fallback-} so that no report can mistake them for the real ones.
 */
package dev.kubeward.benchmarks.fallback;
