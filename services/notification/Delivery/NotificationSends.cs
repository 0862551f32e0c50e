using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Repitbot.Contracts;
using Repitbot.Hosting.Auth;
using Repitbot.Hosting.Errors;
using Repitbot.Notification.Data;
using Repitbot.Notification.Names;
using Repitbot.Notification.People;
using Repitbot.Notification.Planning;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Delivery;

internal static class NotificationSends
{
    private const int MaxKeyLength = 100;

    public static async Task<Results<Accepted<SendResponse>, ValidationProblem, ForbidHttpResult>> Send(SendRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ClaimsPrincipal user, NotificationDb db, Audience audience,
        NotificationPlanner planner, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Type is null || NotificationTypes.Find(request.Type) is null)
        {
            errors["type"] = [request.Type is null ? "This field is required." : $"Unknown notification type '{request.Type}'."];
        }

        NotificationChannel? channel = null;
        if (request.Channel is not null)
        {
            if (Channels.TryParse(request.Channel, out var parsed))
            {
                channel = parsed;
            }
            else
            {
                errors["channel"] = ["Must be email or telegram."];
            }
        }

        if (request.RecipientIds is not { Count: > 0 and <= 1000 })
        {
            errors["recipientIds"] = ["Give 1 to 1000 recipients."];
        }

        if (idempotencyKey is { Length: > MaxKeyLength })
        {
            errors["Idempotency-Key"] = [$"At most {MaxKeyLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var recipients = request.RecipientIds!.Distinct().ToList();
        var known = await db.Recipients.AsNoTracking().Where(r => recipients.Contains(r.UserId)).Select(r => r.UserId).ToListAsync(cancellationToken);
        if (recipients.Except(known).FirstOrDefault() is var unknown && unknown != Guid.Empty)
        {
            return FieldProblem.Of("recipientIds", $"No user {unknown} is known to the notification service.");
        }

        var now = clock.GetUtcNow();
        if (!user.IsAdminOrService())
        {
            // A tutor writes only to their own students.
            var tutorId = user.UserId() ?? Guid.Empty;
            var students = await audience.StudentsOfAsync(tutorId, now, cancellationToken);
            if (recipients.Any(r => !students.Contains(r)))
            {
                return TypedResults.Forbid();
            }
        }

        var data = TemplateData.FromElements(request.Data);
        var ids = await planner.PlanAsync(new PlannedNotification(idempotencyKey ?? Guid.NewGuid().ToString("N"), request.Type!, now,
            recipients, _ => new Dictionary<string, object?>(data)) { Channel = channel, FirstRecipientRequired = false }, cancellationToken);
        return TypedResults.Accepted("/api/v1/notifications", new SendResponse(ids));
    }

    /// <summary>The bot's "🧪 Тестовое уведомление": one message on each channel the caller has switched on.</summary>
    /// <remarks>
    /// The bot asks on behalf of the person pressing "🧪 Тестовое уведомление" with its service token, so
    /// a service or an admin may name the user; anyone else tests their own channels only.
    /// </remarks>
    public static async Task<Results<Accepted<SendResponse>, ValidationProblem, ForbidHttpResult>> Test(
        [FromBody] TestRequest? request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ClaimsPrincipal user,
        NotificationDb db, NotificationPlanner planner, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        if (request?.UserId is { } named && named != userId)
        {
            if (!user.IsAdminOrService())
            {
                return TypedResults.Forbid();
            }

            userId = named;
        }

        if (userId is null || !await db.Recipients.AnyAsync(r => r.UserId == userId, cancellationToken))
        {
            return FieldProblem.Of("userId", "Not a user known to the notification service.");
        }

        if (idempotencyKey is { Length: > MaxKeyLength })
        {
            return FieldProblem.Of("Idempotency-Key", $"At most {MaxKeyLength} characters.");
        }

        var key = idempotencyKey ?? Guid.NewGuid().ToString("N");
        var ids = new List<Guid>();
        foreach (var channel in new[] { NotificationChannel.Email, NotificationChannel.Telegram })
        {
            ids.AddRange(await planner.PlanAsync(new PlannedNotification(key, NotificationTypes.Test, clock.GetUtcNow(), [userId.Value],
                _ => []) { Channel = channel }, cancellationToken));
        }

        return TypedResults.Accepted("/api/v1/notifications", new SendResponse(ids));
    }
}
