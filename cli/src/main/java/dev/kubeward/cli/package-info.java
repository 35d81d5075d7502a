/** The {@code kubeward} command line. */
package dev.kubeward.cli;
