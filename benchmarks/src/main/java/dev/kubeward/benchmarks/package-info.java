/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * JMH benchmarks of Kubeward, one class per question: {@link dev.kubeward.benchmarks.LoadBenchmark}
 * (reading YAML against snakeyaml-engine and fabric8), {@link dev.kubeward.benchmarks.EvaluateBenchmark}
 * (running rules over loaded resources), {@link dev.kubeward.benchmarks.ScaleBenchmark} (time per
 * resource as a cluster grows) and {@link dev.kubeward.benchmarks.EndToEndBenchmark} (a scan of a
 * directory tree). Inputs come from the bundled {@link dev.kubeward.benchmarks.Corpus} and the
 * seeded {@link dev.kubeward.benchmarks.ClusterGenerator}.
 */
package dev.kubeward.benchmarks;
