package nl.classbridge.sandbox.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.classbridge.sandbox.Sandbox;
import nl.classbridge.sandbox.discord.Interaction;
import nl.classbridge.sandbox.discord.InteractionResponse;
import nl.classbridge.sandbox.discord.LocalChannel;
import nl.classbridge.sandbox.discord.LocalUser;
import nl.classbridge.sandbox.discord.PostedMessage;
import nl.classbridge.sandbox.mail.LocalMail;

/**
 * What the page's forms do, as people: the teacher runs a command or presses a button, a parent
 * presses, chooses, fills in a form, types to the bot or replies to a mail, and the visitor moves
 * the clock. Everything goes through the local Discord server and the local mail server, exactly
 * as the tests act; the bot's answer decides what the page shows next.
 */
final class Actions {
    /** Discord gives a bot three seconds to answer; the page waits longer before it says so. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final String OPTION = "option.";
    private static final String INPUT = "input.";

    private final Sandbox sandbox;
    private final Classroom classroom;
    private final Tour tour;

    Actions(Sandbox sandbox, Classroom classroom, Tour tour) {
        this.sandbox = sandbox;
        this.classroom = classroom;
        this.tour = tour;
    }

    /**
     * What to show after an action.
     *
     * @param actor whose slot it goes in: {@code teacher}, a family's actor id, or {@code clock}
     * @param html  the slot's new content: a modal, a note, an error, or nothing
     */
    record Answer(String actor, String html) {}

    static Optional<Long> guardianId(String actor) {
        if (actor == null || !actor.matches("g\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(actor.substring(1)));
    }

    /** A press, a choice, a form or a typed message, by the teacher or a family on Discord. */
    Answer act(Context ctx, PageView view) throws InterruptedException {
        String actor = ctx.pathParam("actor");
        PageTexts texts = view.texts();
        Optional<LocalUser> user = discordUser(actor);
        if (user.isEmpty()) {
            return error(actor, texts, "errors.unknown-person");
        }
        String action = ctx.pathParam("action");
        if (action.equals("say")) {
            return say(ctx, actor, user.get(), view);
        }
        if (action.equals("command")) {
            return familyCommand(ctx, actor, user.get(), view);
        }
        long messageId = number(ctx.formParam("message")).orElse(0L);
        Optional<PostedMessage> message = sandbox.discord().message(messageId).filter(m -> !m.deleted());
        if (message.isEmpty() && !(action.equals("modal") && messageId == 0)) {
            return error(actor, texts, "errors.gone");
        }
        String component = Optional.ofNullable(ctx.formParam("component")).orElse("");
        Interaction interaction;
        try {
            interaction = switch (action) {
                case "press" -> sandbox.discord().pressButton(user.get(), message.get(), component);
                case "choose" ->
                    sandbox.discord().chooseOptions(user.get(), message.get(), component, ctx.formParams("values"));
                case "modal" -> modal(ctx, actor, user.get(), message);
                default -> null;
            };
        } catch (IllegalArgumentException noSuchButton) {
            return error(actor, texts, "errors.gone"); // the message changed since the page showed it
        }
        if (interaction == null) {
            return error(actor, texts, "errors.unknown-action");
        }
        return respond(actor, interaction, message.map(PostedMessage::id).orElse(0L), view);
    }

    private Interaction modal(Context ctx, String actor, LocalUser user, Optional<PostedMessage> message) {
        Map<String, String> inputs = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (name.startsWith(INPUT) && !values.isEmpty()) {
                inputs.put(name.substring(INPUT.length()), values.get(0));
            }
        });
        String modal = Optional.ofNullable(ctx.formParam("modal")).orElse("");
        return message.isPresent()
                ? sandbox.discord().submitModal(user, message.get(), modal, inputs)
                : sandbox.discord().submitModal(user, channelOf(actor, user), modal, inputs);
    }

