using System.Text.Json;
using Microsoft.Extensions.Options;
using Repitbot.Analytics.Ingestion;

namespace Repitbot.Analytics.Exports;

/// <summary>
/// Loads historical events from JSON Lines (<c>{"type": "LessonCompleted", "event": {...}}</c> per line;
/// an export's lines qualify). Good lines go through the same once-only path as the bus; each bad line
/// is reported by number and reason and skipped.
/// </summary>
public sealed class EventImport(EventIngestor ingestor, IOptions<ExportOptions> options, TimeProvider clock)
{
    private const int MaxReportedErrors = 1000;

    public async Task<ImportReport> ImportAsync(Stream body, CancellationToken cancellationToken)
    {
        var report = new ImportReport();
        var batch = new List<IngestedEvent>();
        using var reader = new StreamReader(body);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            report.Lines++;
            if (Parse(line, clock.GetUtcNow(), out var error) is { } e)
            {
                batch.Add(e);
            }
            else
            {
                report.AddError(number, error!, MaxReportedErrors);
            }

            if (batch.Count >= options.Value.ImportBatchSize)
            {
                await FlushAsync(batch, report, cancellationToken);
            }
        }

        await FlushAsync(batch, report, cancellationToken);
        return report;
    }

    private static IngestedEvent? Parse(string line, DateTimeOffset now, out string? error)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                error = "type is missing: each line is {\"type\": \"<event type>\", \"event\": {...}}.";
            }
            else if (!EventTypes.ByName.ContainsKey(type.GetString()!))
            {
                error = $"type '{type.GetString()}' is not a known event.";
            }
            else if (!root.TryGetProperty("event", out var body) || body.ValueKind != JsonValueKind.Object)
            {
                error = "event is missing or not an object.";
            }
            else if (EventTypes.Deserialize(type.GetString()!, body.GetRawText()) is { } e)
            {
                error = EventValidator.Problem(e, now);
                return error is null ? IngestedEvent.From(e) : null;
            }
            else
            {
                error = "event is null.";
            }
        }
        catch (JsonException ex)
        {
            error = $"invalid JSON: {ex.Message}";
        }

        return null;
    }

    private async Task FlushAsync(List<IngestedEvent> batch, ImportReport report, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var result = await ingestor.IngestAsync(batch, cancellationToken);
        report.Accepted += batch.Count;
        report.Stored += result.Stored.Count;
        batch.Clear();
    }
}

/// <summary>What an import did: lines read (blank ones aside), good lines, newly stored events, and each bad line.</summary>
public sealed class ImportReport
{
    public int Lines { get; set; }
    public int Accepted { get; set; }
    public int Stored { get; set; }
    public int Duplicates => Accepted - Stored;
    public int Rejected { get; set; }
    public List<ImportError> Errors { get; } = [];
    public bool ErrorsTruncated { get; set; }

    public void AddError(int line, string error, int max)
    {
        Rejected++;
        if (Errors.Count < max)
        {
            Errors.Add(new ImportError(line, error));
        }
        else
        {
            ErrorsTruncated = true;
        }
    }
}

public sealed record ImportError(int Line, string Error);
