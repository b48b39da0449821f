/**
 * ClassBridge's configuration: immutable records read from {@code config/classbridge.yml}, with
 * every key overridable by an environment variable and secrets taken from the environment only.
 *
 * <p>{@link nl.classbridge.config.ConfigLoader} reads and checks everything up front and fails
 * with one {@link nl.classbridge.config.ConfigException} that names the key, the value and what
 * would be valid. {@link nl.classbridge.config.ConfigKey} is the single list of known keys, their
 * defaults, environment variable names and descriptions.
 */
package nl.classbridge.config;
