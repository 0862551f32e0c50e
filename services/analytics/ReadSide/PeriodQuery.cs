namespace Repitbot.Analytics.ReadSide;

/// <summary>Reads and checks <c>from</c>, <c>to</c> and <c>groupBy</c>; every mistake is named by its parameter.</summary>
public static class PeriodQuery
{
    public const int DefaultDays = 30;

    public static Period? TryParse(DateOnly today, DateOnly? from, DateOnly? to, string? groupBy, int maxDays,
        Dictionary<string, string[]> errors)
    {
        var end = to ?? today;
        var start = from ?? end.AddDays(1 - DefaultDays);
        GroupBy group = GroupBy.Day;
        if (groupBy is not null && !Enum.TryParse(groupBy, ignoreCase: true, out group) || !Enum.IsDefined(group))
        {
            errors["groupBy"] = ["groupBy must be one of day, week, month."];
        }

        if (start > end)
        {
            errors["from"] = ["from must not be after to."];
        }
        else if (end.DayNumber - start.DayNumber + 1 > maxDays)
        {
            errors["to"] = [$"The period from {start:yyyy-MM-dd} to {end:yyyy-MM-dd} is longer than the allowed {maxDays} days."];
        }

        return errors.Count == 0 ? new Period(start, end, group) : null;
    }
}
