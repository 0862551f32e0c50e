using System.ComponentModel.DataAnnotations;

namespace Repitbot.Analytics.Reports.Jobs;

/// <summary>Section <c>Reports</c>: how the full-report worker polls, leases and retries.</summary>
public sealed class ReportOptions
{
    /// <summary>How often an idle worker looks for queued jobs (a new job in this process wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A running job whose worker stopped renewing this long is taken over by another worker.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The longest period a full report may cover.</summary>
    [Range(1, 36600)]
    public int MaxDays { get; set; } = 3660;
}
