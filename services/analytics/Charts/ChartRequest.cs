using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Charts;

/// <summary>The checked query of one chart request.</summary>
public sealed record ChartRequest(Period Period, string Format, int Width, int Height)
{
    public const int MinDays = 1, MaxDays = 366, DefaultDays = 30;
    public const int MinWidth = 200, MaxWidth = 3000, DefaultWidth = 900;
    public const int MinHeight = 150, MaxHeight = 2000, DefaultHeight = 500;
    public static readonly IReadOnlyList<string> Formats = ["png", "svg"];

    public static ChartRequest? TryParse(ChartDefinition chart, DateOnly today, int? days, string? format, int? width, int? height,
        string? groupBy, Dictionary<string, string[]> errors)
    {
        var d = days ?? DefaultDays;
        var f = (format ?? "png").ToLowerInvariant();
        var (w, h) = (width ?? DefaultWidth, height ?? DefaultHeight);
        if (d is < MinDays or > MaxDays)
        {
            errors["days"] = [$"days must be between {MinDays} and {MaxDays}."];
        }

        if (!Formats.Contains(f))
        {
            errors["format"] = [$"format must be one of {string.Join(", ", Formats)}."];
        }

        if (w is < MinWidth or > MaxWidth)
        {
            errors["width"] = [$"width must be between {MinWidth} and {MaxWidth} pixels."];
        }

        if (h is < MinHeight or > MaxHeight)
        {
            errors["height"] = [$"height must be between {MinHeight} and {MaxHeight} pixels."];
        }

        var group = chart.DefaultGroupBy;
        if (groupBy is not null)
        {
            if (!chart.AcceptsGroupBy)
            {
                errors["groupBy"] = [$"The chart '{chart.Name}' has no groupBy parameter."];
            }
            else if (!Enum.TryParse(groupBy, ignoreCase: true, out group) || !Enum.IsDefined(group) || int.TryParse(groupBy, out _))
            {
                errors["groupBy"] = ["groupBy must be one of day, week, month."];
            }
        }

        return errors.Count == 0 ? new ChartRequest(Period.LastDays(today, d, group), f, w, h) : null;
    }
}
