namespace Repitbot.Analytics.ReadSide;

public static class Rates
{
    /// <summary>Part of a whole in percent, one decimal; null when there is no whole to speak of.</summary>
    public static double? Percent(long part, long whole) => whole == 0 ? null : Math.Round(part * 100.0 / whole, 1);

    public static DateOnly Day(DateTime value) => DateOnly.FromDateTime(value);
}
