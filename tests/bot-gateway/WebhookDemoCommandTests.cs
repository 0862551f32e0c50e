using System.Text.Json;
using Repitbot.BotGateway.Tests.Support;
using Repitbot.BotGateway.Webhooks;

namespace Repitbot.BotGateway.Tests;

/// <summary>
/// The signed curl command ./run.sh prints for its demo webhook source (deploy/local/lib/webhook.sh), run by
/// bash exactly as an operator pastes it, against the service on a real socket.
/// </summary>
public sealed class WebhookDemoCommandTests
{
    [Fact]
    public async Task The_printed_curl_command_is_accepted_and_records_the_lesson()
    {
        var factory = new BotGatewayFactory();
        factory.UseKestrel(0);
        await factory.InitializeAsync();
        try
        {
            var tutorId = Guid.NewGuid();
            factory.Track(tutorId);
            var service = KestrelAddress.Of(factory.Services);
            using var tutor = new HttpClient { BaseAddress = service };
            tutor.DefaultRequestHeaders.Authorization = new("Bearer", factory.Tokens.Tutor(tutorId));
            var student = await BotGatewayFactory.CreateStudentAsync(tutor);
            var intake = new Uri(service, $"/api/v1/webhooks/{BotGatewayFactory.WebhookSource}");

            var printed = await Shell.RunAsync("bash", ["-c", "source deploy/local/lib/webhook.sh && webhook_demo_command \"$@\"", "run.sh",
                intake.ToString(), BotGatewayFactory.WebhookSecret, tutorId.ToString(), student.StudentId.ToString()]);
            Assert.True(printed.ExitCode == 0, printed.Output);
            var sent = await Shell.RunAsync("bash", ["-c", printed.Stdout]);

            Assert.True(sent.ExitCode == 0, sent.Output);
            var receipt = JsonSerializer.Deserialize<WebhookReceipt>(sent.Stdout, Json.Options);
            Assert.True(receipt is { Status: "processed", Error: null }, $"{printed.Stdout}\n{sent.Output}");
            Assert.StartsWith("demo-", receipt.ExternalId, StringComparison.Ordinal);
            var lesson = Assert.Single(await OutboxRow.ForTutorAsync(factory.Database, tutorId),
                r => r.MessageType.EndsWith(".LessonCompleted", StringComparison.Ordinal));
            Assert.Contains("\"minutes\":60", lesson.Body.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }
}
