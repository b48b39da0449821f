package nl.classbridge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("An email address, checked in one place")
class EmailAddressTest {

    @Test
    @DisplayName("GIVEN an address typed with spaces and a capitalised domain WHEN parsed THEN it is kept trimmed,"
            + " the local part as written and the domain in lower case")
    void cleaned() {
        assertThat(EmailAddress.parse("  Ouder@Example.ORG ").map(EmailAddress::toString))
                .contains("Ouder@example.org");
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(
            strings = {
                "",
                "not-an-address",
                "juf.anna@",
                "@school.nl",
                "juf anna@school.nl",
                "a@school.nl, b@school.nl",
                "a@localhost",
                "a..b@school.nl",
                ".a@school.nl",
                "a@school.",
                "a@-school.nl",
                "a@school.nl\r\nBcc: x@y.nl",
                "\"a b\"@school.nl",
                "ouder@schóól.nl",
                "Ouder <ouder@school.nl>"
            })
    @DisplayName("GIVEN something that is not exactly one plain address WHEN parsed THEN it is refused")
    void refused(String typed) {
        assertThat(EmailAddress.parse(typed)).isEmpty();
    }

    @Test
    @DisplayName("GIVEN the school's sender with a name, quoted or not WHEN parsed THEN name and address are apart")
    void named() {
        assertThat(EmailAddress.Named.parse("Groep 5 <groep5@school.nl>"))
                .contains(new EmailAddress.Named(Optional.of("Groep 5"), new EmailAddress("groep5", "school.nl")));
        assertThat(EmailAddress.Named.parse("\"De Zandbak, groep 5\" <groep5@school.nl>")
                        .flatMap(EmailAddress.Named::name))
                .contains("De Zandbak, groep 5");
        assertThat(EmailAddress.Named.parse("groep5@school.nl"))
                .contains(new EmailAddress.Named(Optional.empty(), new EmailAddress("groep5", "school.nl")));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(
            strings = {
                "a@school.nl, b@school.nl",
                "Groep 5 <groep5@school.nl>, x@y.nl",
                "Groep <5> <a@b.nl>",
                "a@b.nl <c@d.nl>",
                "Groep 5 <groep5@>",
                "Groep\n5 <groep5@school.nl>"
            })
    @DisplayName("GIVEN two addresses, or a name that hides one WHEN parsed as a named address THEN it is refused")
    void namedRefused(String text) {
        assertThat(EmailAddress.Named.parse(text)).isEmpty();
    }

    @Test
    @DisplayName(
            "GIVEN two spellings of one mailbox WHEN compared THEN case does not matter; a non-address matches nothing")
    void same() {
        assertThat(EmailAddress.same("Ouder@Example.org", "ouder@example.ORG")).isTrue();
        assertThat(EmailAddress.same("ouder@example.org", "ander@example.org")).isFalse();
        assertThat(EmailAddress.same("kapot", "kapot")).isFalse();
    }
}
