namespace Repitbot.TestSupport.Suite;

/// <summary>
/// Where one running copy of the suite listens. Each test project that starts the suite has ports of its own,
/// so they can run side by side and never meet a ./run.sh on 8000/8006/8007/8080.
/// </summary>
public sealed record SuitePorts(int Gateway, int BotGateway, int Notification, int Analytics)
{
    /// <summary>tests/EndToEnd.</summary>
    public static readonly SuitePorts EndToEnd = Shifted(18080, 18000, 18006, 18007);

    /// <summary>tests/ops (Prometheus scrapes these).</summary>
    public static readonly SuitePorts Monitoring = Shifted(19080, 19000, 19006, 19007);

    /// <summary>
    /// REPITBOT_SUITE_PORT_OFFSET moves every port by the same amount, so two checkouts on one machine can run
    /// these suites at once.
    /// </summary>
    private static SuitePorts Shifted(int gateway, int botGateway, int notification, int analytics)
    {
        var offset = int.TryParse(Environment.GetEnvironmentVariable("REPITBOT_SUITE_PORT_OFFSET"), out var value) ? value : 0;
        return new(gateway + offset, botGateway + offset, notification + offset, analytics + offset);
    }

    /// <summary>Service folder, assembly and port, in the order the suite starts them (the gateway first: the others read its JWKS).</summary>
    public IReadOnlyList<(string Name, string Assembly, int Port)> Services =>
    [
        ("gateway", "Repitbot.Gateway", Gateway),
        ("bot-gateway", "Repitbot.BotGateway", BotGateway),
        ("notification", "Repitbot.Notification", Notification),
        ("analytics", "Repitbot.Analytics", Analytics),
    ];

    public Uri GatewayUrl => new($"http://127.0.0.1:{Gateway}");

    /// <summary>The settings every service of this copy shares: its URL, where the JWKS and the other services are.</summary>
    public Dictionary<string, string> BaseEnvironment(string name, int port)
    {
        var settings = LocalEnvironment.For(name);
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        settings["Jwt__JwksUrl"] = $"http://127.0.0.1:{Gateway}/.well-known/jwks.json";
        settings["Services__BotGateway"] = $"http://127.0.0.1:{BotGateway}";
        settings["Services__Notification"] = $"http://127.0.0.1:{Notification}";
        settings["Services__Analytics"] = $"http://127.0.0.1:{Analytics}";
        return settings;
    }
}
