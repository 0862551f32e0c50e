namespace Repitbot.Hosting.Health;

public static class HealthTags
{
    /// <summary>Checks of real dependencies; <c>/health/ready</c> runs only these.</summary>
    public const string Ready = "ready";
}
