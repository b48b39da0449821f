package nl.classbridge.discord.commands;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import nl.classbridge.discord.ClassChannel;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.ComponentHandler;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.SchoolClass;
import nl.classbridge.privacy.ForgetMe;
import nl.classbridge.privacy.PrivacyEmails;
import nl.classbridge.privacy.PrivacyRequests;

/**
 * {@code /privacy request guardian:<name|email> kind:<access|erasure>}, for the class's own teachers
 * in the class channel: a family's request made on paper or by phone, carried out on their behalf.
 * Access: the same two files as {@code /my-data}, privately, to hand over. Erasure: what would go,
 * under a confirm button whose id carries the class, the guardian, the teacher and a one-time code,
 * so only that teacher's press of that button erases.
 */
public final class PrivacyRequest implements PrivacyCommand.Subcommand, ComponentHandler {
    private static final String PREFIX = "pr:";
    private static final Pattern ERASE =
            Pattern.compile("pr:erase:(\\d{1,20}):(\\d{1,20}):(\\d{1,20}):([A-Z2-9-]{10,11})");
    private static final Pattern CANCEL = Pattern.compile("pr:cancel:(\\d{1,20}):(\\d{1,20}):(\\d{1,20})");

    private final PrivacyRequests requests;
    private final ClassChannel classChannel;
    private final Texts texts;

    public PrivacyRequest(PrivacyRequests requests, ClassChannel classChannel, Texts texts) {
        this.requests = requests;
        this.classChannel = classChannel;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "request";
    }

    @Override
    public SubcommandData definition(CommandDefinitions defs) {
        return defs.subcommand("privacy request")
                .addOptions(
                        defs.suggested("privacy request guardian", true),
                        defs.option(OptionType.STRING, "privacy request kind", true)
                                .addChoice("access", "access")
                                .addChoice("erasure", "erasure"));
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent event) {
        Optional<SchoolClass> schoolClass = classChannel.of(event);
        if (schoolClass.isEmpty()) {
            event.replyChoices().queue();
            return;
        }
        String typed = event.getFocusedOption().getValue().strip().toLowerCase(Locale.ROOT);
        List<Command.Choice> choices = requests.guardiansOf(schoolClass.get()).stream()
                .map(PrivacyRequests.Named::name)
                .filter(name -> name.toLowerCase(Locale.ROOT).contains(typed))
                .filter(name -> name.length() <= DiscordLimits.CHOICE)
                .distinct()
                .sorted()
                .limit(DiscordLimits.SELECT_OPTIONS)
                .map(name -> new Command.Choice(name, name))
                .toList();
        event.replyChoices(choices).queue();
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        Optional<SchoolClass> found = classChannel.orExplain(event);
        if (found.isEmpty()) {
            return;
        }
        SchoolClass schoolClass = found.get();
        String typed = Optional.ofNullable(event.getOption("guardian", OptionMapping::getAsString))
                .orElse("");
        boolean erasure = "erasure".equals(event.getOption("kind", OptionMapping::getAsString));
        PrivacyRequests.Outcome outcome = erasure
                ? requests.offerErasure(schoolClass, typed)
                : requests.access(schoolClass, event.getUser().getIdLong(), typed);
        if (outcome instanceof PrivacyRequests.Outcome.Access access) {
            FamilyFiles.send(
                    event,
                    texts.forClass(
                            schoolClass,
                            "forgetme.request.access",
                            Map.of("guardian", access.who().name())),
                    access.report(),
                    "data-"
                            + FileNames.plain(
                                    access.who().name(),
                                    String.valueOf(access.who().guardian().id())));
        } else if (outcome instanceof PrivacyRequests.Outcome.Offer offer) {
            offer(event, schoolClass, offer);
        } else if (outcome instanceof PrivacyRequests.Outcome.Ambiguous ambiguous) {
            Respond.privately(
                    event,
                    texts.forClass(
                            schoolClass,
                            "forgetme.request.ambiguous",
                            Map.of(
                                    "guardian",
                                    DiscordLimits.echo(typed),
                                    "names",
                                    String.join(", ", ambiguous.names()))));
        } else {
            Respond.privately(
                    event,
                    texts.forClass(
                            schoolClass, "forgetme.request.unknown", Map.of("guardian", DiscordLimits.echo(typed))));
        }
    }

    private void offer(
            SlashCommandInteractionEvent event, SchoolClass schoolClass, PrivacyRequests.Outcome.Offer offer) {
        String ids = schoolClass.id() + ":" + offer.who().guardian().id() + ":"
                + event.getUser().getIdLong();
        Map<String, Object> values = new HashMap<>(PrivacyEmails.values(offer.preview()));
        values.put("guardian", offer.who().name());
        Respond.privately(
                event,
                texts.forClass(schoolClass, "forgetme.request.confirm", values),
                List.of(ForgetMeCommand.eraseOrCancel(
                        PREFIX + "erase:" + ids + ":" + offer.code(),
                        PREFIX + "cancel:" + ids,
                        texts.forClass(schoolClass, "forgetme.button.erase", Map.of()),
                        texts.forClass(schoolClass, "forgetme.button.cancel", Map.of()))));
    }

    @Override
    public boolean owns(String id) {
        return id.startsWith(PREFIX);
    }

    @Override
    public void button(ButtonInteractionEvent event) {
        Matcher erase = ERASE.matcher(event.getComponentId());
        Matcher cancel = CANCEL.matcher(event.getComponentId());
        Matcher matched = erase.matches() ? erase : cancel.matches() ? cancel : null;
        Optional<SchoolClass> schoolClass = classChannel.of(event);
        long presser = event.getUser().getIdLong();
        if (matched == null
                || schoolClass.isEmpty()
                || !matched.group(1).equals(Long.toString(schoolClass.get().id()))
                || !matched.group(3).equals(Long.toString(presser))) {
            Respond.privately(event, texts.forSchool("forgetme.not-yours", Map.of()));
            return;
        }
        long guardianId = Long.parseLong(matched.group(2));
        if (matched == cancel) {
            requests.cancelErasure(schoolClass.get(), guardianId);
            Respond.inPlace(event, texts.forClass(schoolClass.get(), "forgetme.request.cancelled", Map.of()));
            return;
        }
        Optional<ForgetMe.Erased> erased = requests.erase(schoolClass.get(), presser, guardianId, erase.group(4));
        Respond.inPlace(
                event,
                texts.forClass(
                        schoolClass.get(),
                        erased.isPresent() ? "forgetme.request.erased" : "forgetme.request.expired",
                        Map.of()));
    }

    @Override
    public void modal(ModalInteractionEvent event) {
        Respond.privately(event, texts.forSchool("common.error.expired-button", Map.of()));
    }
}
