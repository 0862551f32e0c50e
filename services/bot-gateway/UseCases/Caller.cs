namespace Repitbot.BotGateway.UseCases;

/// <summary>
/// Who acts: a tutor (REST, or the tutor in the bot) on their own students, or a student in the bot on
/// their own homework and materials.
/// </summary>
public readonly record struct Caller(Guid? TutorId, Guid? StudentId)
{
    public static Caller Tutor(Guid tutorId) => new(tutorId, null);

    public static Caller Student(Guid studentId) => new(null, studentId);
}
