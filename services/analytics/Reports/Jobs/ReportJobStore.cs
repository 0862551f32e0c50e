using Npgsql;

namespace Repitbot.Analytics.Reports.Jobs;

/// <summary>
/// The job table as a durable queue: jobs are claimed with <c>FOR UPDATE SKIP LOCKED</c> so any number
/// of service replicas share the work, and a claim is a lease that expires if its worker dies.
/// </summary>
public sealed class ReportJobStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string Columns = """
        id, requested_by, tutor_id, from_day, to_day, format, locale, status, progress, attempts, error,
        created_at, started_at, finished_at, lease_until
        """;

    public async Task AddAsync(ReportJob job, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO analytics.report_jobs (id, requested_by, tutor_id, from_day, to_day, format, locale, status, progress, attempts, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', 0, 0, $8)
            """);
        command.Parameters.AddWithValue(job.Id);
        command.Parameters.AddWithValue(job.RequestedBy);
        command.Parameters.AddWithValue((object?)job.TutorId ?? DBNull.Value);
        command.Parameters.AddWithValue(job.FromDay);
        command.Parameters.AddWithValue(job.ToDay);
        command.Parameters.AddWithValue(job.Format);
        command.Parameters.AddWithValue(job.Locale);
        command.Parameters.AddWithValue(job.CreatedAt);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The oldest queued job, or a running one whose lease ran out; null when there is none.</summary>
    public async Task<ReportJob?> ClaimAsync(TimeSpan lease, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE analytics.report_jobs SET status = 'running', attempts = attempts + 1, progress = 0,
                   started_at = $1, lease_until = $2
            WHERE id = (SELECT id FROM analytics.report_jobs
                        WHERE status = 'queued' OR (status = 'running' AND lease_until < $1)
                        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """);
        var now = clock.GetUtcNow();
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(now + lease);
        return (await ReadAsync(command, ct)).SingleOrDefault();
    }

    /// <summary>Records progress and renews the lease in one statement.</summary>
    public Task ProgressAsync(Guid id, int percent, TimeSpan lease, CancellationToken ct) =>
        ExecuteAsync("UPDATE analytics.report_jobs SET progress = $2, lease_until = $3 WHERE id = $1 AND status = 'running'", ct,
            id, percent, clock.GetUtcNow() + lease);

    public async Task CompleteAsync(Guid id, ReportFile file, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO analytics.report_files (job_id, file_name, content_type, content) VALUES ($1, $2, $3, $4)
            ON CONFLICT (job_id) DO UPDATE SET file_name = excluded.file_name, content_type = excluded.content_type, content = excluded.content
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue(id);
            insert.Parameters.AddWithValue(file.FileName);
            insert.Parameters.AddWithValue(file.ContentType);
            insert.Parameters.AddWithValue(file.Content);
            await insert.ExecuteNonQueryAsync(ct);
        }

        await using (var done = new NpgsqlCommand("""
            UPDATE analytics.report_jobs SET status = 'done', progress = 100, finished_at = $2, lease_until = NULL, error = NULL WHERE id = $1
            """, connection, transaction))
        {
            done.Parameters.AddWithValue(id);
            done.Parameters.AddWithValue(clock.GetUtcNow());
            await done.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>Back to the queue for another attempt, or failed for good after <paramref name="maxAttempts"/>.</summary>
    public Task FailAsync(Guid id, string error, int maxAttempts, CancellationToken ct) => ExecuteAsync("""
        UPDATE analytics.report_jobs
        SET status = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'queued' END,
            finished_at = CASE WHEN attempts >= $3 THEN $4 END, error = $2, lease_until = NULL
        WHERE id = $1
        """, ct, id, error, maxAttempts, clock.GetUtcNow());

    public async Task<ReportJob?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM analytics.report_jobs WHERE id = $1");
        command.Parameters.AddWithValue(id);
        return (await ReadAsync(command, ct)).SingleOrDefault();
    }

    public async Task<ReportFile?> FileAsync(Guid id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT file_name, content_type, content FROM analytics.report_files WHERE job_id = $1");
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new ReportFile { JobId = id, FileName = reader.GetString(0), ContentType = reader.GetString(1), Content = reader.GetFieldValue<byte[]>(2) }
            : null;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<ReportJob>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var jobs = new List<ReportJob>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            jobs.Add(new ReportJob
            {
                Id = reader.GetGuid(0), RequestedBy = reader.GetString(1), TutorId = reader.IsDBNull(2) ? null : reader.GetGuid(2),
                FromDay = reader.GetFieldValue<DateOnly>(3), ToDay = reader.GetFieldValue<DateOnly>(4), Format = reader.GetString(5),
                Locale = reader.GetString(6), Status = reader.GetString(7), Progress = reader.GetInt32(8), Attempts = reader.GetInt32(9),
                Error = reader.IsDBNull(10) ? null : reader.GetString(10), CreatedAt = reader.GetFieldValue<DateTimeOffset>(11),
                StartedAt = reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
                FinishedAt = reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13),
                LeaseUntil = reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
            });
        }

        return jobs;
    }
}
