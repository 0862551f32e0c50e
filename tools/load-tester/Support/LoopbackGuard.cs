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

    /// <summary>
    /// The host of a URL or URI, of an Npgsql connection string (Host=...; the first non-loopback one when it
    /// names several), or of host:port[,option=value...] (StackExchange.Redis).
    /// </summary>
    public static string? HostOf(string address)
    {
        if (address.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri.Host : null;
        }

        var pairs = address.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToList();
        if (pairs.Any(kv => kv.Length == 2 && IsHostKey(kv[0])))
        {
            var hosts = pairs.First(kv => kv.Length == 2 && IsHostKey(kv[0]))[1].Split(',').Select(h => h.Trim().Split(':')[0]).ToList();
            return hosts.FirstOrDefault(h => !IsLoopback(h)) ?? hosts[0];
        }

        if (address.Split(',')[0] is var first && (first.Contains('=', StringComparison.Ordinal) || first.Length == 0))
        {
            return null;
        }

        return first.StartsWith('[') ? first[..(first.IndexOf(']', StringComparison.Ordinal) + 1)] : first.Split(':')[0];
    }

    private static bool IsHostKey(string key) =>
        key.Trim().Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Trim().Equals("Server", StringComparison.OrdinalIgnoreCase);

    private static string Redact(string address) => address.Contains("Password", StringComparison.OrdinalIgnoreCase) ? "(connection string)" : address;
}
