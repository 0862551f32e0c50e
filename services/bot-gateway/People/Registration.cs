using Microsoft.EntityFrameworkCore;
using Npgsql;
using Repitbot.BotGateway.Data;
using Repitbot.BotGateway.UseCases;
using Repitbot.Contracts;

namespace Repitbot.BotGateway.People;

/// <summary>/start: a tutor, student or parent registers; a student or parent opening an invite joins the inviting tutor.</summary>
public sealed class Registration(EventJournal journal)
{
    public Task<User?> FindByTelegramAsync(long telegramUserId, CancellationToken cancellationToken) =>
        journal.Db.Users.FirstOrDefaultAsync(u => u.TelegramUserId == telegramUserId, cancellationToken);

    /// <summary>
    /// Registers the Telegram user in the role they chose, or returns who they already are. A student or
    /// parent who registers before opening an invite has no tutor yet: their UserRegistered names
    /// <see cref="Guid.Empty"/> as the tutor, and the invite they open later links them.
    /// </summary>
    public async Task<(User User, bool IsNew)> RegisterAsync(TelegramIdentity who, UserRole role, CancellationToken cancellationToken)
    {
        if (await FindByTelegramAsync(who.UserId, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        var tutor = NewUser(who, role);
        journal.Db.Users.Add(tutor);
        journal.Queue(Registered(tutor, role == UserRole.Tutor ? tutor.Id : Guid.Empty));
        try
        {
            await journal.SaveAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same person pressed /start twice at once; the other request registered them.
            journal.Db.ChangeTracker.Clear();
            return ((await FindByTelegramAsync(who.UserId, cancellationToken))!, false);
        }

        return (tutor, true);
    }

    /// <summary>Uses an invite: once, before it expires, and from that moment the student (or parent) is linked.</summary>
    public async Task<(User? User, StudentLink? Link, Failure? Failure)> AcceptInviteAsync(string code, TelegramIdentity who,
        CancellationToken cancellationToken)
    {
        var db = journal.Db;
        var now = journal.Now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invite = await db.Invites.FirstOrDefaultAsync(i => i.Code == code, cancellationToken);
        if (invite is null || invite.UsedAt is not null || invite.ExpiresAt <= now)
        {
            var why = invite is null ? "invite_unknown" : invite.UsedAt is not null ? "invite_used" : "invite_expired";
            return (null, null, Failure.Conflict("code", why, $"The invite is {why[7..]}."));
        }

        var user = await FindByTelegramAsync(who.UserId, cancellationToken);
        if (user is { Role: UserRole.Tutor } || user?.Id == invite.TutorId)
        {
            return (null, null, Failure.Conflict("code", "invite_for_tutor", "A tutor cannot join as a student or parent."));
        }

        // Claiming the row first makes a second opener of the same link lose, even at the same moment.
        var claimed = await db.Invites.Where(i => i.Code == code && i.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return (null, null, Failure.Conflict("code", "invite_used", "The invite is used."));
        }

        if (user is null)
        {
            user = NewUser(who, invite.Role);
            db.Users.Add(user);
            journal.Queue(Registered(user, invite.TutorId));
        }

        invite.UsedAt = now;
        invite.UsedBy = user.Id;
        var link = invite.Role == UserRole.Parent
            ? await LinkParentAsync(invite, user, cancellationToken)
            : await LinkStudentAsync(invite.TutorId, user, now, cancellationToken);
        await journal.SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (user, link, null);
    }

    private async Task<StudentLink> LinkStudentAsync(Guid tutorId, User student, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var studentId = student.Id;
        var open = await journal.Db.StudentLinks.FirstOrDefaultAsync(
            l => l.TutorId == tutorId && l.StudentId == studentId && l.ValidTo == null, cancellationToken);
        if (open is not null)
        {
            return open;
        }

        var link = new StudentLink { Id = Guid.NewGuid(), TutorId = tutorId, StudentId = studentId, ValidFrom = now };
        journal.Db.StudentLinks.Add(link);
        journal.Queue(new StudentLinked
        {
            EventId = Guid.NewGuid(), OccurredAt = now, TutorId = tutorId, StudentId = studentId, LinkId = link.Id, ValidFrom = now,
            StudentName = student.DisplayName,
        });
        return link;
    }

    /// <summary>A parent joins the student's open link; the link is announced again with the parent on it.</summary>
    private async Task<StudentLink?> LinkParentAsync(Invite invite, User parent, CancellationToken cancellationToken)
    {
        var link = await journal.Db.StudentLinks.FirstOrDefaultAsync(
            l => l.TutorId == invite.TutorId && l.StudentId == invite.StudentId && l.ValidTo == null, cancellationToken);
        if (link is null)
        {
            return null;
        }

        link.ParentId = parent.Id;
        journal.Queue(new StudentLinked
        {
            EventId = Guid.NewGuid(), OccurredAt = journal.Now, TutorId = link.TutorId, StudentId = link.StudentId,
            LinkId = link.Id, ParentId = parent.Id, ValidFrom = link.ValidFrom,
            StudentName = await journal.Db.Users.Where(u => u.Id == link.StudentId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken),
        });
        return link;
    }

    private User NewUser(TelegramIdentity who, UserRole role) => new()
    {
        Id = Guid.NewGuid(), Role = role, DisplayName = Trim(who.DisplayName), TelegramUserId = who.UserId,
        TelegramChatId = who.ChatId, Locale = who.Locale, TimeZone = "Europe/Moscow", CreatedAt = journal.Now,
    };

    private static string Trim(string name) => name.Trim() is { Length: > 0 } n ? n[..Math.Min(n.Length, 200)] : "—";

    private UserRegistered Registered(User user, Guid tutorId) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = journal.Now, TutorId = tutorId, UserId = user.Id, Role = user.Role,
        DisplayName = user.DisplayName, Email = user.Email, TelegramChatId = user.TelegramChatId, Locale = user.Locale,
        TimeZone = user.TimeZone,
    };
}
