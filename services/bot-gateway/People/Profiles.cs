using Microsoft.EntityFrameworkCore;
using Repitbot.BotGateway.Data;
using Repitbot.BotGateway.UseCases;
using Repitbot.Contracts;

namespace Repitbot.BotGateway.People;

/// <summary>Name, language, time zone and e-mail; every change is published as UserProfileChanged.</summary>
public sealed class Profiles(EventJournal journal)
{
    public async Task<Profile?> GetAsync(Guid userId, CancellationToken cancellationToken) =>
        await journal.Db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken) is { } user
            ? ToProfile(user)
            : null;

    public async Task<(Profile? Profile, Failure? Failure)> ChangeAsync(Guid userId, ProfileChange change,
        CancellationToken cancellationToken)
    {
        if (RequestValidation.Check(change) is { } invalid)
        {
            return (null, invalid);
        }

        var user = await journal.Db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return (null, Failure.NotFound("userId", "user_not_found", $"User {userId} was not found."));
        }

        var before = (user.DisplayName, user.Locale, user.TimeZone, user.Email);
        user.DisplayName = change.DisplayName?.Trim() ?? user.DisplayName;
        user.Locale = change.Locale ?? user.Locale;
        user.TimeZone = change.TimeZone ?? user.TimeZone;
        user.Email = change.Email is null ? user.Email : change.Email.Length == 0 ? null : change.Email.Trim();
        if (before != (user.DisplayName, user.Locale, user.TimeZone, user.Email))
        {
            journal.Queue(new UserProfileChanged
            {
                EventId = Guid.NewGuid(), OccurredAt = journal.Now, TutorId = await TutorOfAsync(user, cancellationToken),
                UserId = user.Id, DisplayName = user.DisplayName, Email = user.Email, TelegramChatId = user.TelegramChatId,
                Locale = user.Locale, TimeZone = user.TimeZone,
            });
            await journal.SaveAsync(cancellationToken);
        }

        return (ToProfile(user), null);
    }

    /// <summary>Closes the open link; the link row stays as history.</summary>
    public async Task<(StudentLink? Link, Failure? Failure)> UnlinkAsync(Guid tutorId, Guid studentId, CancellationToken cancellationToken)
    {
        var link = await journal.Db.StudentLinks.FirstOrDefaultAsync(
            l => l.TutorId == tutorId && l.StudentId == studentId && l.ValidTo == null, cancellationToken);
        if (link is null)
        {
            return (null, Failure.StudentNotLinked(studentId));
        }

        link.ValidTo = journal.Now;
        journal.Queue(new StudentUnlinked
        {
            EventId = Guid.NewGuid(), OccurredAt = link.ValidTo.Value, TutorId = tutorId, StudentId = studentId,
            LinkId = link.Id, ValidTo = link.ValidTo.Value,
        });
        await journal.SaveAsync(cancellationToken);
        return (link, null);
    }

    /// <summary>The tutor a profile event is filed under: the tutor themselves, else the latest tutor linked.</summary>
    private async Task<Guid> TutorOfAsync(User user, CancellationToken cancellationToken) =>
        user.Role == UserRole.Tutor
            ? user.Id
            : await journal.Db.StudentLinks.Where(l => l.StudentId == user.Id || l.ParentId == user.Id)
                .OrderBy(l => l.ValidTo != null).ThenByDescending(l => l.ValidFrom)
                .Select(l => l.TutorId).FirstOrDefaultAsync(cancellationToken);

    public static Profile ToProfile(User user) => new(user.Id, user.Role.ToString().ToLowerInvariant(), user.DisplayName,
        user.Email, user.Locale, user.TimeZone, user.TelegramUserId);
}
