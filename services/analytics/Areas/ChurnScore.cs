namespace Repitbot.Analytics.Areas;

/// <summary>
/// 0–100: up to 60 points for recency (linear to 28 idle days) and up to 40 for declining frequency
/// (the share by which the last 4 weeks fell short of the 4 weeks before). Segments: high ≥ 70,
/// medium ≥ 40, low below.
/// </summary>
public static class ChurnScore
{
    public static int Of(int idleDays, long recentLessons, long previousLessons)
    {
        var recency = Math.Clamp(idleDays / 28.0, 0, 1) * 60;
        var decline = previousLessons == 0 ? 0 : Math.Clamp((previousLessons - recentLessons) / (double)previousLessons, 0, 1) * 40;
        return (int)Math.Round(recency + decline);
    }

    public static string Segment(int score) => score switch
    {
        >= 70 => "high",
        >= 40 => "medium",
        _ => "low",
    };
}
