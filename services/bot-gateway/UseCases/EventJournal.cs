using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Repitbot.BotGateway.Data;
using Repitbot.Contracts;
using Repitbot.Hosting.Outbox;

namespace Repitbot.BotGateway.UseCases;

/// <summary>
/// Saves an action together with its event (outbox) and remembers it under a key, so that repeating the
/// same request answers with the same event and a different request under that key is a conflict.
/// </summary>
public sealed class EventJournal(BotGatewayDb db, OutboxSignal outbox, TimeProvider clock)
{
    public BotGatewayDb Db => db;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Null when nothing was recorded under <paramref name="key"/>; else a replay or a conflict.</summary>
    public async Task<Outcome<TEvent>?> FindEarlierAsync<TEvent>(string key, Guid tutorId, string fingerprint,
        string field, string conflict, CancellationToken cancellationToken)
        where TEvent : class, IDomainEvent
    {
        var earlier = await db.RecordedEvents.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, cancellationToken);
        return Compare<TEvent>(earlier, tutorId, fingerprint, field, conflict);
    }

    /// <summary>Null when <paramref name="earlier"/> is null; else a replay or a conflict.</summary>
    public static Outcome<TEvent>? Compare<TEvent>(RecordedEvent? earlier, Guid tutorId, string fingerprint,
        string field, string conflict)
        where TEvent : class, IDomainEvent
    {
        if (earlier is null)
        {
            return null;
        }

        return earlier.TutorId == tutorId && earlier.Fingerprint == fingerprint
            ? Outcome.Replay(JsonSerializer.Deserialize<TEvent>(earlier.Body, WireFormat.Json)!)
            : Failure.Conflict(field, "conflict", conflict);
    }

    /// <summary>Commits the tracked changes, the event and its key in one transaction.</summary>
    public async Task<Outcome<TEvent>> CommitAsync<TEvent>(string key, string fingerprint, TEvent @event,
        string field, string conflict, CancellationToken cancellationToken)
        where TEvent : class, IDomainEvent
    {
        db.RecordedEvents.Add(new RecordedEvent
        {
            Key = key, EventId = @event.EventId, TutorId = @event.TutorId, Fingerprint = fingerprint,
            Body = JsonSerializer.Serialize(@event, WireFormat.Json), RecordedAt = clock.GetUtcNow(),
        });
        db.AddToOutbox(@event, clock);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent request recorded under the same key first. Any other failure (PostgreSQL gone
            // mid-save) is not a conflict: it reaches the shared handler and becomes a 503.
            db.ChangeTracker.Clear();
            return Failure.Conflict(field, "conflict", conflict);
        }

        outbox.Notify();
        return Outcome.Recorded(@event);
    }

    /// <summary>Queues an event that needs no idempotency key (profile changes, links) for <see cref="SaveAsync"/>.</summary>
    public void Queue<TEvent>(TEvent @event)
        where TEvent : class, IDomainEvent => db.AddToOutbox(@event, clock);

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        outbox.Notify();
    }

    public Task<bool> IsLinkedAsync(Guid tutorId, Guid studentId, CancellationToken cancellationToken) =>
        db.StudentLinks.AnyAsync(l => l.TutorId == tutorId && l.StudentId == studentId && l.ValidTo == null,
            cancellationToken);
}
