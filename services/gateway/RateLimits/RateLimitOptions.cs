using System.ComponentModel.DataAnnotations;

namespace Repitbot.Gateway.RateLimits;

/// <summary>Fixed windows on the /auth endpoints, per calling IP and per client (or Telegram user, or session).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 1_000_000, ErrorMessage = "RateLimits__AuthPerIp must be between 1 and 1000000.")]
    public int AuthPerIp { get; set; } = 60;

    [Range(1, 1_000_000, ErrorMessage = "RateLimits__AuthPerClient must be between 1 and 1000000.")]
    public int AuthPerClient { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "RateLimits__Window must be between 00:00:01 and 01:00:00.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Start of the Redis keys; gateways that should share allowances share it.</summary>
    [Required(ErrorMessage = "RateLimits__KeyPrefix must not be empty.")]
    [RegularExpression("^[A-Za-z0-9:_-]{1,64}$", ErrorMessage = "RateLimits__KeyPrefix may hold letters, digits, ':', '_' and '-' (at most 64).")]
    public string KeyPrefix { get; set; } = "gateway";
}

public static class RateLimitPolicies
{
    public const string AuthPerIp = "auth-per-ip";
    public const string AuthPerClient = "auth-per-client";
}
