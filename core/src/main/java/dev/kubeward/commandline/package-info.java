/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Control-plane command lines as their components read them: {@link dev.kubeward.commandline.CommandLine}
 * parses a container's {@code command} and {@code args} (with {@code $(VAR)} expansion and etcd's
 * {@code ETCD_*} variables) against a component's {@link dev.kubeward.commandline.FlagTable}, and
 * says when a command line is not checkable rather than letting a rule assume a default.
 */
package dev.kubeward.commandline;
