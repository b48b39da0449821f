package nl.classbridge.store;

/** Every repository over one database, made once at start-up and handed to whoever needs them. */
public record Repositories(
        Database database,
        SchoolClassRepository classes,
        ClassTeacherRepository classTeachers,
        StudentRepository students,
        GuardianRepository guardians,
        InviteRepository invites,
        JoinAttemptRepository joinAttempts,
        HighlightRepository highlights,
        UpdateScheduleRepository schedules,
        QuestionnaireRepository questionnaires,
        CheckinRepository checkins,
        ConversationRepository conversations,
        AgreementRepository agreements,
        DeliveryRepository deliveries,
        MailSeenRepository mailSeen,
        ReplyTokenRepository replyTokens,
        ConfirmationRepository confirmations,
        TranslationCacheRepository translations,
        AuditLog auditLog) {

    public static Repositories over(Database database) {
        return new Repositories(
                database,
                new SchoolClassRepository(database),
                new ClassTeacherRepository(database),
                new StudentRepository(database),
                new GuardianRepository(database),
                new InviteRepository(database),
                new JoinAttemptRepository(database),
                new HighlightRepository(database),
                new UpdateScheduleRepository(database),
                new QuestionnaireRepository(database),
                new CheckinRepository(database),
                new ConversationRepository(database),
                new AgreementRepository(database),
                new DeliveryRepository(database),
                new MailSeenRepository(database),
                new ReplyTokenRepository(database),
                new ConfirmationRepository(database),
                new TranslationCacheRepository(database),
                new AuditLog(database));
    }
}
