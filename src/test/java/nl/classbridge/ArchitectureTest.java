package nl.classbridge;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import nl.classbridge.mail.reply.MailBody;
import nl.classbridge.messages.TextRenderer;

/**
 * The shape of ClassBridge, checked on the compiled main code (tests may use anything).
 *
 * <ul>
 *   <li><b>The core</b>: {@code domain}, {@code store}, {@code roster}, {@code updates},
 *       {@code checkin}, {@code conversations}, {@code agreements}, {@code prep}, {@code privacy},
 *       {@code preferences}, {@code health}, {@code delivery} and {@code messages}, with the two foundations every part
 *       may use, {@code config} (the settings) and {@code logs} (failures in the log without
 *       personal data). The core knows no adapter and none of the libraries adapters translate:
 *       JDA, Jakarta Mail (and Angus, its implementation), Javalin, GreenMail, jsoup, DeepL's client.</li>
 *   <li><b>The adapters</b> translate between the core and the world: {@code discord} (JDA),
 *       {@code mail} (SMTP, IMAP, reading mail), {@code ops} (the health endpoint on the JDK's HTTP
 *       server), {@code translators} (LibreTranslate and DeepL behind the core's translation port)
 *       and {@code sandbox} (the local Discord-compatible server, the local mail server and
 *       the sandbox's web page). An adapter does not use another
 *       adapter; they meet in the core. Two exceptions are on purpose and named here: the sandbox's
 *       own start-up ({@code nl.classbridge.sandbox}, not its sub-packages) wires the real bot
 *       through the composition root, as {@code run} does; and the sandbox's mail program reads mail
 *       with the bot's charset rule ({@link MailBody#decode}), so the page and the bot read the same
 *       bytes as the same characters. The bot's adapters use the local Discord server only in
 *       tests.</li>
 *   <li><b>The outer shell</b>: {@code cli} and the composition root {@link ClassBridge} (with
 *       {@link nl.classbridge.cli.Main}) may use everything; nothing but the shell and the sandbox's
 *       start-up uses them.</li>
 *   <li>The core composes texts with their structure and renders none: every
 *       {@link TextRenderer} but the walk itself is an adapter's (Discord's Markdown, an email's
 *       parts, the sandbox page's texts).</li>
 *   <li>No package cycles: every package, sub-packages counted on their own.</li>
 * </ul>
 */
