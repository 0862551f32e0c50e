namespace Repitbot.TestSupport.Suite;

/// <summary>What differs between the places that start the whole suite as processes.</summary>
public sealed record SuiteOptions(SuitePorts Ports)
{
    /// <summary>API clients the gateway knows.</summary>
    public IReadOnlyList<SuiteClient> Clients { get; init; } = [];

    /// <summary>The client the bot gateway signs in with to call notification and analytics (registered at the gateway too); null: none.</summary>
    public SuiteClient? BotClient { get; init; }

    /// <summary>More settings for one service (by folder name), after the suite's own.</summary>
    public Action<string, Dictionary<string, string>>? Configure { get; init; }

    /// <summary>How long one service may take to become ready; a shared, busy machine starts slowly.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(180);
}
