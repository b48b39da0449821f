package nl.classbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.classbridge.discord.DiscordLimits;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.domain.Language;
import nl.classbridge.mail.MailText;
import nl.classbridge.messages.Cases;
import nl.classbridge.messages.CatalogueException;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import nl.classbridge.messages.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code classbridge preview KEY --lang ar --var child=Sam}: prints a message as the bot would
 * send it, so translators and teachers can check texts without Discord. Placeholders without a
 * {@code --var} are shown as {@code [name]}, dates and times as the language writes them, and a
 * count once for each plural category of the language (Arabic's six, Polish's four).
 */
@Command(
        name = "preview",
        mixinStandardHelpOptions = true,
        description = "Print a message from messages/ as the bot would send it.")
final class PreviewCommand implements Callable<Integer> {
    enum Format {
        discord,
        plain,
        html,
        header
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "The message key, e.g. checkin.greeting.")
    String key;

    @Option(
            names = "--lang",
            paramLabel = "LANG",
            defaultValue = "nl",
            description = "The language: nl, en, ar, tr, pl, uk, or all (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A value for a placeholder; repeatable.")
    Map<String, String> vars = new LinkedHashMap<>();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "discord",
            description = "discord, plain, html or header (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = "--messages",
            paramLabel = "FOLDER",
            defaultValue = "messages",
            description = "The message folder (default: ${DEFAULT-VALUE}).")
    Path folder;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Language> languages = lang.equalsIgnoreCase("all")
                ? List.of(Language.values())
                : Language.fromCode(lang).map(List::of).orElse(List.of());
        if (languages.isEmpty()) {
            err.println("--lang: '" + lang + "' is not a language of ClassBridge; use one of " + Language.codes()
                    + ", or all");
            return ExitCode.CONFIG;
        }
        MessageCatalogue catalogue;
        try {
            catalogue = MessageCatalogue.load(folder);
        } catch (CatalogueException e) {
            err.println(e.getMessage());
            return ExitCode.CONFIG;
        }
        if (catalogue.find(Language.EN, key).isEmpty()
                && catalogue.firstIn(languages, key).isEmpty()) {
            err.println("no message '" + key + "'; keys look like checkin.greeting (file name, then the path in it)");
            return ExitCode.CONFIG;
        }
        for (Language language : languages) {
            preview(catalogue, language, languages.size() > 1, out, err);
        }
        return ExitCode.OK;
    }

    /** The text in {@code language}, once per case: each plural category of the language, dates as it writes them. */
    private void preview(
            MessageCatalogue catalogue, Language language, boolean named, PrintWriter out, PrintWriter err) {
        Messages messages = new Messages(catalogue, language);
        List<Language> chain = messages.chain(Optional.of(language), Optional.empty());
        Map.Entry<Language, String> template = catalogue.firstIn(chain, key).orElseThrow();
        if (template.getKey() != language) {
            err.println("(not translated to " + language.code() + " yet; shown in "
                    + template.getKey().code() + ")");
        }
        List<Cases.Case> cases = Cases.of(template.getValue(), template.getKey(), vars);
        for (Cases.Case sample : cases) {
            String label = (named ? language.code() + " " : "") + sample.label();
            if (!label.isBlank()) {
                out.println("--- " + label.strip() + " ---");
            }
            Text text = messages.text(key, chain, sample.values());
            switch (format) {
                case discord -> {
                    List<String> parts = DiscordLimits.split(DiscordText.MARKDOWN.render(text));
                    (parts.size() == 1 ? parts : DiscordLimits.numbered(parts)).forEach(out::println);
                }
                case html -> out.print(MailText.html(text));
                case header -> out.println(MailText.header(text));
                case plain -> out.println(MailText.plain(text));
            }
        }
    }
}
