using System.ComponentModel.DataAnnotations;

namespace Repitbot.Analytics.Exports;

/// <summary>Settings under <c>Analytics:Exports</c>.</summary>
public sealed class ExportOptions
{
    public const string Section = "Analytics:Exports";

    /// <summary>The longest span one export may cover, in days (from and to inclusive).</summary>
    [Range(1, 3660)]
    public int MaxDays { get; set; } = 366;

    /// <summary>The largest import body accepted, in bytes.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxImportBytes { get; set; } = 1L << 30;

    /// <summary>Good lines stored per transaction while importing.</summary>
    [Range(1, 10_000)]
    public int ImportBatchSize { get; set; } = 500;
}
