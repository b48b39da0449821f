package nl.classbridge.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.domain.AgreementOwner;
import nl.classbridge.domain.ConfirmationStatus;
import nl.classbridge.sandbox.discord.AttachedFile;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalChannel;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.store.AgreementRepository;
import nl.classbridge.store.ConversationRepository;
import nl.classbridge.store.GuardianRepository;
import nl.classbridge.store.StudentRepository;
import nl.classbridge.testing.DiscordView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's "preparing a conversation", end to end with the real JDA client: {@code /prep} for a child
 * with little known (one private message) and for a child with a lot (a private Markdown file with every
 * part), refused to whoever is not the class's teacher, and never in the class channel.
 */
@Timeout(120)
class PrepOnDiscordTest {
    @TempDir
    Path folder;

    SchoolOnDiscord school;
    /** A colleague with the teacher role and a class of his own in the same server. */
    LocalUser tom;

    LocalChannel groep6;

    @BeforeEach
    void start() throws Exception {
        school = new SchoolOnDiscord(folder, s -> {
            tom = s.discord.addUser("meester.tom");
            s.guild.addMember(tom, s.teacherRole);
            groep6 = s.guild.addTextChannel("groep-6");
        });
        school.teacher("class setup", Map.of("name", "Groep 5"));
        school.teacher("student add", Map.of("name", "Sam"));
        school.teacher("student add", Map.of("name", "Noor"));
        school.command(tom, groep6, "class setup", Map.of("name", "Groep 6"));
    }

    @AfterEach
    void stop() {
        school.close();
    }

