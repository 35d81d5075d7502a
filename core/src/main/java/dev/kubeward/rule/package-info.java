/**
 * The Rule SPI a plugin author sees: rules, metadata, typed parameter keys, the vocabulary of
 * controls, the reporting context and the provider registered through ServiceLoader.
 */
package dev.kubeward.rule;
