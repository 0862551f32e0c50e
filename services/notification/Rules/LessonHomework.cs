namespace Repitbot.Notification.Rules;

/// <summary>Homework set for a lesson, so the lesson's completion message can mention it.</summary>
public sealed class LessonHomework
{
    public Guid HomeworkId { get; set; }
    public Guid LessonId { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
}
