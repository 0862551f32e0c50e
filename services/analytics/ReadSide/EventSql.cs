using System.Text.RegularExpressions;
using Npgsql;
using Repitbot.Analytics.Ingestion;

namespace Repitbot.Analytics.ReadSide;

/// <summary>
/// Runs one read over <c>analytics.events</c> or the daily rollups (written in the same transaction as
/// the events, so they hold exactly the stored events) for a scope and period.
/// </summary>
public sealed partial class EventSql(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// <paramref name="sql"/> may use <c>{scope}</c> (or <c>{scope:e.}</c> for table alias e), <c>{happened}</c> (when the
    /// event counts, <see cref="HappenedAt"/>), <c>{happenedInPeriod}</c> (it counts in [@from, @to)), <c>@from</c>,
    /// <c>@to</c> (exclusive), <c>@fromDay</c> and <c>@toDay</c> (dates, both included), <c>@bucket</c>
    /// (day, week or month), <c>@tz</c> (the reader's IANA zone, which the period's days are in) and any <paramref name="parameters"/>.
    /// </summary>
    public async Task<List<T>> ListAsync<T>(string sql, AnalyticsScope scope, Period period,
        Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(Expand(sql, scope));
        command.Parameters.AddWithValue("from", period.Start);
        command.Parameters.AddWithValue("to", period.End);
        command.Parameters.AddWithValue("fromDay", period.From);
        command.Parameters.AddWithValue("toDay", period.To);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.Parameters.AddWithValue("bucket", period.Bucket);
        command.Parameters.AddWithValue("tz", period.TimeZone);
        if (scope.TutorId is { } tutor)
        {
            command.Parameters.AddWithValue("tutor", tutor);
        }

        if (scope.StudentId is { } student)
        {
            command.Parameters.AddWithValue("student", student);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static string Expand(string sql, AnalyticsScope scope) =>
        Placeholder().Replace(sql, m => m.Groups["name"].Value switch
        {
            "scope" => scope.Condition(m.Groups["alias"].Value),
            "happened" => HappenedAt.Sql(m.Groups["alias"].Value),
            _ => HappenedAt.InPeriodSql(m.Groups["alias"].Value),
        });

    [GeneratedRegex(@"\{(?<name>scope|happened|happenedInPeriod)(?::(?<alias>\w+\.))?\}")]
    private static partial Regex Placeholder();
}
