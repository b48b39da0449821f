/**
 * A family's own communication plan, seen and changed by the family itself (issue 13,
 * {@code /preferences}): language, channel, quiet hours, best contact times and the email address.
 * {@link nl.classbridge.preferences.Preferences} holds the use cases; Discord, email and the sandbox
 * page call the same ones. A new address is used only after the code sent to it is typed back, and
 * the old address is told. Each change is audited by its field's name, never its value.
 */
package nl.classbridge.preferences;
