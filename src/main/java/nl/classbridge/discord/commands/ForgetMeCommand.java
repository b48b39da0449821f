package nl.classbridge.discord.commands;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.ComponentHandler;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.SlashCommand;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.Guardian;
import nl.classbridge.domain.Language;
import nl.classbridge.privacy.FamilyRequests;
import nl.classbridge.privacy.ForgetMe;
import nl.classbridge.privacy.PrivacyEmails;
import nl.classbridge.store.GuardianRepository;

/**
 * {@code /forget-me}, for parents: says exactly what will be erased, privately, under two buttons,
 * Erase everything and Cancel. The Erase button's id carries the person's Discord id and a one-time
 * code (only its hash is stored): a press by anyone else, or with an id that was not handed out
 * (made up, or older than a day), erases nothing.
 */
public final class ForgetMeCommand implements SlashCommand, ComponentHandler {
    private static final String PREFIX = "fm:";
    private static final Pattern ERASE = Pattern.compile("fm:erase:(\\d{1,20}):([A-Z2-9-]{10,11})");
    private static final Pattern CANCEL = Pattern.compile("fm:cancel:(\\d{1,20})");

    private final FamilyRequests requests;
    private final ForgetMe forgetMe;
    private final GuardianRepository guardians;
    private final PrivacyEmails languages;
    private final Texts texts;

    public ForgetMeCommand(
            FamilyRequests requests,
            ForgetMe forgetMe,
            GuardianRepository guardians,
            PrivacyEmails languages,
            Texts texts) {
        this.requests = requests;
        this.forgetMe = forgetMe;
        this.guardians = guardians;
        this.languages = languages;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "forget-me";
    }

    @Override
    public boolean teacherOnly() {
        return false;
    }

    @Override
    public boolean forTeachers() {
        return false;
    }

    @Override
    public SlashCommandData definition(CommandDefinitions defs) {
        return defs.everyoneCommand("forget-me");
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        long user = event.getUser().getIdLong();
        Optional<Guardian> guardian = guardians.findByDiscordUser(user);
        if (guardian.isEmpty()) {
            Respond.privately(event, texts.forSchool("forgetme.not-guardian", Map.of()));
            return;
        }
        List<Language> chain = languages.languagesOf(guardian.get());
        ForgetMe.Preview preview = forgetMe.preview(guardian.get());
        String code = requests.offerErasure(guardian.get());
        Respond.privately(
                event,
                texts.inChain("forgetme.confirm", chain, PrivacyEmails.values(preview)),
                List.of(eraseOrCancel(
                        PREFIX + "erase:" + user + ":" + code,
                        PREFIX + "cancel:" + user,
                        texts.inChain("forgetme.button.erase", chain, Map.of()),
                        texts.inChain("forgetme.button.cancel", chain, Map.of()))));
    }

    /** The two buttons under every erasure question: the family's own and a teacher's on their behalf. */
    static ActionRow eraseOrCancel(String eraseId, String cancelId, String eraseLabel, String cancelLabel) {
        return ActionRow.of(
                Button.danger(
                        DiscordLimits.customId(eraseId), DiscordLimits.fit(eraseLabel, DiscordLimits.BUTTON_LABEL)),
                Button.secondary(
                        DiscordLimits.customId(cancelId), DiscordLimits.fit(cancelLabel, DiscordLimits.BUTTON_LABEL)));
    }

    @Override
    public boolean owns(String id) {
        return id.startsWith(PREFIX);
    }

    @Override
    public void button(ButtonInteractionEvent event) {
        long presser = event.getUser().getIdLong();
        Matcher erase = ERASE.matcher(event.getComponentId());
        Matcher cancel = CANCEL.matcher(event.getComponentId());
        boolean isErase = erase.matches();
        boolean isCancel = !isErase && cancel.matches();
        String owner = isErase ? erase.group(1) : isCancel ? cancel.group(1) : "";
        Optional<Guardian> guardian = guardians.findByDiscordUser(presser);
        if ((!isErase && !isCancel) || !owner.equals(Long.toString(presser))) {
            Respond.privately(event, texts.forSchool("forgetme.not-yours", Map.of()));
            return;
        }
        if (guardian.isEmpty()) {
            Respond.privately(event, texts.forSchool("forgetme.expired", Map.of()));
            return;
        }
        List<Language> chain = languages.languagesOf(guardian.get());
        if (isCancel) {
            requests.cancelErasure(guardian.get());
            Respond.inPlace(event, texts.inChain("forgetme.cancelled", chain, Map.of()));
            return;
        }
        Optional<ForgetMe.Erased> erased =
                requests.eraseWithCode(guardian.get(), erase.group(2), new ForgetMe.Actor.Family());
        Respond.inPlace(
                event, texts.inChain(erased.isPresent() ? "forgetme.erased" : "forgetme.expired", chain, Map.of()));
    }

    @Override
    public void modal(ModalInteractionEvent event) {
        Respond.privately(event, texts.forSchool("common.error.expired-button", Map.of()));
    }
}
