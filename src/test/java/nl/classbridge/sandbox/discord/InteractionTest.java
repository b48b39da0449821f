package nl.classbridge.sandbox.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.modals.Modal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30) // a hang in the client or server must fail the run, not stall it
class InteractionTest {
    SeededSchool seeded;
    LocalDiscord discord;
    TestBot bot;

    /** A tiny bot: enough behaviour to exercise each kind of interaction. */
    static final class ClassBot extends ListenerAdapter {
        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            switch (event.getFullCommandName()) {
                case "class setup" ->
                    event.reply("Klas " + event.getOption("name").getAsString() + " staat klaar" + " ("
                                    + event.getOption("size").getAsLong() + ")")
                            .setEphemeral(true)
                            .queue();
                case "class info" ->
                    event.deferReply(true)
                            .queue(hook -> hook.editOriginal("Groep 5")
                                    .queue(edited -> hook.sendMessage("meer info")
                                            .setEphemeral(true)
                                            .queue()));
                case "ask" ->
                    event.reply("Hoe gaat het?")
                            .addComponents(
                                    ActionRow.of(
                                            Button.primary("mood:good", "Goed"),
                                            Button.secondary("mood:bad", "Minder")),
                                    ActionRow.of(StringSelectMenu.create("day")
                                            .addOption("Maandag", "mon")
                                            .addOption("Dinsdag", "tue")
                                            .build()))
                            .queue();
                case "note" ->
                    event.replyModal(Modal.create("note-modal", "Notitie")
                                    .addComponents(Label.of(
                                            "Tekst",
                                            TextInput.create("note-text", TextInputStyle.PARAGRAPH)
                                                    .build()))
                                    .build())
                            .queue();
                default -> event.reply("?").queue();
            }
        }

        @Override
        public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
            String typed = event.getFocusedOption().getValue();
            event.replyChoiceStrings(List.of("Sam", "Mila", "Saar").stream()
                            .filter(n -> n.startsWith(typed))
                            .toList())
                    .queue();
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            event.editMessage("Dank je, " + event.getComponentId())
                    .setComponents()
                    .queue();
        }

        @Override
        public void onStringSelectInteraction(StringSelectInteractionEvent event) {
            event.reply("Gekozen: " + String.join(",", event.getValues()))
                    .setEphemeral(true)
                    .queue();
        }

        @Override
        public void onModalInteraction(ModalInteractionEvent event) {
            event.reply("Notitie: " + event.getValue("note-text").getAsString())
                    .setEphemeral(true)
                    .queue();
        }
    }

    @BeforeEach
    void login() throws Exception {
        seeded = new SeededSchool();
        discord = seeded.discord;
        bot = TestBot.login(discord, new ClassBot());
        bot.jda.awaitReady();
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        seeded.close();
    }

    @Test
    @DisplayName("registered commands are stored with ids, and an injected slash command gets an ephemeral reply")
    void slashCommand() {
        bot.jda
                .updateCommands()
                .addCommands(Commands.slash("class", "Klas")
                        .setDefaultPermissions(
                                net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions.enabledFor(
                                        Permission.MANAGE_SERVER))
                        .addSubcommands(new SubcommandData("setup", "Klas instellen")
                                .addOption(OptionType.STRING, "name", "Naam", true)
                                .addOption(OptionType.INTEGER, "size", "Grootte", true)))
                .complete();
        assertThat(discord.globalCommands()).singleElement().satisfies(command -> {
            assertThat(command.get("name").asText()).isEqualTo("class");
            assertThat(command.get("id").asText()).isNotBlank();
            assertThat(command.get("default_member_permissions").asText()).isEqualTo("32");
        });

        Interaction setup = discord.slashCommand(
                seeded.teacher, seeded.groep5, "class setup", Map.of("name", "Groep 5", "size", 28));

        InteractionResponse response = setup.awaitResponse();
        assertThat(response.type()).isEqualTo(InteractionResponse.REPLY);
        assertThat(response.ephemeral()).isTrue();
        assertThat(response.content()).isEqualTo("Klas Groep 5 staat klaar (28)");
        assertThat(setup.awaitOriginal().ephemeral()).isTrue();
    }

    @Test
    @DisplayName("guild commands, a deferred reply edited into place and an ephemeral follow-up")
    void deferredReplyAndFollowUp() {
        bot.jda
                .getGuildById(seeded.school.id())
                .updateCommands()
                .addCommands(Commands.slash("class", "Klas").addSubcommands(new SubcommandData("info", "Info")))
                .complete();
        assertThat(discord.guildCommands(seeded.school)).hasSize(1);
        assertThat(discord.globalCommands()).isEmpty();

        Interaction info = discord.slashCommand(seeded.teacher, seeded.groep5, "class info", Map.of());

        discord.await("a follow-up", () -> !info.followUps().isEmpty());
        assertThat(info.response().orElseThrow().type()).isEqualTo(InteractionResponse.DEFERRED_REPLY);
        PostedMessage original = info.original().orElseThrow();
        assertThat(original.content()).isEqualTo("Groep 5");
        assertThat(original.ephemeral()).isTrue();
        assertThat(info.followUps()).singleElement().satisfies(followUp -> {
            assertThat(followUp.content()).isEqualTo("meer info");
            assertThat(followUp.ephemeral()).isTrue();
        });
    }

    @Test
    @DisplayName("a parent presses a button on the bot's message and chooses from a select")
    void buttonAndSelect() {
        Interaction ask = discord.slashCommand(seeded.teacher, seeded.groep5, "ask", Map.of());
        PostedMessage question = ask.awaitOriginal();
        assertThat(question.customIds()).containsExactly("mood:good", "mood:bad", "day");

        Interaction choice = discord.chooseOptions(seeded.parent, question, "day", List.of("tue"));
        assertThat(choice.awaitResponse().content()).isEqualTo("Gekozen: tue");

        Interaction press = discord.pressButton(seeded.parent, question, "mood:good");
        assertThat(press.awaitResponse().type()).isEqualTo(InteractionResponse.UPDATE_MESSAGE);
        discord.await(
                "the message to be updated",
                () -> discord.messagesIn(seeded.groep5).get(0).content().equals("Dank je, mood:good"));
        assertThat(discord.messagesIn(seeded.groep5).get(0).customIds()).isEmpty();
        assertThat(discord.messagesIn(seeded.groep5).get(0).edited()).isTrue();
    }

    @Test
    @DisplayName("a modal opens from a slash command and its submit reaches the bot, in a DM too")
    void modal() {
        Interaction note = discord.slashCommand(seeded.parent, discord.directChannel(seeded.parent), "note", Map.of());
        InteractionResponse modal = note.awaitResponse();
        assertThat(modal.type()).isEqualTo(InteractionResponse.MODAL);
        assertThat(modal.data().get("custom_id").asText()).isEqualTo("note-modal");

        Interaction submit = discord.submitModal(
                seeded.parent,
                discord.directChannel(seeded.parent),
                "note-modal",
                Map.of("note-text", "Sam slaapt slecht"));
        assertThat(submit.awaitResponse().content()).isEqualTo("Notitie: Sam slaapt slecht");
    }

    @Test
    @DisplayName("autocomplete gets the typed text and answers with choices")
    void autocomplete() {
        Interaction typing =
                discord.autocomplete(seeded.teacher, seeded.groep5, "invite", Map.of("student", "Sa"), "student");
        InteractionResponse choices = typing.awaitResponse();
        assertThat(choices.type()).isEqualTo(InteractionResponse.AUTOCOMPLETE);
        assertThat(choices.data().get("choices").findValuesAsText("name")).containsExactly("Sam", "Saar");
    }
}
