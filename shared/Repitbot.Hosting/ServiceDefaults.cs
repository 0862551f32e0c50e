using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;
using Repitbot.Hosting.Auth;
using Repitbot.Hosting.Configuration;
using Repitbot.Hosting.Data;
using Repitbot.Hosting.Errors;
using Repitbot.Hosting.Health;
using Repitbot.Hosting.Observability;
using Repitbot.Hosting.Workers;

namespace Repitbot.Hosting;

/// <summary>What every Repitbot service does the same way.</summary>
public static class ServiceDefaults
{
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        PrometheusDefaults.Apply();
        LogLevelDefaults.Apply(builder.Configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddRepitbotProblemDetails();
        builder.Services.AddValidation();
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.AddHealthChecks();
        builder.Services.AddHealthCheckTimeouts();
        builder.Services.AddWorkerHeartbeats();
        builder.Services.AddBoundedShutdown();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        builder.Services.AddRepitbotAuthentication();
        return builder;
    }

    /// <summary>
    /// Ends the process before it serves anything: runs the <c>migrate</c> command and exits with its code when
    /// the service was started with it, else exits with a configuration error if any setting is invalid. Call it
    /// first after <c>Build()</c>: mapping health checks already builds the message bus from its settings.
    /// </summary>
    public static WebApplication ExitIfCommandOrInvalidSettings(this WebApplication app)
    {
        MigrateCommand.ExitIfInvoked(app);
        ServiceRunner.ExitOnInvalidSettings(app);
        return app;
    }

    /// <summary>Correlation ids, problem details for exceptions and bare status codes, HTTP metrics, authentication and authorization.</summary>
    public static WebApplication UseDefaultMiddleware(this WebApplication app)
    {
        app.UseMiddleware<CorrelationId>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHttpMetrics();
        // The documentation page and its scripts are static files served by middleware, not endpoints:
        // after UseAuthorization the fallback policy answered them 401, so a browser never saw the page.
        // The calls the page makes go to the API and still need a token.
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "docs";
            o.DocumentTitle = $"{app.Environment.ApplicationName} API";
            o.SwaggerEndpoint("/openapi/v1.json", app.Environment.ApplicationName);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Health (<c>/health</c>, <c>/health/live</c>, <c>/health/ready</c>), <c>/metrics</c>, <c>/openapi/v1.json</c> and the <c>/docs</c> UI, all anonymous.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous();
        var readiness = new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthResponse.WriteAsync,
        };
        app.MapHealthChecks("/health/ready", readiness).AllowAnonymous();
        // /health is what operators type first; unmapped, the fallback policy answered it 401. Order 1: a
        // service with a /health of its own (the gateway's summary of the suite) is matched first.
        app.MapHealthChecks("/health", readiness).AllowAnonymous().WithOrder(1);
        app.MapMetrics().AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
