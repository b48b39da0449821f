package nl.classbridge.sandbox.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import nl.classbridge.discord.DiscordText;
import nl.classbridge.domain.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Discord messages as families see them on the sandbox page, and never a way into that page. */
class DiscordMarkdownTest {
    private static final String LINK = "\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">";
    /** Every tag the renderer may write. With these removed, no markup may be left. */
    private static final Pattern OWN_TAGS =
            Pattern.compile("</?(?:p|br|strong|em|u|s|code|pre|blockquote|ul|ol|li|h3|h4|h5|small|span|time|a)>"
                    + "|<span class=\"(?:spoiler|mention)\">|<small class=\"subtext\">|<ol start=\"\\d+\">"
                    + "|<code class=\"language-[\\w+\\-.#]+\">|<time datetime=\"[\\dT:Z-]+\">"
                    + "|<a href=\"https?://[^\"<>'\\s]+" + Pattern.quote(LINK));

    private static final Pattern BARE_AMPERSAND = Pattern.compile("&(?!amp;|lt;|gt;|quot;|#39;)");

    private static String html(String content) {
        return DiscordMarkdown.toHtml(content);
    }

    private static String paragraph(String inner) {
        return "<p>" + inner + "</p>\n";
    }

    private static String link(String href, String text) {
        return "<a href=\"" + href + LINK + text + "</a>";
    }

    /** Only our own tags, no stray {@code < > " '}, and every {@code &} starts an entity. */
    private static void assertSafe(String html) {
        String rest = OWN_TAGS.matcher(html).replaceAll("");
        assertThat(rest).doesNotContain("<", ">", "\"", "'");
        assertThat(BARE_AMPERSAND.matcher(rest).find())
                .as("a bare & in %s", rest)
                .isFalse();
    }