    /**
     * A family command from the family's panel, run as that parent in their DM with the bot: only one
     * the panel offers ({@link FamilyCommands}); its private answer shows in their conversation.
     */
    private Answer familyCommand(Context ctx, String actor, LocalUser user, PageView view) throws InterruptedException {
        String name = Optional.ofNullable(ctx.formParam("command")).orElse("");
        if (guardianId(actor).isEmpty()
                || !FamilyCommands.isOffered(sandbox.discord().globalCommands(), name)) {
            return error(actor, view.texts(), "errors.unknown-action");
        }
        Interaction interaction =
                sandbox.discord().slashCommand(user, sandbox.discord().directChannel(user), name, Map.of());
        return respond(actor, interaction, 0, view);
    }

    /** A parent types to the bot; the answer is a fresh, empty box. */
    private Answer say(Context ctx, String actor, LocalUser user, PageView view) {
        String text = Optional.ofNullable(ctx.formParam("text")).orElse("").strip();
        if (!text.isEmpty()) {
            sandbox.discord().sendDirectMessage(user, text);
        }
        Family family = classroom.find(guardianId(actor).orElseThrow()).orElseThrow();
        return new Answer(actor, view.familyView().sayForm(family));
    }

    /**
     * A teacher command from its form: the options typed as the bot registered them, run by the teacher
     * or, for an admin-only command, by the school's ICT person ({@link CommandRunner}).
     */
    Answer command(Context ctx, PageView view) throws InterruptedException {
        String path = Optional.ofNullable(ctx.formParam("command")).orElse("");
        JsonNode registered = sandbox.discord().guildCommands(sandbox.school().guild());
        CommandForms forms = new CommandForms(view.texts());
        Map<String, Object> options = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> field : ctx.formParamMap().entrySet()) {
            String value =
                    field.getValue().isEmpty() ? "" : field.getValue().get(0).strip();
            if (field.getKey().startsWith(OPTION) && !value.isEmpty()) {
                String name = field.getKey().substring(OPTION.length());
                Optional<Object> typed = forms.option(registered, path, name).flatMap(o -> typed(o, value));
                if (typed.isEmpty()) {
                    return error(TeacherView.ACTOR, view.texts(), "errors.bad-option", Map.of("option", name));
                }
                options.put(name, typed.get());
            }
        }
        if (forms.commands(registered).stream()
                .noneMatch(command -> command.path().equals(path))) {
            return error(TeacherView.ACTOR, view.texts(), "errors.unknown-action");
        }
        Interaction interaction = sandbox.discord()
                .slashCommand(
                        CommandRunner.of(sandbox.school(), path),
                        sandbox.school().channel(),
                        path,
                        options);
        Answer answer = respond(TeacherView.ACTOR, interaction, 0, view);
        if (path.equals("checkin results") && interaction.response().isPresent()) {
            tour.resultsRead();
        }
        return answer;
    }

    /** The bot's own suggestions for the field the teacher is typing in. */
    String suggest(Context ctx) throws InterruptedException {
        String path = Optional.ofNullable(ctx.queryParam("command")).orElse("");
        String focused = Optional.ofNullable(ctx.queryParam("focused")).orElse("");
        Map<String, Object> options = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> {
            String value = values.isEmpty() ? "" : values.get(0);
            if (name.startsWith(OPTION) && (!value.isBlank() || name.equals(OPTION + focused))) {
                options.put(name.substring(OPTION.length()), value);
            }
        });
        if (!options.containsKey(focused)) {
            return "";
        }
        Optional<InteractionResponse> response = sandbox.discord()
                .autocomplete(
                        CommandRunner.of(sandbox.school(), path),
                        sandbox.school().channel(),
                        path,
                        options,
                        focused)
                .response(WAIT);
        return response.map(r -> TeacherView.suggestions(r.data().path("choices")))
                .orElse("");
    }

    /** Moves the sandbox's time: an hour, a day, or to what is due next. */
    Answer clock(Context ctx) {
        switch (Optional.ofNullable(ctx.formParam("to")).orElse("")) {
            case "hour" -> sandbox.clock().advance(Duration.ofHours(1));
            case "day" -> sandbox.clock().advance(Duration.ofDays(1));
            case "update" -> classroom.nextUpdate().ifPresent(sandbox.clock()::advanceTo);
            case "deadline" -> classroom.deadline(sandbox.clock().instant()).ifPresent(sandbox.clock()::advanceTo);
            default -> {
                // an unknown button: nothing moves
            }
        }
        return new Answer("clock", "");
    }

    /** The reply form for one of a family's mails. */
    Answer compose(Context ctx, PageView view) {
        Optional<Family> family = family(ctx);
        Optional<LocalMail.Mail> original =
                family.flatMap(f -> f.email().flatMap(address -> sandbox.mail().find(address, ctx.pathParam("mail"))));
        if (original.isEmpty()) {
            return error(family.map(Family::actor).orElse("none"), view.texts(), "errors.gone");
        }
        return new Answer(family.get().actor(), view.familyView().compose(family.get(), original.get()));
    }

    /** Sends the family's reply to the bot over SMTP, as their mail program would. */
    Answer reply(Context ctx, PageView view) {
        Optional<Family> family = family(ctx);
        Optional<LocalMail.Mail> original =
                family.flatMap(f -> f.email().flatMap(address -> sandbox.mail().find(address, ctx.pathParam("mail"))));
        if (original.isEmpty()) {
            return error(family.map(Family::actor).orElse("none"), view.texts(), "errors.gone");
        }
        String actor = family.get().actor();
        String body = Optional.ofNullable(ctx.formParam("body")).orElse("");
        if (body.isBlank()) {
            return error(actor, view.texts(), "errors.empty");
        }
        if (body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > LocalMail.MAX_REPLY_BYTES) {
            return error(actor, view.texts(), "errors.too-long");
        }
        try {
            sandbox.mail().sendReply(family.get().email().orElseThrow(), original.get(), body);
        } catch (IllegalArgumentException | IllegalStateException notSent) {
            // An original without a Message-ID, or the local server refusing: the page says so, the bot is fine.
            return error(actor, view.texts(), "errors.not-sent");
        }
        return new Answer(
                actor, "<p class=\"note\" role=\"status\">" + view.texts().get("families.sent") + "</p>");
    }

    private Answer respond(String actor, Interaction interaction, long messageId, PageView view)
            throws InterruptedException {
        Optional<InteractionResponse> response = interaction.response(WAIT);
        if (response.isEmpty()) {
            return error(actor, view.texts(), "errors.no-answer");
        }
        if (response.get().type() == InteractionResponse.MODAL) {
            return new Answer(
                    actor, new ModalView(view.texts()).render(response.get().data(), actor, messageId));
        }
        return new Answer(actor, "");
    }

    private Optional<Family> family(Context ctx) {
        return number(ctx.pathParam("guardian")).flatMap(classroom::find);
    }

    private Optional<LocalUser> discordUser(String actor) {
        if (TeacherView.ACTOR.equals(actor)) {
            return Optional.of(sandbox.school().teacher());
        }
        return guardianId(actor).flatMap(classroom::find).flatMap(Family::discordUser);
    }

    private LocalChannel channelOf(String actor, LocalUser user) {
        return TeacherView.ACTOR.equals(actor)
                ? sandbox.school().channel()
                : sandbox.discord().directChannel(user);
    }

    /** An option's text as the type Discord sends it in: a whole number, a number, yes or no, or text. */
    private static Optional<Object> typed(JsonNode definition, String value) {
        try {
            return Optional.of(
                    switch (definition.path("type").asInt()) {
                        case CommandForms.INTEGER -> Long.parseLong(value);
                        case CommandForms.NUMBER -> Double.parseDouble(value);
                        case CommandForms.BOOLEAN -> Boolean.parseBoolean(value);
                        default -> value;
                    });
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text == null ? "" : text.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Answer error(String actor, PageTexts texts, String key) {
        return error(actor, texts, key, Map.of());
    }

    private static Answer error(String actor, PageTexts texts, String key, Map<String, ?> values) {
        return new Answer(actor, "<p class=\"error\" role=\"alert\">" + texts.get(key, values) + "</p>");
    }
}
