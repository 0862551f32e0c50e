using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repitbot.Contracts;
using Repitbot.Hosting.Auth;
using Repitbot.Hosting.Errors;
using Repitbot.Notification.Data;
using Repitbot.Notification.Names;

namespace Repitbot.Notification.Delivery;

public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization(Policies.AnyUser);
        group.MapGet("/", List).WithSummary("The delivery log: filter by recipient, type, status and period; paged.");
        group.MapGet("/{id:guid}", Get).WithSummary("One notification with its attempts and outcome.");
        group.MapPost("/", NotificationSends.Send).WithSummary("Sends a template to people; honours Idempotency-Key.")
            .RequireAuthorization(Policies.TutorData);
        group.MapPost("/test", NotificationSends.Test).WithSummary("A test notification to the caller on every enabled channel.");
        return app;
    }

    private static async Task<Results<Ok<NotificationPage>, ValidationProblem, ForbidHttpResult>> List(ClaimsPrincipal user,
        NotificationDb db, CancellationToken cancellationToken, Guid? recipientId = null, string? type = null, string? status = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int page = 1, int pageSize = 50)
    {
        // Everyone but admins and services sees only what was sent to them.
        if (!user.IsAdminOrService())
        {
            if (recipientId is not null && recipientId != user.UserId())
            {
                return TypedResults.Forbid();
            }

            recipientId = user.UserId() ?? Guid.Empty;
        }

        DeliveryStatus? parsedStatus = null;
        if (status is not null)
        {
            if (!Enum.TryParse<DeliveryStatus>(status, ignoreCase: true, out var s) || int.TryParse(status, out _))
            {
                return FieldProblem.Of("status", "Must be pending, scheduled, sending, sent, failed or suppressed.");
            }

            parsedStatus = s;
        }

        if (page < 1 || pageSize is < 1 or > 200)
        {
            return FieldProblem.Of(page < 1 ? "page" : "pageSize", page < 1 ? "Must be 1 or more." : "Must be 1-200.");
        }

        var query = db.Deliveries.AsNoTracking()
            .Where(d => (recipientId == null || d.RecipientId == recipientId) && (type == null || d.TemplateKey == type)
                && (parsedStatus == null || d.Status == parsedStatus) && (from == null || d.CreatedAt >= from) && (to == null || d.CreatedAt < to));
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new NotificationPage(items.Select(NotificationView.From).ToList(), page, pageSize, total));
    }

    private static async Task<Results<Ok<NotificationView>, NotFound, ForbidHttpResult>> Get(Guid id, ClaimsPrincipal user,
        NotificationDb db, CancellationToken cancellationToken)
    {
        var row = await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (row is null)
        {
            return TypedResults.NotFound();
        }

        return user.IsAdminOrService() || user.UserId() == row.RecipientId
            ? TypedResults.Ok(NotificationView.From(row))
            : TypedResults.Forbid();
    }
}
