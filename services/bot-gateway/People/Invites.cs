using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Repitbot.BotGateway.Data;
using Repitbot.BotGateway.UseCases;
using Repitbot.Contracts;

namespace Repitbot.BotGateway.People;

public sealed record InviteCreated(string Code, string Role, Guid? StudentId, DateTimeOffset ExpiresAt, string? Link);

/// <summary>Creates single-use invite codes; <see cref="Registration"/> redeems them.</summary>
public sealed class Invites(EventJournal journal, IOptions<PeopleOptions> options)
{
    public async Task<(Invite? Invite, Failure? Failure)> CreateAsync(Guid tutorId, UserRole role, Guid? studentId,
        CancellationToken cancellationToken)
    {
        if (role == UserRole.Tutor)
        {
            return (null, Failure.Invalid("role", "role must be student or parent."));
        }

        if (role == UserRole.Parent && (studentId is not { } id || !await journal.IsLinkedAsync(tutorId, id, cancellationToken)))
        {
            return (null, studentId is null
                ? Failure.Invalid("studentId", "A parent invite names the student.")
                : Failure.StudentNotLinked(studentId.Value));
        }

        var now = journal.Now;
        var invite = new Invite
        {
            // 16 random bytes in URL-safe base64: fits Telegram's 64-character start parameter alphabet.
            Code = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            TutorId = tutorId, Role = role, StudentId = role == UserRole.Parent ? studentId : null,
            CreatedAt = now, ExpiresAt = now + options.Value.InviteLifetime,
        };
        journal.Db.Invites.Add(invite);
        await journal.Db.SaveChangesAsync(cancellationToken);
        return (invite, null);
    }
}