@AnalyzeClasses(packages = "nl.classbridge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String[] CORE = {
        "nl.classbridge.domain..", "nl.classbridge.store..", "nl.classbridge.roster..",
        "nl.classbridge.updates..", "nl.classbridge.checkin..", "nl.classbridge.delivery..",
        "nl.classbridge.messages..", "nl.classbridge.config..", "nl.classbridge.logs..",
        "nl.classbridge.conversations..", "nl.classbridge.agreements..", "nl.classbridge.prep..",
        "nl.classbridge.privacy..", "nl.classbridge.preferences..", "nl.classbridge.health..",
        "nl.classbridge.translation.."
    };
    static final String DISCORD = "nl.classbridge.discord..";
    static final String MAIL = "nl.classbridge.mail..";
    static final String SANDBOX = "nl.classbridge.sandbox..";
    static final String OPS = "nl.classbridge.ops..";
    static final String TRANSLATORS = "nl.classbridge.translators..";
    static final String CLI = "nl.classbridge.cli..";
    /** The libraries only adapters may use: Discord, mail, the web server, the local mail server, HTML of mail. */
    static final String[] ADAPTER_LIBRARIES = {
        "net.dv8tion..",
        "jakarta.mail..",
        "org.eclipse.angus..",
        "io.javalin..",
        "com.icegreen..",
        "org.jsoup..",
        "com.sun.net.httpserver..",
        "com.deepl.."
    };

    @ArchTest
    static final ArchRule coreKnowsNoAdapter = noClasses()
            .that()
            .resideInAnyPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(DISCORD, MAIL, SANDBOX, OPS, TRANSLATORS, CLI)
            .orShould()
            .dependOnClassesThat()
            .belongToAnyOf(ClassBridge.class)
            .because("the core is the school's rules; Discord, mail, the sandbox, the health endpoint and the"
                    + " translators are ways in and out");

    @ArchTest
    static final ArchRule coreKnowsNoAdapterLibrary = noClasses()
            .that()
            .resideInAnyPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ADAPTER_LIBRARIES)
            .because("JDA, Jakarta Mail, Javalin, GreenMail and jsoup are the adapters' to translate");

    @ArchTest
    static final ArchRule discordUsesNoOtherAdapter = noClasses()
            .that()
            .resideInAPackage(DISCORD)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(MAIL, SANDBOX, OPS, TRANSLATORS, CLI)
            .orShould()
            .dependOnClassesThat()
            .belongToAnyOf(ClassBridge.class)
            .because("the Discord adapter meets mail only in the core, and the local Discord server only in tests");

    @ArchTest
    static final ArchRule mailUsesNoOtherAdapter = noClasses()
            .that()
            .resideInAPackage(MAIL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(DISCORD, SANDBOX, OPS, TRANSLATORS, CLI)
            .orShould()
            .dependOnClassesThat()
            .belongToAnyOf(ClassBridge.class)
            .because("the mail adapter meets Discord only in the core, and the local mail server only in tests");

    @ArchTest
    static final ArchRule healthEndpointUsesNoOtherAdapter = noClasses()
            .that()
            .resideInAPackage(OPS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(DISCORD, MAIL, SANDBOX, TRANSLATORS, CLI)
            .orShould()
            .dependOnClassesThat()
            .belongToAnyOf(ClassBridge.class)
            .because("the health endpoint serves the core's health check and knows nothing else");

    @ArchTest
    static final ArchRule translatorsUseNoOtherAdapter = noClasses()
            .that()
            .resideInAPackage(TRANSLATORS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(DISCORD, MAIL, SANDBOX, OPS, CLI)
            .orShould()
            .dependOnClassesThat()
            .belongToAnyOf(ClassBridge.class)
            .because("the translators implement the core's Translator port and know nothing else");

    @ArchTest
    static final ArchRule localServersUseNoBotAdapter = noClasses()
            .that()
            .resideInAnyPackage(
                    "nl.classbridge.sandbox.discord..",
                    "nl.classbridge.sandbox.mail..",
                    "nl.classbridge.sandbox.page..")
            .should()
            .dependOnClassesThat(resideInAnyPackage(DISCORD, MAIL, CLI).and(not(belongToAnyOf(MailBody.class))))
            .because("the local servers stand in for Discord and the families' mail program: they know the bot"
                    + " only from the outside (but for the charset rule the mail program shares with the bot)");

    @ArchTest
    static final ArchRule sandboxStartUpWiresOnlyThroughTheRoot = noClasses()
            .that()
            .resideInAPackage("nl.classbridge.sandbox")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(DISCORD, MAIL, CLI)
            .because("the sandbox starts the real bot as 'run' does, through the composition root");

    @ArchTest
    static final ArchRule renderersAreAdapters = noClasses()
            .that()
            .areAssignableTo(TextRenderer.class)
            .and()
            .doNotBelongToAnyOf(TextRenderer.class)
            .should()
            .resideInAnyPackage(CORE)
            .because("the core composes texts and renders none: Discord's Markdown, an email's plain part, HTML part"
                    + " and headers, and the sandbox page's texts are each their adapter's");

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().assignedFrom(new EachPackage()).should().beFreeOfCycles();

    /** Every package is a slice of its own: {@code discord} and {@code discord.checkin} are two. */
    static final class EachPackage implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return javaClass.getPackageName().startsWith("nl.classbridge")
                    ? SliceIdentifier.of(javaClass.getPackageName())
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every package of ClassBridge";
        }
    }
}
