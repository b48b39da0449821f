package nl.classbridge.sandbox.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30) // a hang in the client or server must fail the run, not stall it
class LoginTest {
    LocalDiscord discord;
    LocalUser teacher;
    LocalUser parent;
    LocalGuild school;
    LocalChannel groep5;
    LocalRole teacherRole;

    @BeforeEach
    void seed() {
        discord = LocalDiscord.start();
        teacher = discord.addUser("juf.anna");
        parent = discord.addUser("papa.sam");
        school = discord.addGuild("De Regenboog", teacher);
        groep5 = school.addTextChannel("groep-5");
        teacherRole = school.addRole("Leerkracht", Permissions.MANAGE_SERVER);
        school.addMember(teacher, teacherRole);
        school.addMember(parent);
    }

    @AfterEach
    void stop() {
        discord.close();
    }

    @Test
    @DisplayName("the real JDA logs in on loopback and sees the seeded guild, channel and roles")
    void logsIn() throws Exception {
        try (TestBot bot = TestBot.login(discord)) {
            bot.jda.awaitReady();
            assertThat(bot.jda.getStatus()).isEqualTo(JDA.Status.CONNECTED);
            assertThat(bot.jda.getSelfUser().getIdLong())
                    .isEqualTo(discord.bot().id());
            assertThat(bot.jda.getSelfUser().getApplicationIdLong()).isEqualTo(discord.applicationId());

            Guild guild = bot.jda.getGuildById(school.id());
            assertThat(guild).isNotNull();
            assertThat(guild.getName()).isEqualTo("De Regenboog");
            assertThat(guild.getTextChannels())
                    .extracting(channel -> channel.getIdLong())
                    .containsExactly(groep5.id());
            assertThat(guild.getRoleById(teacherRole.id()).getName()).isEqualTo("Leerkracht");
            assertThat(guild.getSelfMember()
                            .hasPermission(
                                    guild.getTextChannelById(groep5.id()), net.dv8tion.jda.api.Permission.MESSAGE_SEND))
                    .isTrue();

            Member member = guild.retrieveMemberById(teacher.id()).complete();
            assertThat(member.getRoles()).extracting(role -> role.getIdLong()).containsExactly(teacherRole.id());
            assertThat(member.isOwner()).isTrue();

            assertThat(discord.gatewayLogins())
                    .singleElement()
                    .satisfies(login -> assertThat(login.resume()).isFalse());
            assertThat(discord.restCalls())
                    .allSatisfy(call -> assertThat(call.status()).isLessThan(400));
            assertThat(discord.restUrl()).startsWith("http://127.0.0.1:");
        }
    }

    @Test
    @DisplayName("with the GUILD_MEMBERS intent the guild arrives with all its members")
    void membersWithIntent() throws Exception {
        EnumSet<GatewayIntent> intents = EnumSet.copyOf(TestBot.INTENTS);
        intents.add(GatewayIntent.GUILD_MEMBERS);
        try (TestBot bot =
                TestBot.login(discord, intents, builder -> builder.setMemberCachePolicy(MemberCachePolicy.ALL))) {
            bot.jda.awaitReady();
            Guild guild = bot.jda.getGuildById(school.id());
            assertThat(guild.getMembers())
                    .extracting(Member::getIdLong)
                    .containsExactlyInAnyOrder(discord.bot().id(), teacher.id(), parent.id());
        }
    }

    @Test
    @DisplayName("a route the server does not know is answered 404 with a Discord error and recorded")
    void unknownRoute() throws Exception {
        try (TestBot bot = TestBot.login(discord)) {
            bot.jda.awaitReady();
            var failure = org.assertj.core.api.Assertions.catchThrowable(
                    () -> bot.jda.retrieveNitroStickerPacks().complete());
            assertThat(failure).isInstanceOf(net.dv8tion.jda.api.exceptions.ErrorResponseException.class);
            assertThat(discord.restCalls()).anySatisfy(call -> {
                assertThat(call.status()).isEqualTo(404);
                assertThat(call.route()).isEqualTo("sticker-packs");
            });
        }
    }
}