    /** The text a reader sees: line breaks kept, tags gone, entities decoded. */
    private static String visible(String html) {
        return html.replace("<br>\n", "\n")
                .replaceAll("<[^>]+>", "")
                .strip()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static String discord(String value, Language language) {
        return DiscordText.MARKDOWN.value(value, language.rightToLeft());
    }

    @Test
    @DisplayName("GIVEN each inline marker WHEN rendered THEN its HTML element")
    void inlineMarkers() {
        assertThat(html("**vet** *schuin* _schuin_ __onder__ ~~weg~~ `code` ||geheim||"))
                .isEqualTo(paragraph(
                        "<strong>vet</strong> <em>schuin</em> <em>schuin</em> <u>onder</u> <s>weg</s> <code>code</code>"
                                + " <span class=\"spoiler\">geheim</span>"));
    }

    @Test
    @DisplayName("GIVEN nested markers WHEN rendered THEN nested elements")
    void nesting() {
        assertThat(html("***vet en schuin***")).isEqualTo(paragraph("<strong><em>vet en schuin</em></strong>"));
        assertThat(html("**vet _schuin_**")).isEqualTo(paragraph("<strong>vet <em>schuin</em></strong>"));
        assertThat(html("*schuin **vet** schuin*")).isEqualTo(paragraph("<em>schuin <strong>vet</strong> schuin</em>"));
        assertThat(html("__*x*__ ||**y**|| ~~`z`~~"))
                .isEqualTo(paragraph(
                        "<u><em>x</em></u> <span class=\"spoiler\"><strong>y</strong></span> <s><code>z</code></s>"));
        assertThat(html("**__~~||*_zes diep_*||~~__**"))
                .isEqualTo(paragraph(
                        "<strong><u><s><span class=\"spoiler\"><em><em>zes diep</em></em></span></s></u></strong>"));
        assertThat(html("**over\ntwee regels**")).isEqualTo(paragraph("<strong>over<br>\ntwee regels</strong>"));
    }

    @Test
    @DisplayName("GIVEN markers that are not closed, or not markup in Discord WHEN rendered THEN they stay text")
    void unclosedMarkers() {
        for (String text : List.of(
                "**open",
                "*open",
                "_open",
                "__open",
                "~~open",
                "||open",
                "`open",
                "```open",
                "a * b * c",
                "2*3",
                "snake_case_name",
                "~enkel~ |enkel|",
                "****",
                "a ** b")) {
            assertThat(html(text)).as(text).isEqualTo(paragraph(text));
        }
        assertThat(html("**vet** en **open")).isEqualTo(paragraph("<strong>vet</strong> en **open"));
    }

    @Test
    @DisplayName("GIVEN inline code WHEN rendered THEN nothing inside is markup, and `` holds a `")
    void inlineCode() {
        assertThat(html("`**niet vet** <b> \\*`")).isEqualTo(paragraph("<code>**niet vet** &lt;b&gt; \\*</code>"));
        assertThat(html("``a`b``")).isEqualTo(paragraph("<code>a`b</code>"));
    }

    @Test
    @DisplayName("GIVEN masked, bare and <bracketed> web links WHEN rendered THEN links that open safely in a new tab")
    void links() {
        assertThat(html("[Rooster](https://school.example/rooster?klas=5&week=2)"))
                .isEqualTo(paragraph(link("https://school.example/rooster?klas=5&amp;week=2", "Rooster")));
        assertThat(html("[**Vet** rooster](https://school.example)"))
                .isEqualTo(paragraph(link("https://school.example", "<strong>Vet</strong> rooster")));
        assertThat(html("Kijk op https://school.example/nieuws. Of <https://school.example>!"))
                .isEqualTo(paragraph("Kijk op " + link("https://school.example/nieuws", "https://school.example/nieuws")
                        + ". Of " + link("https://school.example", "https://school.example") + "!"));
        assertThat(html("[Utrecht](https://nl.wikipedia.org/wiki/Utrecht_(stad))"))
                .isEqualTo(paragraph(link("https://nl.wikipedia.org/wiki/Utrecht_(stad)", "Utrecht")));
        assertThat(html("(zie http://school.example)"))
                .isEqualTo(paragraph("(zie " + link("http://school.example", "http://school.example") + ")"));
    }

    @Test
    @DisplayName("GIVEN links to javascript:, data: and the like WHEN rendered THEN no link at all, only text")
    void onlyWebLinks() {
        for (String text : List.of(
                "[klik](javascript:alert(1))",
                "[klik](JAVASCRIPT:alert(1))",
                "[klik](data:text/html;base64,PHNjcmlwdD4=)",
                "[klik](vbscript:msgbox)",
                "[klik](//evil.example)",
                "[klik]( javascript:alert(1))",
                "<javascript:alert(1)>",
                "javascript:alert(1)",
                "[klik](https://)")) {
            String html = html(text);
            assertThat(html).as(text).doesNotContain("<a ");
            assertSafe(html);
        }
        assertThat(html("[klik](javascript:alert(1))")).isEqualTo(paragraph("[klik](javascript:alert(1))"));
    }

    @Test
    @DisplayName(
            "GIVEN HTML and attribute breakers anywhere in a message WHEN rendered THEN all of it is shown as text")
    void hostileHtml() {
        for (String attack : List.of(
                "<script>alert('x')</script>",
                "\"><img src=x onerror=alert(1)>",
                "'><svg onload=alert(1)>",
                "[x](https://a.example\"onmouseover=\"alert(1))",
                "[x](https://a.example/'onmouseover='alert(1))",
                "[<img src=x>](https://a.example)",
                "<https://a.example\"onmouseover=alert(1)>",
                "https://a.example/?a=1&b=<script>",
                "**<b>vet</b>**",
                "`<script>`",
                "||<script>||",
                "# <script>",
                "-# <script>",
                "> <script>",
                ">>> <script>",
                "- <script>",
                "1. <script>",
                "```\"><script>\nalert(1)\n```",
                "```<script>\n</script>\n```",
                "<@1\"><script>",
                "<:x\"y:1>",
                "<t:1\"onload=x>",
                "&lt;script&gt;")) {
            String html = html(attack);
            assertSafe(html);
            assertThat(html).as(attack).doesNotContain("<script", "<img", "<svg", "<b>");
        }
        assertThat(html("<script>alert('x')</script>"))
                .isEqualTo(paragraph("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertThat(html("&lt;")).isEqualTo(paragraph("&amp;lt;"));
        assertThat(html("https://a.example/?a=1&b=<2>"))
                .isEqualTo(paragraph(
                        link("https://a.example/?a=1&amp;b=", "https://a.example/?a=1&amp;b=") + "&lt;2&gt;"));
    }

    @Test
    @DisplayName("GIVEN Discord's backslash escapes WHEN rendered THEN the character itself, which starts no markup")
    void backslashEscapes() {
        assertThat(html("\\*niet schuin\\* \\_ook niet\\_ \\~~nee~~ \\`geen code\\` \\||geen spoiler||"))
                .isEqualTo(paragraph("*niet schuin* _ook niet_ ~~nee~~ `geen code` ||geen spoiler||"));
        assertThat(html("\\[tekst\\](https://a.example) \\<@1> \\\\ \\: \\é"))
                .isEqualTo(
                        paragraph("[tekst](" + link("https://a.example", "https://a.example") + ") &lt;@1&gt; \\ : é"));
        assertThat(html("C:\\Users\\noor en \\ spatie"))
                .as("before a letter or a space a backslash is text")
                .isEqualTo(paragraph("C:\\Users\\noor en \\ spatie"));
        assertThat(html("\\# geen kop\n\\-# geen subtext\n\\> geen citaat\n\\>>> ook niet\n\\- geen lijst\n"
                        + "1\\. geen lijst\n\\```"))
                .isEqualTo(paragraph(
                        "# geen kop<br>\n-# geen subtext<br>\n&gt; geen citaat<br>\n&gt;&gt;&gt; ook niet<br>\n- geen lijst<br>\n"
                                + "1. geen lijst<br>\n```"));
    }

    @Test
    @DisplayName("GIVEN values escaped by the Discord renderer WHEN rendered THEN exactly what was typed,"
            + " alone and inside the template's own bold")
    void escapedValuesRoundTrip() {
        for (String value : List.of(
                "*Noor*_",
                "${env:X}",
                "<b>",
                "Noor_",
                "Noor*",
                "x_y en z_",
                "snake_case_name",
                "**vet** __onder__ ~~weg~~ ||geheim|| `code` ***beide*** _schuin_",
                "2 * 3 * 4",
                "~tilde~ |pipe|",
                "# Kop\n## Kop\n-# klein\n> citaat\n>>> alles\n- lijst\n1. een",
                "[klik](https://x.example)",
                "'enkel' \"dubbel\" & <tag>",
                "``twee`` ```drie```",
                "* ster\n+ plus\n  - in",
                "Noor\\",
                "\\*x \\\\ C:\\Users",
                "`*x*`",
                "Mila_",
                "@everyone <@1> <@&2> <t:1>",
                "https://x.example/a_b_c",
                "zie https://x.example/*a*.")) {
            String escaped = discord(value, Language.NL);
            String alone = html(escaped);
            assertThat(visible(alone)).as(escaped).isEqualTo(value);
            assertThat(alone.replaceAll("</?p>|<br>|<a [^>]+>|</a>", ""))
                    .as(escaped)
                    .doesNotContain("<");
            String bold = html("Hallo **" + escaped + "**!");
            assertThat(bold).as(escaped).startsWith("<p>Hallo <strong>").endsWith("</strong>!</p>\n");
            assertThat(visible(bold)).isEqualTo("Hallo " + value + "!");
        }
    }

    @Test
    @DisplayName("GIVEN an Arabic text with values in direction isolates WHEN rendered THEN the isolates are kept")
    void directionIsolates() {
        String name = discord("*Noor*", Language.AR);
        assertThat(name).startsWith("\u2068").endsWith("\u2069");
        assertThat(html("مرحبا **" + name + "**")).isEqualTo(paragraph("مرحبا <strong>\u2068*Noor*\u2069</strong>"));
        assertThat(html("\u2068https://school.example\u2069"))
                .isEqualTo(paragraph("\u2068" + link("https://school.example", "https://school.example") + "\u2069"));
    }

    @Test
    @DisplayName(
            "GIVEN # ## ### and -# lines WHEN rendered THEN h3 h4 h5 and subtext; #### and #without-space are text")
    void headingsAndSubtext() {
        assertThat(html("# Een\n## Twee\n### Drie *schuin*\n-# klein\n#### Vier\n#geen"))
                .isEqualTo(
                        "<h3>Een</h3>\n<h4>Twee</h4>\n<h5>Drie <em>schuin</em></h5>\n<p><small class=\"subtext\">klein</small></p>\n"
                                + paragraph("#### Vier<br>\n#geen"));
    }

    @Test
    @DisplayName("GIVEN > lines WHEN rendered THEN one blockquote per run of lines; >>> quotes the rest of the message")
    void quotes() {
        assertThat(html("> een\n> **twee**\nnormaal\n> drie"))
                .isEqualTo("<blockquote>\n" + paragraph("een<br>\n<strong>twee</strong>") + "</blockquote>\n"
                        + paragraph("normaal") + "<blockquote>\n" + paragraph("drie") + "</blockquote>\n");
        assertThat(html("intro\n>>> een\n\n# kop\n> geen quote in een quote"))
                .isEqualTo(paragraph("intro")
                        + "<blockquote>\n" + paragraph("een") + "<h3>kop</h3>\n"
                        + paragraph("&gt; geen quote in een quote")
                        + "</blockquote>\n");
        assertThat(html(">geen\n>> ook geen")).isEqualTo(paragraph("&gt;geen<br>\n&gt;&gt; ook geen"));
    }

    @Test
    @DisplayName("GIVEN - * and 1. lines WHEN rendered THEN ul and ol (starting at the first number)")
    void lists() {
        assertThat(html("Zo doe je mee:\n- een\n* twee\n3. drie\n4. vier\nklaar"))
                .isEqualTo(paragraph("Zo doe je mee:")
                        + "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>\n<ol start=\"3\">\n<li>drie</li>\n<li>vier</li>\n</ol>\n"
                        + paragraph("klaar"));
        assertThat(html("1. Open Discord.\n2. Typ: /join code:ABC"))
                .isEqualTo("<ol start=\"1\">\n<li>Open Discord.</li>\n<li>Typ: /join code:ABC</li>\n</ol>\n");
        assertThat(html("*schuin*\n-geen lijst")).isEqualTo(paragraph("<em>schuin</em><br>\n-geen lijst"));
    }

    @Test
    @DisplayName("GIVEN ``` code blocks WHEN rendered THEN pre/code with the text escaped and no markup inside")
    void codeBlocks() {
        assertThat(html("Voorbeeld:\n```java\nif (a < b && **c**) {\n}\n```\nna"))
                .isEqualTo(paragraph("Voorbeeld:")
                        + "<pre><code class=\"language-java\">if (a &lt; b &amp;&amp; **c**) {\n}</code></pre>\n"
                        + paragraph("na"));
        assertThat(html("```\n\n# geen kop\n> geen quote\n\n```"))
                .isEqualTo("<pre><code># geen kop\n&gt; geen quote</code></pre>\n");
        assertThat(html("```één regel```")).isEqualTo("<pre><code>één regel</code></pre>\n");
        assertThat(html("```\nnooit gesloten\n**vet**"))
                .isEqualTo(paragraph("```<br>\nnooit gesloten<br>\n<strong>vet</strong>"));
    }

    @Test
    @DisplayName(
            "GIVEN lines and blank lines, with Windows line ends WHEN rendered THEN paragraphs with <br> between lines")
    void paragraphs() {
        assertThat(html("een\r\ntwee\r\n\r\n\r\ndrie")).isEqualTo(paragraph("een<br>\ntwee") + paragraph("drie"));
        assertThat(html("")).isEmpty();
        assertThat(html("\n \n")).isEmpty();
    }

    @Test
    @DisplayName(
            "GIVEN mentions, custom emoji and timestamps WHEN rendered THEN labels, :name: and a <time>; ids unresolved")
    void mentionsEmojiAndTimestamps() {
        assertThat(html("<@123> <@!123> <@&456> <#789> @everyone"))
                .isEqualTo(paragraph("<span class=\"mention\" data-user=\"123\">@user</span>"
                        + " <span class=\"mention\" data-user=\"123\">@user</span>"
                        + " <span class=\"mention\">@role</span> <span class=\"mention\">#channel</span> @everyone"));
        assertThat(html("<:duim:123> <a:zwaai:456> <t:1700000000:F>"))
                .isEqualTo(paragraph(
                        ":duim: :zwaai: <time datetime=\"2023-11-14T22:13:20Z\">2023-11-14T22:13:20Z</time>"));
        assertThat(html("<@noor> <:x:> <t:soon>")).isEqualTo(paragraph("&lt;@noor&gt; &lt;:x:&gt; &lt;t:soon&gt;"));
    }

    @ParameterizedTest(name = "[{0}] repeated")
    @ValueSource(
            strings = {
                "*",
                "_",
                "**",
                "__",
                "~",
                "|",
                "`",
                "\\",
                "[",
                "<",
                "*a ",
                "_a ",
                "a_ ",
                "[a](",
                "[a](https://x.example",
                "<@",
                "<https://",
                "https://x.example/",
                "**__~~||",
                "`` ` ```",
                "> ",
                "# ",
                "- ",
                "1. ",
                "```\n",
                "\n",
                "*a\n",
                "<script>\"'&",
                "[x](javascript:alert(1))",
                "*a **b ",
                "a\\*",
                "((((",
                "<t:1"
            })
    @Timeout(5)
    @DisplayName("GIVEN 100,000 characters of one hostile pattern WHEN rendered THEN it finishes quickly and safely")
    void hostileLongInput(String unit) {
        assertSafe(html(unit.repeat(100_000 / unit.length())));
    }

    @Test
    @Timeout(5)
    @DisplayName("GIVEN 100,000 characters of markers opened 30,000 times before any closes WHEN rendered"
            + " THEN it finishes quickly and safely")
    void deeplyNested() {
        String html = html("**__~~||*_".repeat(5_000) + "x" + "_*||~~__**".repeat(5_000));
        assertSafe(html);
        assertThat(visible(html)).contains("x");
    }

    @Test
    @Timeout(5)
    @DisplayName(
            "GIVEN 100,000 random characters from Discord's markup WHEN rendered THEN it finishes quickly and safely")
    void randomMarkup() {
        Random random = new Random(7);
        String alphabet = "*_~|`\\[]()<>@#:!&\"' \nhtps/-1.a";
        StringBuilder text = new StringBuilder();
        while (text.length() < 100_000) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        assertSafe(html(text.toString()));
    }

    @Test
    @DisplayName("GIVEN a class update as UpdatePost composes it WHEN rendered THEN bold title and headings,"
            + " bullets on their own lines, and the teacher's words exactly as typed")
    void classUpdate() {
        String post = String.join(
                "\n\n",
                "**" + discord("Groep 5", Language.NL) + ": wat ging er goed? (vrijdag 23 oktober 2026)**",
                "Hallo allemaal! 🌱 Hier is een kijkje in de klas. Dit ging de laatste tijd goed:",
                "**Wat we leerden**\n• "
                        + discord("We lazen *Pluk van de Petteflet* en schreven een <b>gedicht</b>", Language.NL)
                        + "\n• " + discord("De tafel van 7 zit erin", Language.NL),
                "**Om te vieren 🎉**\n• "
                        + discord("Mila is jarig: **8** jaar! Foto's: https://school.example/foto_s", Language.NL),
                "Fijn dat jullie met ons meekijken! Heb je een vraag, of wil je iets moois delen? Je bent altijd welkom."
                        + "\n\nHartelijke groet,\n" + discord("Juf Anna", Language.NL));
        String html = html(post);
        assertThat(html)
                .isEqualTo(paragraph("<strong>Groep 5: wat ging er goed? (vrijdag 23 oktober 2026)</strong>")
                        + paragraph("Hallo allemaal! 🌱 Hier is een kijkje in de klas. Dit ging de laatste tijd goed:")
                        + paragraph("<strong>Wat we leerden</strong><br>\n"
                                + "• We lazen *Pluk van de Petteflet* en schreven een &lt;b&gt;gedicht&lt;/b&gt;<br>\n"
                                + "• De tafel van 7 zit erin")
                        + paragraph("<strong>Om te vieren 🎉</strong><br>\n• Mila is jarig: **8** jaar! Foto&#39;s: "
                                + link("https://school.example/foto_s", "https://school.example/foto_s"))
                        + paragraph("Fijn dat jullie met ons meekijken! Heb je een vraag, of wil je iets moois delen?"
                                + " Je bent altijd welkom.")
                        + paragraph("Hartelijke groet,<br>\nJuf Anna"));
        assertSafe(html);
    }
}
