using System.ComponentModel.DataAnnotations;

namespace Repitbot.Hosting.Workers;

/// <summary>When a background loop counts as stalled (section Workers).</summary>
public sealed class WorkerOptions
{
    /// <summary>
    /// How long a loop may go without progress while work is due before readiness turns Degraded and
    /// <c>repitbot_worker_stalled</c> is 1. A worker whose own quiet pass is longer gets three of those.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Workers__StallAfter must be between 1 s and 1 h.")]
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromSeconds(60);
}
