package nl.classbridge.sandbox.page;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import nl.classbridge.sandbox.discord.LocalDiscord;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.sandbox.mail.LocalMail;

/**
 * A family's panel: their private conversation with the bot on Discord, with working buttons, menus
 * and a box to type in, and their mailbox when the school has their address, with a reply form that
 * answers like a mail program.
 */
final class FamilyView {
    private static final int SHOWN_MESSAGES = 4;

    private final LocalDiscord discord;
    private final LocalMail mail;
    private final PageTexts texts;
    private final MessageView messages;
    private final ZoneId zone;

    FamilyView(LocalDiscord discord, LocalMail mail, PageTexts texts, ZoneId zone) {
        this.discord = discord;
        this.mail = mail;
        this.texts = texts;
        this.messages = new MessageView(texts, zone, discord);
        this.zone = zone;
    }

    /** The disclosure for one family: a summary that stays, the live part, the forms. */
    String panel(Family family) {
        StringBuilder html = new StringBuilder("<details class=\"family\" id=\"family-")
                .append(family.actor())
                .append("\" lang=\"")
                .append(family.language().code())
                .append("\"><summary>")
                .append(summary(family))
                .append("</summary>")
                .append("<div class=\"live\" aria-live=\"polite\" hx-get=\"/part/")
                .append(family.actor())
                .append("\" hx-trigger=\"world-changed from:body\">")
                .append(live(family))
                .append("</div>");
        if (family.discordUser().isPresent()) {
            html.append(commands(family));
            html.append(sayForm(family));
        }
        html.append("<div id=\"").append(Forms.slot(family.actor())).append("\" class=\"slot\"></div></details>");
        return html.toString();
    }

    private String summary(Family family) {
        StringBuilder html = new StringBuilder("<span class=\"who\" dir=\"auto\">")
                .append(Html.text(family.name()))
                .append("</span> <span class=\"tag\">")
                .append(Html.text(family.language().nativeName()))
                .append("</span>");
        family.discordUser().ifPresent(user -> html.append(" <span class=\"tag discord\">Discord</span>"));
        family.email()
                .ifPresent(address -> html.append(" <span class=\"tag email\">")
                        .append(texts.get("families.email"))
                        .append("</span>"));
        if (family.dmsClosed()) {
            html.append(" <span class=\"tag warn\">")
                    .append(texts.get("families.dms-closed"))
                    .append("</span>");
        }
        html.append("<br><span class=\"hint\" dir=\"auto\">")
                .append(texts.get("families.children", Map.of("children", String.join(", ", family.children()))))
                .append("</span>");
        return html.toString();
    }

    /** What changes as the bot works: the DMs and the mailbox. */
    String live(Family family) {
        StringBuilder html = new StringBuilder();
        family.discordUser().ifPresent(user -> conversation(family, user, html));
        family.email().ifPresent(address -> mailbox(family, address, html));
        return html.toString();
    }

    private void conversation(Family family, LocalUser user, StringBuilder html) {
        html.append("<h4>").append(texts.get("families.dms")).append("</h4>");
        List<PostedMessage> all = discord.messagesIn(discord.directChannel(user)).stream()
                .filter(message -> !message.deleted())
                .toList();
        if (all.isEmpty()) {
            html.append("<p class=\"hint\">")
                    .append(texts.get("families.no-dms"))
                    .append("</p>");
        }
        // The conversation reads top to bottom like a chat; older messages fold away, so the newest
        // question and its buttons are in view without scrolling inside the panel.
        int older = Math.max(0, all.size() - SHOWN_MESSAGES);
        if (older > 0) {
            html.append("<details class=\"older\"><summary>")
                    .append(texts.get("families.older", Map.of("count", older)))
                    .append("</summary>");
            all.subList(0, older).forEach(message -> html.append(message(family, message)));
            html.append("</details>");
        }
        all.subList(older, all.size()).forEach(message -> html.append(message(family, message)));
    }

    private String message(Family family, PostedMessage message) {
        boolean fromBot = message.authorId() == discord.bot().id();
        return messages.render(message, family.actor(), fromBot ? discord.bot().shownName() : family.name(), fromBot);
    }

    /**
     * A button per family command the bot registered ({@link FamilyCommands}), run as this family in
     * their DM with the bot; the private answer shows in the conversation above, its buttons working.
     */
    private String commands(Family family) {
        List<FamilyCommands.Offered> offered = FamilyCommands.offered(discord.globalCommands(), texts.language());
        if (offered.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<div class=\"row commands\">");
        for (FamilyCommands.Offered command : offered) {
            html.append(Forms.open("/act/" + family.actor() + "/command", Forms.slot(family.actor()), "inline"))
                    .append(Forms.hidden("command", command.name()))
                    .append("<button class=\"b2\" title=\"")
                    .append(Html.text(command.description()))
                    .append("\">/")
                    .append(Html.text(command.shownName()))
                    .append("</button></form>");
        }
        return html.append("</div>").toString();
    }

