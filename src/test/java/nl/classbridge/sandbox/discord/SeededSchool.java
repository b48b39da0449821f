package nl.classbridge.sandbox.discord;

/** A school guild with a class channel, a teacher role, a teacher and two parents, on a fresh local server. */
final class SeededSchool implements AutoCloseable {
    final LocalDiscord discord = LocalDiscord.start();
    final LocalUser teacher = discord.addUser("juf.anna");
    final LocalUser parent = discord.addUser("papa.sam");
    final LocalUser otherParent = discord.addUser("mama.mila");
    final LocalGuild school = discord.addGuild("De Regenboog", discord.addUser("ict.beheer"));
    final LocalChannel groep5 = school.addTextChannel("groep-5");
    final LocalRole teacherRole = school.addRole("Leerkracht", Permissions.MANAGE_SERVER);

    SeededSchool() {
        school.addMember(teacher, teacherRole);
        school.addMember(parent);
        school.addMember(otherParent);
    }

    @Override
    public void close() {
        discord.close();
    }
}