    @Test
    @DisplayName("GIVEN a child nobody answered anything about WHEN the teacher asks /prep THEN one private message"
            + " with the six parts, kind words that little is known yet and questions to begin with")
    void littleKnown() {
        school.joined("mama.noor", "Noor");

        InteractionResponse reply = prep(school.teacher, school.groep5, "Noor");

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.data().path("attachments")).isEmpty();
        assertThat(DiscordView.visible(reply.content()))
                .contains("Gesprek voorbereiden: Noor")
                .contains("Over Noor hebben de ouders nog niets ingevuld")
                .contains("1. Wat goed gaat")
                .contains("2. Het verhaal van het gezin")
                .contains("3. Wat Noor zelf zegt")
                .contains("4. Wie doet wat")
                .contains("5. Eerdere afspraken")
                .contains("6. Vragen om te stellen")
                .contains("Nog open: Wat gaat er goed thuis? Waar is je kind trots op?");
        assertNothingInTheChannel("Gesprek voorbereiden");
    }

    @Test
    @DisplayName("GIVEN two check-ins answered on Discord (well-being 5, then 3), highlights, a coming conversation,"
            + " the child's view and an agreement the father sees differently WHEN the teacher asks /prep THEN a"
            + " private summary with a Markdown file that holds every part, the family's words escaped as written")
    void aLotKnown() {
        LocalUser samsDad = school.joined("papa.sam", "Sam");
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        long first = answerCheckIn(samsDad, -1, 5, "Zwemdiploma A gehaald, heel trots");
        school.clock.jump(Duration.ofDays(8));
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        answerCheckIn(samsDad, first, 3, "Een *nieuw* vriendje gevonden in de klas");
        for (String highlight : List.of(
                "We maakten samen een stripboek over de herfst, met tekeningen en een verhaal van elk kind.",
                "De klas hielp elkaar bij het oefenen van de tafels van zes en zeven, en iedereen mocht uitleggen.",
                "Bij het kringgesprek vertelden de kinderen over hun vakantie en luisterden ze goed naar elkaar.")) {
            school.teacher("update add", Map.of("text", highlight, "kind", "learning"));
        }
        school.inStore(db -> {
            long classId = db.read(sql ->
                            sql.list("SELECT id FROM school_class WHERE name = 'Groep 5'", row -> row.longValue("id")))
                    .get(0);
            long sam = new StudentRepository(db)
                    .findByName(classId, "Sam")
                    .orElseThrow()
                    .id();
            long dad = new GuardianRepository(db)
                    .findByDiscordUser(samsDad.id())
                    .orElseThrow()
                    .id();
            LocalDate today = LocalDate.ofInstant(school.clock.instant(), ZoneId.of("Europe/Amsterdam"));
            ConversationRepository conversations = new ConversationRepository(db);
            var coming = conversations.plan(
                    classId,
                    sam,
                    today.plusDays(4),
                    Optional.empty(),
                    false,
                    school.teacher.id(),
                    school.clock.instant());
            conversations.addChildView(
                    sam,
                    Optional.of(coming.id()),
                    "Ik vind rekenen moeilijk, maar gym is leuk",
                    school.teacher.id(),
                    school.clock.instant());
            AgreementRepository agreements = new AgreementRepository(db);
            var reading = agreements.add(
                    sam,
                    Optional.empty(),
                    "Elke avond 10 minuten _samen_ lezen",
                    AgreementOwner.TOGETHER,
                    Optional.of(today.minusDays(1)),
                    school.teacher.id(),
                    school.clock.instant());
            agreements.ask(reading.id(), dad, school.clock.instant());
            agreements.answer(
                    reading.id(),
                    dad,
                    ConfirmationStatus.DIFFERS,
                    Optional.of("Liever in het weekend"),
                    school.clock.instant());
            return null;
        });

        InteractionResponse reply = prep(school.teacher, school.groep5, "Sam");

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content().length()).isLessThanOrEqualTo(DiscordLimits.MESSAGE);
        assertThat(DiscordView.visible(reply.content()))
                .contains("Gesprek voorbereiden: Sam")
                .contains("Het hele blad staat in het bestand");
        List<AttachedFile> files = school.discord.attachments(reply.data());
        assertThat(files).extracting(AttachedFile::filename).containsExactly("prep-sam.md");
        String sheet = files.get(0).text();
        assertThat(sheet)
                .startsWith("**Gesprek voorbereiden: Sam**")
                .contains("## 1. Wat goed gaat")
                .contains("We maakten samen een stripboek over de herfst")
                .contains("Zwemdiploma A gehaald, heel trots")
                .contains("## 2. Het verhaal van het gezin, in hun eigen woorden")
                .contains("Een \\*nieuw\\* vriendje gevonden in de klas")
                .contains("(vorige keer 😄 Heel goed)")
                .contains("## 3. Wat Sam zelf zegt")
                .contains("Ik vind rekenen moeilijk, maar gym is leuk")
                .contains("## 4. Wie doet wat")
                .contains("Wat ik van de ouders vraag: Dit vraag ik van je")
                .contains("## 5. Eerdere afspraken")
                .contains("Elke avond 10 minuten \\_samen\\_ lezen (wie: samen)")
                .contains("ziet het anders: Liever in het weekend")
                .contains("## 6. Vragen om te stellen")
                .contains("Het welbevinden ging van 😄 Heel goed naar 😐 Gaat wel.")
                .contains("denken jullie anders")
                .contains("weer bespreken");
        assertNothingInTheChannel("Gesprek voorbereiden", "Liever in het weekend", "gym is leuk");
    }

    @Test
    @DisplayName("GIVEN a member without the teacher role and the teacher of another class WHEN they ask /prep about"
            + " a child of Groep 5 THEN both are refused and see nothing of the child")
    void refused() {
        LocalUser samsDad = school.joined("papa.sam", "Sam");
        school.teacher("checkin start", Map.of("questionnaire", "check-in"));
        answerCheckIn(samsDad, -1, 2, "Geheime woorden van papa");

        String bystander =
                DiscordView.visible(prep(school.bystander, school.groep5, "Sam").content());
        String colleague = DiscordView.visible(prep(tom, school.groep5, "Sam").content());

        assertThat(bystander).contains("alleen de leerkracht").doesNotContain("Sam");
        assertThat(colleague).contains("hoort bij een andere leerkracht").doesNotContain("Geheime woorden");
        String inOwnClass = DiscordView.visible(prep(tom, groep6, "Sam").content());
        assertThat(inOwnClass).contains("Ik ken geen kind met de naam").doesNotContain("Geheime woorden");
        assertThat(prep(school.teacher, school.groep5, "Sam").content()).contains("Geheime woorden van papa");
        assertNothingInTheChannel("Geheime woorden");
    }

    private InteractionResponse prep(LocalUser user, LocalChannel channel, String student) {
        return school.discord
                .slashCommand(user, channel, "prep", Map.of("student", student))
                .awaitResponse();
    }

    /** The local server keeps ephemeral replies in the channel's list; what everyone sees holds none of these. */
    private void assertNothingInTheChannel(String... words) {
        for (LocalChannel channel : List.of(school.groep5, groep6)) {
            for (PostedMessage message : school.discord.messagesIn(channel)) {
                if (!message.ephemeral()) {
                    assertThat(message.content()).doesNotContain(words);
                    assertThat(school.discord.attachments(message.json())).isEmpty();
                }
            }
        }
    }

    /**
     * The parent answers the check-in greeting about Sam other than {@code before}: the scale with
     * {@code point}, {@code wentWell} in the form, the two optional questions skipped. Returns the greeting's id.
     */
    private long answerCheckIn(LocalUser parent, long before, int point, String wentWell) {
        PostedMessage greeting = school.discord.awaitValue(
                "a new check-in greeting about Sam",
                () -> school.discord.directMessagesTo(parent).stream()
                        .filter(m -> m.id() != before
                                && m.content().contains("Sam")
                                && m.customIds().stream().anyMatch(id -> id.startsWith("ci:start:")))
                        .findFirst());
        PostedMessage step = school.press(parent, greeting, "ci:start:");
        String scale = SchoolOnDiscord.idStartingWith(step, "ci:ans:").replaceAll(":\\d+$", ":" + point);
        step = school.updated(parent, step, school.discord.pressButton(parent, step, scale));
        step = school.answerInForm(parent, step, wentWell);
        PostedMessage talk = school.press(parent, step, "ci:skip:");
        PostedMessage summary = school.press(parent, talk, "ci:skip:");
        school.press(parent, summary, "ci:done:");
        return greeting.id();
    }
}
