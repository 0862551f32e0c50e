using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repitbot.Contracts;

namespace Repitbot.Hosting.Outbox;

public static class OutboxModel
{
    /// <summary>Adds the <c>outbox_messages</c> table to a service's model.</summary>
    public static ModelBuilder AddOutbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).UseIdentityAlwaysColumn();
            e.Property(m => m.MessageType).HasMaxLength(200);
            e.Property(m => m.Body).HasColumnType("jsonb");
            e.HasIndex(m => m.MessageId).IsUnique();
            // The relay only ever looks for what is still unpublished.
            e.HasIndex(m => m.Id).HasFilter("published_at IS NULL").HasDatabaseName("ix_outbox_messages_pending");
        });
        return model;
    }

    /// <summary>
    /// Queues <paramref name="message"/> for publishing; it is saved, and later sent, only if the
    /// caller's SaveChanges commits. An event's id doubles as the message id, so consumers can dedupe.
    /// </summary>
    public static void AddToOutbox<T>(this DbContext db, T message, TimeProvider clock)
        where T : class
    {
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            MessageId = message is IDomainEvent e ? e.EventId : Guid.NewGuid(),
            MessageType = typeof(T).FullName!,
            Body = JsonSerializer.Serialize(message, WireFormat.Json),
            CreatedAt = clock.GetUtcNow(),
        });
    }

    internal static Type? ResolveContract(string messageType) =>
        typeof(IDomainEvent).Assembly.GetType(messageType, throwOnError: false);
}
