using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repitbot.Hosting.Auth;
using Repitbot.Hosting.Errors;
using Repitbot.Notification.Data;
using Repitbot.Notification.Names;

namespace Repitbot.Notification.Preferences;

public static class PreferencesApi
{
    public static IEndpointRouteBuilder MapPreferencesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/preferences").WithTags("Preferences").RequireAuthorization(Policies.AnyUser);
        group.MapGet("/{userId:guid}", Get).WithSummary("A person's notification preferences (their own; admins anyone's).");
        group.MapPut("/{userId:guid}", Put).WithSummary("Replaces the given preferences; omitted fields keep their value.");
        return app;
    }

    private static bool MayAccess(ClaimsPrincipal user, Guid userId) => user.IsAdminOrService() || user.UserId() == userId;

    private static async Task<Results<Ok<PreferenceView>, NotFound, ForbidHttpResult>> Get(Guid userId, ClaimsPrincipal user,
        NotificationDb db, CancellationToken cancellationToken)
    {
        if (!MayAccess(user, userId))
        {
            return TypedResults.Forbid();
        }

        var recipient = await db.Recipients.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId, cancellationToken);
        if (recipient is null)
        {
            return TypedResults.NotFound();
        }

        var stored = await db.Preferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return TypedResults.Ok(EffectivePreferences.For(recipient, stored).ToView());
    }

    private static async Task<Results<Ok<PreferenceView>, ValidationProblem, ForbidHttpResult>> Put(Guid userId,
        PreferenceRequest request, ClaimsPrincipal user, NotificationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!MayAccess(user, userId))
        {
            return TypedResults.Forbid();
        }

        var recipient = await db.Recipients.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId, cancellationToken);
        if (recipient is null)
        {
            return FieldProblem.Of("userId", $"No user {userId} is known to the notification service.");
        }

        var stored = await db.Preferences.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var preference = stored ?? new Preference { UserId = userId };
        var errors = PreferenceInput.Apply(request, preference);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        preference.UpdatedAt = clock.GetUtcNow();
        if (stored is null)
        {
            db.Preferences.Add(preference);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(EffectivePreferences.For(recipient, preference).ToView());
    }
}
