package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiscordLimitsTest {
    @Test
    @DisplayName("short texts stay one message")
    void short_() {
        assertThat(DiscordLimits.split("Hallo!")).containsExactly("Hallo!");
    }

    @Test
    @DisplayName("long texts split at paragraph boundaries first, keeping each paragraph whole")
    void paragraphs() {
        String paragraph = "woord ".repeat(150).strip(); // 899 characters
        String text = String.join("\n\n", paragraph + " A", paragraph + " B", paragraph + " C");
        List<String> parts = DiscordLimits.split(text);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).isEqualTo(paragraph + " A\n\n" + paragraph + " B");
        assertThat(parts.get(1)).isEqualTo(paragraph + " C");
    }

    @Test
    @DisplayName("a paragraph longer than a message splits between words, never inside one")
    void words() {
        String text = "lezen rekenen spelen ".repeat(200).strip();
        List<String> parts = DiscordLimits.split(text);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(DiscordLimits.MESSAGE);
            assertThat(part).matches("(lezen|rekenen|spelen)( (lezen|rekenen|spelen))*");
        });
    }

    @Test
    @DisplayName("one enormous word is cut as a last resort, but never through an emoji")
    void emoji() {
        String text = "🌱".repeat(1500); // 3000 UTF-16 characters
        List<String> parts = DiscordLimits.split(text);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(DiscordLimits.MESSAGE);
            assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
        });
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    @DisplayName("labels are shortened at a word with an ellipsis to fit; custom ids over 100 are refused")
    void fit() {
        String label = "Ik help graag bij uitstapjes, vieringen en het voorlezen in de klas, elke week opnieuw";
        String fitted = DiscordLimits.fit(label, DiscordLimits.BUTTON_LABEL);
        assertThat(fitted.length()).isLessThanOrEqualTo(80);
        assertThat(fitted).endsWith("…").startsWith("Ik help graag");
        assertThat(label).startsWith(fitted.substring(0, fitted.length() - 1));
        assertThat(DiscordLimits.fit("Kort", 45)).isEqualTo("Kort");
        assertThat(DiscordLimits.fit("x".repeat(60), DiscordLimits.MODAL_TITLE)).hasSize(45);

        assertThat(DiscordLimits.customId("cb:a1b2c3")).isEqualTo("cb:a1b2c3");
        assertThatThrownBy(() -> DiscordLimits.customId("x".repeat(101))).isInstanceOf(IllegalArgumentException.class);
    }
}
