using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Repitbot.Hosting.Startup;

namespace Repitbot.Hosting.Configuration;

public static class ServiceRunner
{
    public const int ConfigurationError = 2;
    public const int DependencyUnavailable = 3;

    /// <summary>How long start-up tasks together may take before the service gives up.</summary>
    public static readonly TimeSpan StartupBudget = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Validates settings, checks that every infrastructure server answers, runs start-up tasks
    /// (migrations), then serves. A failure before serving is one readable line and a non-zero exit,
    /// not a stack trace.
    /// </summary>
    public static async Task<int> RunServiceAsync(this WebApplication app)
    {
        var name = app.Environment.ApplicationName;
        ExitOnInvalidSettings(app);
        // Generous: a migration that builds an index over a month-partitioned table of millions of rows,
        // on a busy machine, takes minutes; each dependency probe still gives up after its own patience.
        using var startupTimeout = new CancellationTokenSource(StartupBudget);
        try
        {
            await app.Services.RunStartupTasksAsync(startupTimeout.Token);
        }
        catch (StartupTaskFailedException ex)
        {
            await Console.Error.WriteLineAsync($"{name}: cannot start: {ex.Message}");
            return DependencyUnavailable;
        }
        catch (OperationCanceledException) when (startupTimeout.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync(
                $"{name}: cannot start: start-up tasks (migrations, seeding) took longer than {StartupBudget.TotalMinutes:0} minutes");
            return DependencyUnavailable;
        }

        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// Checks every validated options class and, if any setting is missing or invalid, prints one line
    /// per setting and exits with <see cref="ConfigurationError"/>. It runs before endpoints are mapped,
    /// because mapping health checks already builds the message bus from its settings.
    /// </summary>
    public static void ExitOnInvalidSettings(WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception ex) when (ValidationFailures(ex) is { Count: > 0 } failures)
        {
            foreach (var failure in failures)
            {
                Console.Error.WriteLine($"{app.Environment.ApplicationName}: configuration error: {failure}");
            }

            Environment.Exit(ConfigurationError);
        }
    }

    /// <summary>DataAnnotations wraps our message in "validation failed for X members: ..."; keep ours.</summary>
    internal static string Readable(string failure)
    {
        var match = System.Text.RegularExpressions.Regex.Match(failure, "with the error: '(?<message>.*)'\\.?$");
        return match.Success ? match.Groups["message"].Value : failure;
    }

    /// <summary>Several invalid options classes arrive as an <see cref="AggregateException"/> of them.</summary>
    private static List<string> ValidationFailures(Exception exception) => exception switch
    {
        OptionsValidationException options => options.Failures.Select(Readable).ToList(),
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(ValidationFailures).ToList(),
        _ => [],
    };
}
