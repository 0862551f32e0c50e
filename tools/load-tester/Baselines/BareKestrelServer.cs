using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Repitbot.LoadTester.Baselines;

/// <summary>
/// A bare Kestrel endpoint answering a dashboard-sized JSON body from memory: what this machine's HTTP
/// stack does with no work behind it, and the backend the gateway and nginx are compared in front of.
/// </summary>
public static class BareKestrelServer
{
    private static readonly byte[] Body = """
        {"tutorId":null,"days":7,"from":"2026-01-01","to":"2026-01-07","lessonsCompleted":{"value":120,"previous":110,"changePercent":9.1},"noShows":{"value":4,"previous":6,"changePercent":-33.3},"minutesTaught":{"value":7200,"previous":6600,"changePercent":9.1},"attendanceRatePercent":96.8}
        """u8.ToArray();

    public static async Task<int> RunAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/health/live", () => "ok");
        app.MapGet("/{**path}", (HttpContext http) =>
        {
            http.Response.ContentType = "application/json";
            return http.Response.Body.WriteAsync(Body).AsTask();
        });
        await Console.Error.WriteLineAsync($"bare Kestrel endpoint on http://127.0.0.1:{port}/ (Ctrl-C stops it)");
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
