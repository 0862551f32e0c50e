using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Areas;

/// <summary>What an area is asked for: whose, and which days (in the reader's time zone, <see cref="Period.TimeZone"/>).</summary>
public sealed record AreaQuery(AnalyticsScope Scope, Period Period);

/// <summary>
/// One analytics area: its name in the URL, whether a student may read it (their own part), and its query.
/// </summary>
public sealed record AreaDefinition(string Name, bool StudentVisible, Func<IServiceProvider, AreaQuery, CancellationToken, Task<object>> Load)
    : IReadTarget<AreaDefinition>
{
    static string IReadTarget<AreaDefinition>.RouteParameter => "area";

    static string IReadTarget<AreaDefinition>.What => "area";

    static IReadOnlyList<AreaDefinition> IReadTarget<AreaDefinition>.All => AreaCatalog.All;
}

public static class AreaCatalog
{
    public static readonly IReadOnlyList<AreaDefinition> All =
    [
        new("lessons", true, async (sp, q, ct) => await sp.GetRequiredService<LessonsArea>().GetAsync(q.Scope, q.Period, ct)),
        new("payments", true, async (sp, q, ct) => await sp.GetRequiredService<PaymentsArea>().GetAsync(q.Scope, q.Period, ct)),
        new("students", false, async (sp, q, ct) => await sp.GetRequiredService<StudentsArea>().GetAsync(q.Scope, q.Period, ct)),
        new("homework", true, async (sp, q, ct) => await sp.GetRequiredService<HomeworkArea>().GetAsync(q.Scope, q.Period, ct)),
        new("materials", true, async (sp, q, ct) => await sp.GetRequiredService<MaterialsArea>().GetAsync(q.Scope, q.Period, ct)),
        new("experiments", false, async (sp, q, ct) => await sp.GetRequiredService<ExperimentsArea>().GetAsync(q.Scope, q.Period, ct)),
    ];

    public static IServiceCollection AddAreas(this IServiceCollection services) => services
        .AddSingleton<EventSql>()
        .AddSingleton<People.Profiles>()
        .AddSingleton<LessonsArea>()
        .AddSingleton<PaymentsArea>()
        .AddSingleton<StudentsArea>()
        .AddSingleton<StudentStandings>()
        .AddSingleton<HomeworkArea>()
        .AddSingleton<MaterialsArea>()
        .AddSingleton<ExperimentsArea>();
}
