using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Repitbot.BotGateway.Events;
using Repitbot.BotGateway.Homework;
using Repitbot.BotGateway.Lessons;
using Repitbot.BotGateway.Materials;
using Repitbot.BotGateway.Payments;
using Repitbot.BotGateway.UseCases;
using Repitbot.Contracts;

namespace Repitbot.BotGateway.Webhooks;

/// <summary>
/// Which use case a payload's <c>type</c> goes to. <c>data</c> has the fields of the matching REST request;
/// a missing entity id is derived from source and external id, so a resent delivery maps to the same one.
/// </summary>
public static class WebhookMappings
{
    private delegate Task<Failure?> Run(IServiceProvider services, Guid tutorId, JsonObject data, CancellationToken ct);

    private static readonly Dictionary<string, (string IdField, Run Run)> Mappings = new(StringComparer.Ordinal)
    {
        [EventKinds.LessonScheduled] = ("lessonId", Use<ScheduleLessonRequest, LessonPlanning>((u, t, r, ct) => Failed(u.ScheduleAsync(t, r, ct)))),
        [EventKinds.LessonRescheduled] = ("lessonId", Use<RescheduleLessonRequest, LessonPlanning>((u, t, r, ct) => Failed(u.RescheduleAsync(t, r, ct)))),
        [EventKinds.LessonCancelled] = ("lessonId", Use<CancelLessonRequest, LessonPlanning>((u, t, r, ct) => Failed(u.CancelAsync(t, r, ct)))),
        [EventKinds.LessonCompleted] = ("lessonId", Use<LessonCompletedRequest, LessonCompletion>((u, t, r, ct) => Failed(u.CompleteAsync(t, r, ct)))),
        [EventKinds.HomeworkAssigned] = ("homeworkId", Use<AssignHomeworkRequest, HomeworkUseCases>((u, t, r, ct) => Failed(u.AssignAsync(t, r, ct)))),
        [EventKinds.HomeworkSubmitted] = ("homeworkId", Use<SubmitHomeworkRequest, HomeworkUseCases>((u, t, r, ct) => Failed(u.SubmitAsync(Caller.Tutor(t), r, ct)))),
        [EventKinds.HomeworkGraded] = ("homeworkId", Use<GradeHomeworkRequest, HomeworkUseCases>((u, t, r, ct) => Failed(u.GradeAsync(t, r, ct)))),
        [EventKinds.PaymentReceived] = ("paymentId", Use<RecordPaymentRequest, PaymentUseCases>((u, t, r, ct) => Failed(u.RecordAsync(t, r, ct)))),
        [EventKinds.PaymentRefunded] = ("paymentId", Use<RefundPaymentRequest, PaymentUseCases>((u, t, r, ct) => Failed(u.RefundAsync(t, r, ct)))),
        [EventKinds.MaterialShared] = ("materialId", Use<ShareMaterialRequest, MaterialUseCases>((u, t, r, ct) => Failed(u.ShareAsync(t, r, ct)))),
        [EventKinds.MaterialViewed] = ("viewId", Use<ViewMaterialRequest, MaterialUseCases>((u, t, r, ct) => Failed(u.ViewAsync(Caller.Tutor(t), r, ct)))),
    };

    /// <summary>Runs the payload's use case; the answer is null when it recorded (or had already recorded) the event.</summary>
    public static async Task<string?> ApplyAsync(IServiceProvider services, string source, string externalId, JsonObject payload,
        CancellationToken cancellationToken)
    {
        var type = payload["type"]?.GetValueKind() == JsonValueKind.String ? payload["type"]!.GetValue<string>() : null;
        if (type is null || !Mappings.TryGetValue(type, out var mapping))
        {
            return $"type: unknown event type '{type}'. Known types: {string.Join(", ", Mappings.Keys)}.";
        }

        if (payload["tutorId"]?.GetValueKind() != JsonValueKind.String || !Guid.TryParse(payload["tutorId"]!.GetValue<string>(), out var tutorId))
        {
            return "tutorId: a tutor id (uuid) is required.";
        }

        if (payload["data"] is not JsonObject data)
        {
            return "data: an object with the event's fields is required.";
        }

        data = data.DeepClone().AsObject();
        data[mapping.IdField] ??= DerivedId(source, externalId).ToString();
        try
        {
            return await mapping.Run(services, tutorId, data, cancellationToken) is { } failure
                ? $"{failure.Field}: {failure.Message}"
                : null;
        }
        catch (JsonException ex)
        {
            return $"data: {ex.Message}";
        }
    }

    private static Run Use<TRequest, TUseCase>(Func<TUseCase, Guid, TRequest, CancellationToken, Task<Failure?>> call)
        where TUseCase : notnull =>
        (services, tutorId, data, ct) => call(services.GetRequiredService<TUseCase>(), tutorId,
            data.Deserialize<TRequest>(WireFormat.Json) ?? throw new JsonException("data is null."), ct);

    private static async Task<Failure?> Failed<TEvent>(Task<Outcome<TEvent>> outcome)
        where TEvent : class => (await outcome).Failure;

    private static Guid DerivedId(string source, string externalId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"webhook:{source}:{externalId}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
