using Repitbot.Contracts;

namespace Repitbot.Notification.Templates;

/// <summary>Every notification the service knows, with the variables its templates may use.</summary>
public static class NotificationTypes
{
    public const string LessonScheduled = NotificationTypeNames.LessonScheduled;
    public const string LessonRescheduled = NotificationTypeNames.LessonRescheduled;
    public const string LessonCancelled = NotificationTypeNames.LessonCancelled;
    public const string LessonReminder = NotificationTypeNames.LessonReminder;
    public const string LessonCompleted = NotificationTypeNames.LessonCompleted;
    public const string HomeworkAssigned = NotificationTypeNames.HomeworkAssigned;
    public const string HomeworkGraded = NotificationTypeNames.HomeworkGraded;
    public const string PaymentReceived = NotificationTypeNames.PaymentReceived;
    public const string BalanceLow = NotificationTypeNames.BalanceLow;
    public const string StudentLinked = NotificationTypeNames.StudentLinked;
    public const string MaterialShared = NotificationTypeNames.MaterialShared;
    public const string Test = NotificationTypeNames.Test;
    public const string Digest = NotificationTypeNames.Digest;

    private static readonly TemplateVariable Recipient = new("recipient_name", "Who reads the message", "Анна");
    private static readonly TemplateVariable Student = new("student_name", "The student", "Дима Орлов");
    private static readonly TemplateVariable Reader = new("reader",
        "Who reads it: student (speak to them as \"you\"), parent or tutor (name the student)", "parent");
    private static readonly List<Dictionary<string, object?>> DigestSample =
    [
        new() { ["subject"] = "Новый материал: Таблица глаголов", ["text"] = "Вам доступен материал «Таблица глаголов»." },
    ];

    private static readonly TemplateVariable LessonTime = new("lesson_time", "Lesson start in the reader's time zone", "1 марта 2026, 18:00");

    public static readonly IReadOnlyList<NotificationType> All =
    [
        new(LessonScheduled, "A lesson was scheduled",
            [Recipient, Student, Reader, LessonTime, new("duration_minutes", "Length in minutes", 60), new("subject", "Subject, may be empty", "Математика")]),
        new(LessonRescheduled, "A lesson moved",
            [Recipient, Student, Reader, new("previous_time", "The old start", "28 февраля 2026, 18:00"), LessonTime, new("duration_minutes", "Length in minutes", 60)]),
        new(LessonCancelled, "A lesson was cancelled",
            [Recipient, Student, Reader, LessonTime, new("reason", "Why", "Болезнь"), new("cancelled_by", "tutor, student, parent or system", "tutor")]),
        new(LessonReminder, "A lesson starts soon",
            [Recipient, Student, Reader, LessonTime, new("time_before", "Time until the start in the reader's language: hours and minutes", "1\u00A0ч 30\u00A0мин"),
             new("hours_before", "Hours until the start, a number (time_before reads better under an hour)", 24)]),
        new(LessonCompleted, "A lesson was taught or missed",
            [Recipient, Student, Reader, new("lesson_date", "When the lesson was to start (else when it was recorded), in the reader's time zone", "1 марта 2026, 18:00"), new("minutes", "Minutes taught", 60),
             new("no_show", "The student did not come", false), new("subject", "Subject, may be empty", "Математика"),
             new("homework", "Homework set for this lesson before it was completed, may be empty", "Упражнения 1–5")]),
        new(HomeworkAssigned, "Homework was set",
            [Recipient, Student, Reader, new("title", "The assignment", "Упражнения 1–5"), new("due_date", "Deadline, may be empty", "3 марта 2026, 20:00")]),
        new(HomeworkGraded, "Homework was graded",
            [Recipient, Student, Reader, new("score", "0 to 100", 90), new("comment", "Tutor's comment, may be empty", "Отлично")]),
        new(PaymentReceived, "A payment receipt",
            [Recipient, Student, Reader, new("amount", "Amount with currency", "2\u00A0000,00\u00A0₽"), new("lessons_covered", "Lessons paid for", 2)],
            Channels: ChannelPolicy.All),
        new(BalanceLow, "The prepaid balance is running out",
            [Recipient, Student, Reader, new("balance", "Balance with currency", "500,00\u00A0₽"), new("lessons_remaining", "Lessons left", 1)]),
        new(StudentLinked, "A new student was linked to the tutor", [Recipient, Student]),
        new(MaterialShared, "A material was shared",
            [Recipient, new("title", "The material", "Таблица неправильных глаголов"), new("url", "Link, may be empty", "https://example.org/verbs.pdf")],
            Priority.Low),
        new(Test, "A test notification", [Recipient]),
        new(Digest, "The daily digest of low-priority notifications",
            [Recipient, new("count", "How many notifications", 2), new("items", "Each with subject and text", DigestSample)]),
    ];

    private static readonly Dictionary<string, NotificationType> ByKey = All.ToDictionary(t => t.Key);

    public static NotificationType? Find(string key) => ByKey.GetValueOrDefault(key);
}
