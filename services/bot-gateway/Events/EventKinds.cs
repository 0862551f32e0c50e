namespace Repitbot.BotGateway.Events;

/// <summary>The routes under /api/v1/events, also the <c>kind</c> in every answer.</summary>
public static class EventKinds
{
    public const string LessonScheduled = "lessons/scheduled";
    public const string LessonRescheduled = "lessons/rescheduled";
    public const string LessonCancelled = "lessons/cancelled";
    public const string LessonCompleted = "lessons/completed";
    public const string HomeworkAssigned = "homework/assigned";
    public const string HomeworkSubmitted = "homework/submitted";
    public const string HomeworkGraded = "homework/graded";
    public const string PaymentReceived = "payments/received";
    public const string PaymentRefunded = "payments/refunded";
    public const string MaterialShared = "materials/shared";
    public const string MaterialViewed = "materials/viewed";

    public static readonly IReadOnlyList<string> All =
    [
        LessonScheduled, LessonRescheduled, LessonCancelled, LessonCompleted, HomeworkAssigned, HomeworkSubmitted,
        HomeworkGraded, PaymentReceived, PaymentRefunded, MaterialShared, MaterialViewed,
    ];
}
