using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Scenarios;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Baselines;

/// <summary>
/// PostgreSQL's write ceiling for rows shaped like analytics.events: a binary COPY, and the batched
/// INSERT ... SELECT FROM unnest(...) ON CONFLICT that ingestion uses, 100 rows a statement. Both go to a
/// temporary table of the same shape, so the baseline leaves nothing behind.
/// </summary>
public sealed class PostgresCopyScenario : Scenario
{
    private const int InsertBatch = 100;

    public override string Name => "baseline-postgres";

    public override string Summary => "raw Npgsql: binary COPY and unnest batch INSERTs of event rows (--count rows)";

    public override double? DefaultRate => null;

    public override IEnumerable<Target> Targets(CommandLine options) => [new("PostgreSQL", options.Require("postgres"))];

    public override async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var rows = (int)Math.Min(run.Options.GetLong("count", 100_000), 10_000_000);
        await using var connection = await PostgresTarget.OpenAsync(run.Options.Require("postgres"), cancellationToken);
        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE load_events (event_id uuid PRIMARY KEY, type varchar(64) NOT NULL, tutor_id uuid NOT NULL,
              student_id uuid, occurred_at timestamptz NOT NULL, payload jsonb NOT NULL, received_at timestamptz NOT NULL)
            """, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var tutor = Guid.NewGuid();
        const string payload = """{"outcome":"Attended","minutes":60,"subject":"load test"}""";
        var copy = Stopwatch.StartNew();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY load_events (event_id, type, tutor_id, student_id, occurred_at, payload, received_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            var now = DateTimeOffset.UtcNow;
            // Synchronous writes: COPY buffers rows, and an await per field would measure the client, not the server.
            for (var i = 0; i < rows; i++)
            {
                writer.StartRow();
                writer.Write(Guid.NewGuid(), NpgsqlDbType.Uuid);
                writer.Write("LessonCompleted", NpgsqlDbType.Varchar);
                writer.Write(tutor, NpgsqlDbType.Uuid);
                writer.Write(Guid.NewGuid(), NpgsqlDbType.Uuid);
                writer.Write(now, NpgsqlDbType.TimestampTz);
                writer.Write(payload, NpgsqlDbType.Jsonb);
                writer.Write(now, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        copy.Stop();
        var insertRows = Math.Min(rows, 50_000);
        var insert = Stopwatch.StartNew();
        for (var done = 0; done < insertRows; done += InsertBatch)
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO load_events (event_id, type, tutor_id, student_id, occurred_at, payload, received_at)
                SELECT e.id, 'LessonCompleted', @tutor, e.student, now(), @payload::jsonb, now()
                FROM unnest(@ids, @students) AS e(id, student)
                ON CONFLICT (event_id) DO NOTHING
                """, connection);
            command.Parameters.AddWithValue("tutor", tutor);
            command.Parameters.AddWithValue("payload", payload);
            command.Parameters.AddWithValue("ids", Enumerable.Range(0, InsertBatch).Select(_ => Guid.NewGuid()).ToArray());
            command.Parameters.AddWithValue("students", Enumerable.Range(0, InsertBatch).Select(_ => Guid.NewGuid()).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        insert.Stop();
        return run.Result(Name,
        [
            new RowResult { Name = "copy-binary", Count = rows, Succeeded = rows, ThroughputPerSecond = rows / copy.Elapsed.TotalSeconds },
            new RowResult
            {
                Name = $"insert-unnest-{InsertBatch}", Count = insertRows, Succeeded = insertRows,
                ThroughputPerSecond = insertRows / insert.Elapsed.TotalSeconds,
            },
        ], copy.Elapsed + insert.Elapsed, connection.Host);
    }
}
