using System.Globalization;
using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Exports;

/// <summary>A span of UTC days, both ends inclusive, checked against the allowed maximum; errors name the parameter.</summary>
public readonly record struct ExportPeriod(DateOnly From, DateOnly To)
{
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static (ExportPeriod Period, Dictionary<string, string[]> Errors) Parse(string? from, string? to, int maxDays)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ParseDay(from, "from", errors);
        var end = ParseDay(to, "to", errors);
        if (errors.Count == 0 && start > end)
        {
            errors["from"] = [$"from ({start:yyyy-MM-dd}) is after to ({end:yyyy-MM-dd})."];
        }
        else if (errors.Count == 0 && end.DayNumber - start.DayNumber + 1 > maxDays)
        {
            errors["to"] = [$"The period may cover at most {maxDays} days."];
        }

        return (new ExportPeriod(start, end), errors);
    }

    private static DateOnly ParseDay(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[name] = [$"{name} is required (yyyy-MM-dd, UTC)."];
            return default;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors[name] = [$"{name} must be a date as yyyy-MM-dd."];
        }

        return day;
    }
}
