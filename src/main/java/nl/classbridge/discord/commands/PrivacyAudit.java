package nl.classbridge.discord.commands;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import nl.classbridge.discord.CommandDefinitions;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.DiscordPost;
import nl.classbridge.discord.Markdown;
import nl.classbridge.discord.Respond;
import nl.classbridge.discord.TeacherCheck;
import nl.classbridge.discord.Texts;
import nl.classbridge.domain.AuditEntry;
import nl.classbridge.privacy.AuditTrail;
import nl.classbridge.store.AuditLog;

/**
 * {@code /privacy audit [days]}: the audit log of this server's classes, for a server admin
 * (Administrator or Manage Server) only, privately. Per entry: when (school time), who (a mention
 * that pings nobody), what in plain words, the class, and the ids it was about. A teacher without
 * admin rights is told who can. A list too long for two messages comes as a text file.
 */
public final class PrivacyAudit implements PrivacyCommand.Subcommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AuditTrail trail;
    private final TeacherCheck teacherCheck;
    private final Texts texts;
    private final ZoneId schoolZone;

    public PrivacyAudit(AuditTrail trail, TeacherCheck teacherCheck, Texts texts, ZoneId schoolZone) {
        this.trail = trail;
        this.teacherCheck = teacherCheck;
        this.texts = texts;
        this.schoolZone = schoolZone;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public SubcommandData definition(CommandDefinitions defs) {
        return defs.subcommand("privacy audit")
                .addOptions(defs.option(OptionType.INTEGER, "privacy audit days", false)
                        .setRequiredRange(1, AuditTrail.MAX_DAYS));
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        if (!teacherCheck.isServerAdmin(event.getMember())) {
            Respond.privately(event, texts.forSchool("audit.not-admin", Map.of()));
            return;
        }
        Optional<Integer> days = Optional.ofNullable(event.getOption("days", OptionMapping::getAsLong))
                .map(typed -> (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, typed)));
        AuditTrail.Trail found = trail.of(event.getGuild().getIdLong(), days);
        if (found instanceof AuditTrail.Trail.Entries entries) {
            show(event, entries);
        } else {
            Respond.privately(event, texts.forSchool("audit.days-invalid", Map.of("most", AuditTrail.MAX_DAYS)));
        }
    }

    private void show(SlashCommandInteractionEvent event, AuditTrail.Trail.Entries found) {
        Map<String, Object> counts =
                Map.of("days", found.days(), "count", found.entries().size());
        if (found.entries().isEmpty()) {
            Respond.privately(event, texts.forSchool("audit.empty", counts));
            return;
        }
        String cut = found.cut() ? "\n" + texts.forSchool("audit.cut", counts) : "";
        StringBuilder text = new StringBuilder(texts.forSchool("audit.title", counts)).append(cut);
        List<String> fileLines = new ArrayList<>();
        for (AuditLog.OfClass one : found.entries()) {
            AuditEntry entry = one.entry();
            String when = WHEN.format(entry.at().atZone(schoolZone));
            String what = words(entry.action());
            String scope = entry.detail() == null ? "" : entry.detail().replace('`', '\'');
            text.append("\n`")
                    .append(when)
                    .append("` <@")
                    .append(entry.actorUserId())
                    .append("> ")
                    .append(what)
                    .append(" · **")
                    .append(Markdown.escape(one.className()))
                    .append("**")
                    .append(scope.isBlank() ? "" : " · `" + scope + "`");
            fileLines.add(String.join(
                    " | ", when, "user " + entry.actorUserId(), entry.action(), what, one.className(), scope));
        }
        if (text.length() <= 2 * DiscordLimits.MESSAGE) {
            Respond.privately(event, text.toString());
            return;
        }
        MessageCreateData reply = DiscordPost.builder(
                        DiscordLimits.fit(texts.forSchool("audit.file", counts) + cut, DiscordLimits.MESSAGE))
                .addFiles(FileUpload.fromData(
                        (String.join("\n", fileLines) + "\n").getBytes(StandardCharsets.UTF_8),
                        "audit-log-" + found.days() + "-days.txt"))
                .build();
        event.reply(reply).setEphemeral(true).queue();
    }

    /** The action in plain words; an action this version has no words for shows as its code. */
    private String words(String action) {
        String key = "audit.action." + action.replace(':', '-').replace('.', '-');
        return texts.messages().has(key) ? texts.forSchool(key, Map.of()) : "`" + action + "`";
    }
}
