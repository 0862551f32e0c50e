using System.Data.Common;
using Npgsql;

namespace Repitbot.Hosting.Data;

/// <summary>
/// How pooled sessions are used, unless the installation's connection string says otherwise. Measured under the
/// pipeline load (BENCHMARKS.md, "Sessions, per-request work and this machine's ceiling"): every statement was parsed
/// and planned anew, and every connection handed back to the pool sent a DISCARD ALL that cost PostgreSQL as much as a
/// statement. The services repeat a few dozen statements, so they are prepared once per session and kept; no code
/// leaves session state behind (settings are SET LOCAL, advisory locks are transaction locks or released before the
/// connection goes back).
/// </summary>
public static class PooledSessions
{
    /// <summary>Statements prepared per session: the services' repeated statements fit with room to spare.</summary>
    public const int MaxAutoPrepare = 128;

    /// <summary>Prepared from the second use: the first use of a one-off statement costs nothing extra.</summary>
    public const int AutoPrepareMinUsages = 2;

    public static void Apply(NpgsqlConnectionStringBuilder connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString.ConnectionString };
        if (!Names(given, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            connectionString.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!Names(given, "Auto Prepare Min Usages", "AutoPrepareMinUsages"))
        {
            connectionString.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }

        if (!Names(given, "No Reset On Close", "NoResetOnClose"))
        {
            connectionString.NoResetOnClose = true;
        }
    }

    private static bool Names(DbConnectionStringBuilder given, params string[] keys) => keys.Any(given.ContainsKey);
}
