namespace Repitbot.TelegramStub.State;

/// <summary>What the stub did for one bot: successful sends, 429 answers and other errors.</summary>
public sealed class StubCounters
{
    public int Sent { get; set; }
    public int TooManyRequests { get; set; }
    public int Errors { get; set; }
    public int WebhookDeliveries { get; set; }
    public int WebhookFailures { get; set; }

    public void Reset()
    {
        Sent = 0;
        TooManyRequests = 0;
        Errors = 0;
        WebhookDeliveries = 0;
        WebhookFailures = 0;
    }

    public CountersSnapshot Snapshot() => new(Sent, TooManyRequests, Errors, WebhookDeliveries, WebhookFailures);
}

public sealed record CountersSnapshot(int Sent, int TooManyRequests, int Errors, int WebhookDeliveries, int WebhookFailures);
