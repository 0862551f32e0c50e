namespace Repitbot.Analytics.Areas;

/// <summary>One analytics area: its name in the URL, whether a student may read it (their own part), and its query.</summary>
public sealed record AreaDefinition(string Name, bool StudentVisible,
    Func<IServiceProvider, AnalyticsScope, Period, CancellationToken, Task<object>> Load);

public static class AreaCatalog
{
    public static readonly IReadOnlyList<AreaDefinition> All =
    [
        new("lessons", true, async (sp, s, p, ct) => await sp.GetRequiredService<LessonsArea>().GetAsync(s, p, ct)),
        new("payments", true, async (sp, s, p, ct) => await sp.GetRequiredService<PaymentsArea>().GetAsync(s, p, ct)),
        new("students", false, async (sp, s, p, ct) => await sp.GetRequiredService<StudentsArea>().GetAsync(s, p, ct)),
        new("homework", true, async (sp, s, p, ct) => await sp.GetRequiredService<HomeworkArea>().GetAsync(s, p, ct)),
        new("materials", true, async (sp, s, p, ct) => await sp.GetRequiredService<MaterialsArea>().GetAsync(s, p, ct)),
        new("experiments", false, async (sp, s, p, ct) => await sp.GetRequiredService<ExperimentsArea>().GetAsync(s, p, ct)),
    ];

    public static AreaDefinition? Find(string name) =>
        All.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    public static IServiceCollection AddAreas(this IServiceCollection services) => services
        .AddSingleton<EventSql>()
        .AddSingleton<LessonsArea>()
        .AddSingleton<PaymentsArea>()
        .AddSingleton<StudentsArea>()
        .AddSingleton<HomeworkArea>()
        .AddSingleton<MaterialsArea>()
        .AddSingleton<ExperimentsArea>();
}