    /** The box a parent types a message to the bot in; sending it brings back an empty one. */
    String sayForm(Family family) {
        String id = "say-" + family.actor();
        String action = "/act/" + family.actor() + "/say";
        return "<form method=\"post\" action=\"" + action + "\" hx-post=\"" + action + "\" hx-target=\"this\""
                + " hx-swap=\"outerHTML\" class=\"say\"><label for=\"" + id + "\">" + texts.get("families.say-label")
                + "</label><div class=\"row\"><input type=\"text\" id=\"" + id + "\" name=\"text\" dir=\"auto\""
                + " required maxlength=\"2000\" autocomplete=\"off\"><button class=\"b1\">"
                + texts.get("families.send") + "</button></div></form>";
    }

    private void mailbox(Family family, String address, StringBuilder html) {
        html.append("<h4>")
                .append(texts.get("families.mailbox", Map.of("address", address)))
                .append("</h4>");
        List<LocalMail.Mail> mails = mail.mailboxOf(address);
        if (mails.isEmpty()) {
            html.append("<p class=\"hint\">")
                    .append(texts.get("families.mailbox-empty"))
                    .append("</p>");
        }
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(texts.language().locale())
                .withZone(zone);
        for (int i = mails.size() - 1; i >= 0; i--) {
            LocalMail.Mail each = mails.get(i);
            String dir = each.language()
                    .map(code -> code.startsWith("ar") ? "rtl" : "ltr")
                    .orElse("auto");
            html.append("<details class=\"mail\"><summary><b dir=\"")
                    .append(dir)
                    .append("\">")
                    .append(Html.text(each.subject()))
                    .append("</b><br><span class=\"hint\">")
                    .append(Html.text(each.from()))
                    .append(" · ")
                    .append(Html.text(when.format(each.sentAt())))
                    .append("</span></summary>")
                    .append("<pre class=\"plain\" dir=\"")
                    .append(dir)
                    .append("\">")
                    .append(plain(each.plain(), dir))
                    .append("</pre>");
            each.html()
                    .ifPresent(body -> html.append("<details class=\"html\"><summary>")
                            .append(texts.get("families.html"))
                            .append("</summary><iframe sandbox title=\"")
                            .append(Html.text(each.subject()))
                            .append("\" srcdoc=\"")
                            .append(Html.text(body))
                            .append("\"></iframe></details>"));
            if (each.fromAddress().equalsIgnoreCase(mail.botAddress())) {
                html.append("<button class=\"b2\" hx-get=\"/families/")
                        .append(family.guardianId())
                        .append("/mail/")
                        .append(each.id())
                        .append("/reply\" hx-target=\"#")
                        .append(Forms.slot(family.actor()))
                        .append("\">")
                        .append(texts.get("families.reply"))
                        .append("</button>");
            }
            html.append("</details>");
        }
    }

    /**
     * A plain-text mail, escaped. In a right-to-left mail a line that is left to right through and
     * through (a code to reply with, a command, an address) is set apart as left to right, as a code
     * span is in HTML: in the mail's right-to-left base its slash or dash would show at the wrong end.
     * The text itself is not changed: what a parent copies is what the mail says.
     */
    private static String plain(String text, String dir) {
        if (!Direction.RTL.equals(dir)) {
            return Html.text(text);
        }
        StringBuilder html = new StringBuilder(text.length() + 64);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                html.append('\n');
            }
            if (Direction.leftToRightOnly(lines[i])) {
                html.append("<span class=\"ltr\" dir=\"ltr\">")
                        .append(Html.text(lines[i]))
                        .append("</span>");
            } else {
                html.append(Html.text(lines[i]));
            }
        }
        return html.toString();
    }

    /** The reply form, pre-filled as a mail program would: the quoted mail below, room on top. */
    String compose(Family family, LocalMail.Mail original) {
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(texts.language().locale())
                .withZone(zone)
                .format(original.sentAt());
        String quoted = mail.quote(
                original, texts.plain("families.quote-header", Map.of("date", when, "from", original.from())));
        String id = "reply-" + family.actor();
        return "<div class=\"compose\">"
                + Forms.open(
                        "/families/" + family.guardianId() + "/mail/" + original.id() + "/reply",
                        Forms.slot(family.actor()),
                        "compose-form")
                + "<h4>" + texts.get("families.compose-title", Map.of("to", original.replyTo())) + "</h4>"
                + "<p class=\"hint\" dir=\"auto\">" + texts.get("families.subject") + ": Re: "
                + Html.text(original.subject()) + "</p>"
                + "<label for=\"" + id + "\">" + texts.get("families.body-label") + "</label>"
                + "<textarea id=\"" + id + "\" name=\"body\" rows=\"10\" dir=\"auto\" required autofocus>\n"
                + Html.text(quoted) + "</textarea>"
                + "<div class=\"row\"><button class=\"b1\">" + texts.get("families.send") + "</button>"
                + " <button class=\"b2\" type=\"button\" hx-get=\"/empty\" hx-target=\"#" + Forms.slot(family.actor())
                + "\">" + texts.get("modal.cancel") + "</button></div></form></div>";
    }
}
