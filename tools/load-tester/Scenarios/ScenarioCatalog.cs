using Repitbot.LoadTester.Baselines;

namespace Repitbot.LoadTester.Scenarios;

/// <summary>Every scenario and baseline the tool runs. A new scenario is one new file and one line here.</summary>
public static class ScenarioCatalog
{
    public static readonly IReadOnlyList<Scenario> All =
    [
        new IngestRestScenario(),
        new IngestBusScenario(),
        new ApiReadsScenario(),
        new FullReportScenario(),
        new NotifyEmailScenario(),
        new NotifyTelegramScenario(),
        new NotifyLoadScenario(),
        new HttpGetScenario(),
        new RabbitRawScenario(),
        new PostgresCopyScenario(),
        new RedisBenchmarkScenario(),
        new WrkScenario(),
        new PipelineScenario(),
        new PipelineMixedScenario(),
    ];

    public static Scenario? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
