using System.Text.Json.Nodes;

namespace Repitbot.TelegramStub.State;

/// <summary>One Bot API call as the stub saw it; files keep their bytes so tests can compare them.</summary>
public sealed record RecordedCall(
    long Sequence,
    DateTimeOffset At,
    string Method,
    long? ChatId,
    JsonObject Parameters,
    IReadOnlyList<UploadedFile> Files,
    int Status,
    string? Description);

public sealed record UploadedFile(string Field, string? FileName, string? ContentType, byte[] Content);
