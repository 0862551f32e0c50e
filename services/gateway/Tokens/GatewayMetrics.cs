using Prometheus;

namespace Repitbot.Gateway.Tokens;

/// <summary>The gateway's own metrics; names are fixed because the Grafana dashboards use them.</summary>
public static class GatewayMetrics
{
    public static readonly Counter TokensIssued = Metrics.CreateCounter(
        "repitbot_gateway_tokens_issued_total", "Access tokens issued, by grant.", "grant");

    public static readonly Counter AuthFailures = Metrics.CreateCounter(
        "repitbot_gateway_auth_failures_total", "Refused tokens and credentials, by reason.", "reason");

    public static readonly Counter RateLimited = Metrics.CreateCounter(
        "repitbot_gateway_rate_limited_total", "Requests answered 429, by rate-limit policy.", "policy");
}
