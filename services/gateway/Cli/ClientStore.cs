using Microsoft.EntityFrameworkCore;
using Repitbot.Gateway.Clients;
using Repitbot.Gateway.Data;

namespace Repitbot.Gateway.Cli;

/// <summary>The four client operations; messages for people go to stderr, secrets alone to stdout.</summary>
internal sealed class ClientStore(GatewayDb db, TimeProvider clock, TextWriter stdout, TextWriter stderr)
{
    public const int NotFound = 1;

    public async Task<int> AddAsync(string id, string role, string subject, IReadOnlyCollection<string> scopes,
        CancellationToken cancellationToken)
    {
        if (await db.ApiClients.AnyAsync(c => c.Id == id, cancellationToken))
        {
            await stderr.WriteLineAsync($"clients: '{id}' exists already; use rotate for a new secret");
            return NotFound;
        }

        var secret = ClientSecret.Generate();
        db.ApiClients.Add(new StoredApiClient
        {
            Id = id, SecretSha256 = ClientSecret.Hash(secret), Role = role, Subject = subject,
            Scopes = [.. scopes.Distinct(StringComparer.Ordinal)], CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await stderr.WriteLineAsync($"clients: '{id}' created ({role}, sub {subject}); its secret follows and is not shown again");
        await stdout.WriteLineAsync(secret);
        return 0;
    }

    public async Task<int> RotateAsync(string id, CancellationToken cancellationToken)
    {
        var secret = ClientSecret.Generate();
        var hash = ClientSecret.Hash(secret);
        var changed = await db.ApiClients.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SecretSha256, hash).SetProperty(c => c.DisabledAt, (DateTimeOffset?)null),
                cancellationToken);
        if (changed == 0)
        {
            await stderr.WriteLineAsync($"clients: no client '{id}'");
            return NotFound;
        }

        await stderr.WriteLineAsync($"clients: '{id}' has a new secret; it follows and is not shown again");
        await stdout.WriteLineAsync(secret);
        return 0;
    }

    public async Task<int> DisableAsync(string id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = await db.ApiClients.Where(c => c.Id == id && c.DisabledAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DisabledAt, now), cancellationToken);
        await stderr.WriteLineAsync(changed == 0 ? $"clients: no enabled client '{id}'" : $"clients: '{id}' disabled");
        return changed == 0 ? NotFound : 0;
    }

    public async Task<int> ListAsync(CancellationToken cancellationToken)
    {
        var clients = await db.ApiClients.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        foreach (var c in clients)
        {
            var state = c.DisabledAt is { } at ? $"disabled {at:u}" : "enabled";
            await stdout.WriteLineAsync($"{c.Id}\t{c.Role}\t{c.Subject}\t{string.Join(' ', c.Scopes)}\t{state}");
        }

        return 0;
    }
}
