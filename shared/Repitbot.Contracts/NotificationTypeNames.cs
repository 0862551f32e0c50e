namespace Repitbot.Contracts;

/// <summary>
/// The names of the notifications the notification service sends, as its preferences
/// (<c>optedOutTypes</c>) and templates know them; the bot offers the switchable ones as toggles.
/// </summary>
public static class NotificationTypeNames
{
    public const string LessonScheduled = "lesson-scheduled";
    public const string LessonRescheduled = "lesson-rescheduled";
    public const string LessonCancelled = "lesson-cancelled";
    public const string LessonReminder = "lesson-reminder";
    public const string LessonCompleted = "lesson-completed";
    public const string HomeworkAssigned = "homework-assigned";
    public const string HomeworkGraded = "homework-graded";
    public const string PaymentReceived = "payment-received";
    public const string BalanceLow = "balance-low";
    public const string StudentLinked = "student-linked";
    public const string MaterialShared = "material-shared";
    public const string Test = "test";
    public const string Digest = "digest";

    /// <summary>
    /// The ones a person may switch off. The test notification always goes out; the digest has its own switch.
    /// </summary>
    public static readonly IReadOnlyList<string> Switchable =
    [
        LessonScheduled, LessonRescheduled, LessonCancelled, LessonReminder, LessonCompleted,
        HomeworkAssigned, HomeworkGraded, PaymentReceived, BalanceLow, StudentLinked, MaterialShared,
    ];
}
