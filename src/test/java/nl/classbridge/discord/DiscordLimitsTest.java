package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
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

    @Test
    @DisplayName("the longest fitting text: the whole one in one try when it fits, else the longest that fits")
    void longestFitting() {
        // GIVEN texts that grow with n: a short one, and one that fits only up to n = 1,234
        List<Integer> tried = new ArrayList<>();
        IntFunction<String> shortText = n -> {
            tried.add(n);
            return "x".repeat(Math.min(n, 10));
        };
        IntFunction<String> longText = n -> "y".repeat(DiscordLimits.MESSAGE - 1_234 + n);

        // WHEN the longest fitting of each is asked for, THEN the short one is rendered once, whole
        assertThat(DiscordLimits.longestFitting(1, 4_000, shortText)).contains("x".repeat(10));
        assertThat(tried).containsExactly(4_000);
        // AND the long one is searched for, and nothing fits when even the least is too long
        assertThat(DiscordLimits.longestFitting(1, 4_000, longText)).contains(longText.apply(1_234));
        assertThat(DiscordLimits.longestFitting(1_235, 4_000, longText)).isEmpty();
        assertThat(DiscordLimits.longestFitting(5, 4, shortText)).isEmpty();
    }
}
