package nl.classbridge.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.classbridge.config.Settings;
import nl.classbridge.domain.Language;
import nl.classbridge.mail.MailText;
import nl.classbridge.messages.CatalogueException;
import nl.classbridge.messages.MessageCatalogue;
import nl.classbridge.messages.Messages;
import nl.classbridge.privacy.PrivacyNotice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code classbridge privacy-notice [--language nl|...|all]}: prints the privacy text for parents
 * with the school's name and privacy contact from the configuration, ready to paste into a letter,
 * newsletter or email. Only the text goes to standard output; what the school should check goes to
 * standard error.
 */
@Command(
        name = "privacy-notice",
        mixinStandardHelpOptions = true,
        description = "Print the privacy text for parents, filled with school.name and school.privacy-contact.")
final class PrivacyNoticeCommand implements Callable<Integer> {
    private static final String ALL = "all";
    /** Between languages with --language all. */
    private static final String SEPARATOR = "\n" + "-".repeat(72) + "\n";

    @ParentCommand
    ClassBridgeCommand root;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--language",
            paramLabel = "LANG",
            description = "nl, en, ar, tr, pl, uk or all (default: school.default-language).")
    String language;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Settings> loaded = root.loadSettings(err);
        if (loaded.isEmpty()) {
            return ExitCode.CONFIG;
        }
        Settings settings = loaded.get();
        Optional<List<Language>> languages = languages(settings.school().defaultLanguage());
        if (languages.isEmpty()) {
            err.println("--language: '" + language + "' is not a language of ClassBridge; use one of "
                    + Language.codes() + " or " + ALL);
            return ExitCode.CONFIG;
        }
        MessageCatalogue catalogue;
        try {
            catalogue = MessageCatalogue.load(settings.texts().messagesFolder());
        } catch (CatalogueException e) {
            err.println("texts.messages-folder: " + e.getMessage());
            return ExitCode.CONFIG;
        }
        PrivacyNotice notice =
                new PrivacyNotice(new Messages(catalogue, settings.school().defaultLanguage()));
        String contact = settings.school().privacyContact();
        List<String> texts = new ArrayList<>();
        for (Language each : languages.get()) {
            texts.add(MailText.plain(notice.text(each, settings.school().name(), Optional.of(contact))));
        }
        out.println(String.join(SEPARATOR, texts));
        PrivacyNoticeCheck.of(settings).forEach(line -> err.println("Check: " + line));
        return ExitCode.OK;
    }

    private Optional<List<Language>> languages(Language schoolDefault) {
        if (language == null) {
            return Optional.of(List.of(schoolDefault));
        }
        if (language.strip().equalsIgnoreCase(ALL)) {
            return Optional.of(Arrays.asList(Language.values()));
        }
        return Language.fromCode(language.strip()).map(List::of);
    }
}
