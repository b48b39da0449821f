package nl.classbridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import nl.classbridge.discord.MarkdownFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MyData} on a real SQLite file: all of one guardian's data, and nobody else's. */
class MyDataTest {
    @TempDir
    Path folder;

    FamilyFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new FamilyFixture(folder);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    @DisplayName("GIVEN Sam's father (English) who answered, disagreed with an agreement and got a message WHEN he asks"
            + " for his data THEN both files hold his contact data, plan, children, answers with the question in"
            + " English, his own words, the conversation and the message, and nothing of Sam's mother or Daan's")
    void everythingOfHisAndNothingElse() throws Exception {
        MyData.Report report = fixture.myData().of(fixture.dad);

        String text = MarkdownFile.DOCUMENT.render(report.text());
        assertThat(report.language().code()).isEqualTo("en");
        assertThat(text)
                .contains("What ClassBridge stores about you")
                .contains("papa.sam.zz")
                .contains(String.valueOf(FamilyFixture.DAD_DISCORD))
                .contains("Sam, Groep 5", "Lina, Groep 6")
                .contains("What has gone well lately? Name one thing, big or small.: Zwemdiploma ZZDAD gehaald")
                .contains("ZZDADAGREE", "ZZAGREEMENT", "differs")
                .contains("conversation on Thursday, 1 October 2026")
                .contains("checkin-question · discord-dm · queued");
        assertThat(text).doesNotContain("ZZMUM", "ZZDAAN", "zzmum", "ZZDADMAIL");
        assertThat(report.children()).containsExactly("Sam", "Lina");

        JsonNode json = new ObjectMapper().readTree(report.json());
        assertThat(json.path("contact").path("discordUserId").asText())
                .isEqualTo(String.valueOf(FamilyFixture.DAD_DISCORD));
        assertThat(json.path("contact").path("discordName").asText()).isEqualTo(FamilyFixture.DAD_NAME);
        assertThat(json.path("plan").path("language").asText()).isEqualTo("en");
        assertThat(json.path("children")).hasSize(2);
        assertThat(json.path("children").get(0).path("linkedAt").asText()).isEqualTo("2026-09-01T07:00:00Z");
        JsonNode round = json.path("questionnaires").get(0);
        assertThat(round.path("questionnaire").asText()).isEqualTo("check-in");
        assertThat(round.path("version").asInt()).isPositive();
        assertThat(round.path("answers").findValuesAsText("answer")).contains(FamilyFixture.DAD_WORDS);
        assertThat(json.path("agreements").get(0).path("yourWords").asText())
                .isEqualTo(FamilyFixture.DAD_AGREEMENT_WORDS);
        assertThat(json.path("conversations").get(0).path("plannedOn").asText()).isEqualTo("2026-10-01");
        assertThat(json.path("messages").get(0).path("kind").asText()).isEqualTo("checkin-question");
        assertThat(json.path("messages").get(0).has("payload")).isFalse();
        assertThat(report.json()).doesNotContain("ZZMUM", "ZZDAAN", "zzmum", "ZZDADMAIL");
    }

    @Test
    @DisplayName("GIVEN Sam's mother by email WHEN she asks THEN her file is in Dutch with her answer and address,"
            + " and holds neither the father's answers nor his words, though they share Sam and the round")
    void theOtherParentSeesOnlyHerOwn() {
        MyData.Report report = fixture.myData().of(fixture.mum);

        String text = MarkdownFile.DOCUMENT.render(report.text()) + report.json();
        assertThat(text).contains("Wat ClassBridge over jou bewaart", "ZZMUM", "mama.zzmum");
        assertThat(text).doesNotContain("ZZDAD", String.valueOf(FamilyFixture.DAD_DISCORD), "ZZDAAN");
        assertThat(text).doesNotContain("papa");
    }

    @Test
    @DisplayName("GIVEN Daan's mother in another class WHEN she asks THEN only Daan and her own answer")
    void aParentOfAnotherChild() {
        MyData.Report report = fixture.myData().of(fixture.daansMum);

        String all = MarkdownFile.DOCUMENT.render(report.text()) + report.json();
        assertThat(all).contains("ZZDAAN", "Daan").doesNotContain("ZZDAD", "ZZMUM", "Sam");
    }
}
