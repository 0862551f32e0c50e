using System.Net;
using Repitbot.LoadTester.Cli;

namespace Repitbot.LoadTester.Support;

/// <summary>
/// A load test aimed at the wrong machine is an outage. Every target must be on loopback unless
/// --allow-remote is given; names are not resolved, so only "localhost" and loopback addresses pass.
/// </summary>
public static class LoopbackGuard
{
    public static void Check(IEnumerable<Target> targets, bool allowRemote)
    {
        if (allowRemote)
        {
            return;
        }

        foreach (var target in targets)
        {
            var host = HostOf(target.Address)
                ?? throw new UsageException($"cannot tell the host of {target.Name} '{Redact(target.Address)}'");
            if (!IsLoopback(host))
            {
                throw new UsageException(
                    $"{target.Name} is at '{host}', not a loopback address; pass --allow-remote to load-test another machine");
            }
        }
    }

    public static bool IsLoopback(string host)
    {
        var trimmed = host.Trim('[', ']');
        return trimmed.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(trimmed, out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>The host of a URL or URI, an Npgsql connection string (Host=...), or host:port.</summary>
    public static string? HostOf(string address)
    {
        if (address.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri.Host : null;
        }

        if (address.Contains('=', StringComparison.Ordinal))
        {
            var host = address.Split(';').Select(p => p.Split('=', 2))
                .FirstOrDefault(kv => kv.Length == 2 && kv[0].Trim() is var k
                    && (k.Equals("Host", StringComparison.OrdinalIgnoreCase) || k.Equals("Server", StringComparison.OrdinalIgnoreCase)))?[1].Trim();
            // Npgsql allows several hosts (Host=a,b): every one of them must pass.
            return host?.Split(',').Select(h => h.Split(':')[0]).FirstOrDefault(h => !IsLoopback(h)) ?? host?.Split(',')[0].Split(':')[0];
        }

        var first = address.Split(',')[0];
        return first.StartsWith('[') ? first[..(first.IndexOf(']', StringComparison.Ordinal) + 1)]
            : first.Split(':')[0] is { Length: > 0 } h ? h : null;
    }

    private static string Redact(string address) => address.Contains("Password", StringComparison.OrdinalIgnoreCase) ? "(connection string)" : address;
}
