namespace Repitbot.Notification.People;

/// <summary>Who taught whom when, and the student's parent: closed, never deleted.</summary>
public sealed class TutorStudentLink
{
    public Guid LinkId { get; set; }
    public Guid TutorId { get; set; }
    public Guid StudentId { get; set; }
    public Guid? ParentId { get; set; }
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset? ValidTo { get; set; }
}
