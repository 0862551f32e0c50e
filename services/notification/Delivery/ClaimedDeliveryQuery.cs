using Microsoft.EntityFrameworkCore;
using Repitbot.Notification.Data;
using Repitbot.Notification.People;
using Repitbot.Notification.Preferences;

namespace Repitbot.Notification.Delivery;

/// <summary>A claimed row with its reader and their stored preferences (either may be missing).</summary>
public sealed class ClaimedDelivery
{
    public required Delivery Row { get; init; }

    public Recipient? Person { get; init; }

    public Preference? Stored { get; init; }
}

/// <summary>
/// What sending a row reads, in one round trip, as a compiled query: it runs for every notification sent, and EF Core
/// otherwise walks and hashes the expression tree on each call to find its cached plan. Untracked: the outcome is
/// written by <see cref="DeliveryOutcomes"/> with one UPDATE of its own.
/// </summary>
public static class ClaimedDeliveryQuery
{
    private static readonly Func<NotificationDb, Guid, CancellationToken, Task<ClaimedDelivery?>> Query =
        EF.CompileAsyncQuery((NotificationDb db, Guid id, CancellationToken ct) =>
            (from d in db.Deliveries.AsNoTracking()
                where d.Id == id
                join r in db.Recipients.AsNoTracking() on d.RecipientId equals r.UserId into people
                from r in people.DefaultIfEmpty()
                join p in db.Preferences.AsNoTracking() on d.RecipientId equals p.UserId into stored
                from p in stored.DefaultIfEmpty()
                select new ClaimedDelivery { Row = d, Person = r, Stored = p })
            .FirstOrDefault());

    /// <summary>Null when no row has <paramref name="id"/> (removed since it was claimed).</summary>
    public static Task<ClaimedDelivery?> FindAsync(NotificationDb db, Guid id, CancellationToken cancellationToken) =>
        Query(db, id, cancellationToken);
}
