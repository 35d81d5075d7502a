/** The scanner: rule discovery, profiles, configuration, dispatch by kind, suppression and ordering of findings. */
package dev.kubeward.engine;
