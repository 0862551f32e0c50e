namespace Repitbot.BotGateway.UseCases;

public enum FailureKind { Invalid, NotFound, Conflict, Forbidden }

/// <summary>
/// Why an action was refused: <see cref="Field"/> is the request's JSON name, <see cref="Code"/> lets the
/// bot say it in the user's language, <see cref="Message"/> is the English text REST clients see.
/// </summary>
public sealed record Failure(FailureKind Kind, string Field, string Code, string Message)
{
    public static Failure Invalid(string field, string message) => new(FailureKind.Invalid, field, "invalid", message);

    public static Failure StudentNotLinked(Guid studentId) =>
        new(FailureKind.NotFound, "studentId", "student_not_linked", $"Student {studentId} is not linked to this tutor.");

    public static Failure NotFound(string field, string code, string message) => new(FailureKind.NotFound, field, code, message);

    public static Failure Conflict(string field, string code, string message) => new(FailureKind.Conflict, field, code, message);
}

/// <summary>What a use case did: recorded a new event, found the same one already recorded, or refused.</summary>
public sealed record Outcome<TEvent>(TEvent? Event, bool Replayed, Failure? Failure)
    where TEvent : class
{
    public static implicit operator Outcome<TEvent>(Failure failure) => new(null, false, failure);
}

public static class Outcome
{
    public static Outcome<TEvent> Recorded<TEvent>(TEvent e)
        where TEvent : class => new(e, false, null);

    public static Outcome<TEvent> Replay<TEvent>(TEvent e)
        where TEvent : class => new(e, true, null);
}
