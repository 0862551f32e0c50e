using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repitbot.Hosting.Auth;
using Repitbot.Notification.Data;

namespace Repitbot.Notification.Delivery;

public static class DeliveriesApi
{
    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization(Policies.AnyUser);
        group.MapGet("/{userId:guid}", ListForUser).WithSummary("The latest notifications sent to one person.");
        return app;
    }

    private static async Task<Results<Ok<List<DeliveryView>>, ForbidHttpResult>> ListForUser(Guid userId,
        HttpContext http, NotificationDb db, CancellationToken cancellationToken, int limit = 50)
    {
        if (!http.User.IsAdminOrService() && http.User.UserId() != userId)
        {
            return TypedResults.Forbid();
        }

        var deliveries = await db.Deliveries.AsNoTracking()
            .Where(d => d.RecipientId == userId)
            .OrderByDescending(d => d.CreatedAt)
            .Take(Math.Clamp(limit, 1, 200))
            .Select(d => new DeliveryView(d.Id, d.TemplateKey, d.Channel.ToString(), d.Status.ToString(), d.Subject,
                d.Attempts, d.LastError, d.CreatedAt, d.SentAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(deliveries);
    }
}

public sealed record DeliveryView(Guid Id, string TemplateKey, string Channel, string Status, string? Subject,
    int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);
