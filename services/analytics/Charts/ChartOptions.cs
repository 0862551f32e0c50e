using System.ComponentModel.DataAnnotations;

namespace Repitbot.Analytics.Charts;

/// <summary>Section <c>Charts</c>.</summary>
public sealed class ChartOptions
{
    /// <summary>Where DejaVuSans.ttf and DejaVuSans-Bold.ttf are (Debian's fonts-dejavu-core).</summary>
    [Required]
    public string FontDirectory { get; set; } = "/usr/share/fonts/truetype/dejavu";
}
