/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Rules for the API server's structured authentication and authorization files
 * ({@code --authentication-config}, {@code --authorization-config}): the questions of the flags they
 * replace, asked of the files.
 */
package dev.kubeward.rules.cluster.authconfig;
