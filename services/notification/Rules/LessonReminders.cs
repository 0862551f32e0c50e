using System.Globalization;
using Microsoft.Extensions.Options;
using Repitbot.Notification.Data;
using Repitbot.Notification.Delivery;
using Repitbot.Notification.Planning;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Rules;

/// <summary>
/// Reminders before a lesson are rows due at start − offset in the durable schedule; a moved or cancelled
/// lesson withdraws those still waiting.
/// </summary>
public sealed class LessonReminders(NotificationPlanner planner, NotificationDb db, TimeProvider clock, IOptions<RuleOptions> options)
{
    public static string Group(Guid lessonId) => $"lesson:{lessonId:N}";

    public async Task ScheduleAsync(Guid eventId, Guid lessonId, DateTimeOffset startsAt, DateTimeOffset occurredAt,
        IReadOnlyList<Guid> audience, Guid studentId, string studentName, CancellationToken cancellationToken)
    {
        foreach (var offset in options.Value.Reminders)
        {
            var due = startsAt - offset;
            if (due <= clock.GetUtcNow())
            {
                continue;
            }

            await planner.PlanAsync(new PlannedNotification($"{eventId:N}:{offset.TotalMinutes:0}m", NotificationTypes.LessonReminder,
                occurredAt, audience, r => new()
                {
                    ["student_name"] = studentName, ["reader"] = r.RelationTo(studentId),
                    ["lesson_time"] = r.Time(startsAt),
                    ["time_before"] = ReaderFormat.Lead(offset, r.Locale),
                    // Kept for templates an admin wrote before time_before existed.
                    ["hours_before"] = offset.TotalHours.ToString("0.#", CultureInfo.InvariantCulture),
                })
            { DueAt = due, GroupKey = Group(lessonId) }, cancellationToken);
        }
    }

    public Task<int> WithdrawAsync(Guid lessonId, string reason, CancellationToken cancellationToken) =>
        DeliveryRows.WithdrawAsync(db, Group(lessonId), NotificationTypes.LessonReminder, reason, clock.GetUtcNow(), cancellationToken);
}
