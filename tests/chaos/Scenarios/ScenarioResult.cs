namespace Repitbot.Chaos.Scenarios;

/// <summary>One row of RELIABILITY.md: what a scenario counted after the fault and whether every count was exact.</summary>
public sealed record ScenarioResult(
    string Name,
    string Fault,
    int Sent,
    int Accepted,
    int Stored,
    string Dashboard,
    string DashboardExpected,
    int EmailsExpected,
    int EmailsSent,
    int EmailDuplicates,
    int TelegramExpected,
    int TelegramSent,
    int TelegramDuplicates,
    int Announced,
    int Stuck,
    int InternalErrors,
    TimeSpan? Recovery,
    string Calls,
    IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;
}
