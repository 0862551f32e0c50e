using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repitbot.BotGateway.Data;
using Repitbot.BotGateway.Events;
using Repitbot.BotGateway.Telegram;
using Repitbot.Contracts;
using Repitbot.Hosting.Auth;

namespace Repitbot.BotGateway.People;

public sealed record CreateInviteRequest
{
    /// <summary>student or parent.</summary>
    public UserRole Role { get; init; } = UserRole.Student;

    /// <summary>For a parent invite: whose parent.</summary>
    public Guid? StudentId { get; init; }
}

/// <summary>What the API gateway reads for Telegram sign-in: <c>id</c> and <c>role</c>.</summary>
public sealed record TelegramUserFound(Guid Id, string Role, string DisplayName, string Locale);

/// <summary>Invites, profiles, and the lookup the API gateway uses for Telegram login.</summary>
public static class PeopleApi
{
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var tutors = app.MapGroup("/api/v1").WithTags("People").RequireAuthorization(p => p.RequireRole(Roles.Tutor));
        tutors.MapPost("/invites", CreateInviteAsync).WithSummary("Creates a single-use, expiring t.me invite link.");

        var anyone = app.MapGroup("/api/v1/profile").WithTags("People").RequireAuthorization(Policies.AnyUser);
        anyone.MapGet("/", async Task<Results<Ok<Profile>, NotFound>> (ClaimsPrincipal user, Profiles profiles, CancellationToken ct) =>
            user.UserId() is { } id && await profiles.GetAsync(id, ct) is { } profile ? TypedResults.Ok(profile) : TypedResults.NotFound());
        anyone.MapPatch("/", ChangeProfileAsync).WithSummary("Changes the caller's name, language, time zone or e-mail.");

        app.MapGet("/api/v1/users/by-telegram/{telegramUserId:long}", FindByTelegramAsync).WithTags("People")
            .RequireAuthorization(p => p.RequireRole(Roles.Service, Roles.Admin))
            .WithSummary("The user behind a Telegram account (for Telegram login at the API gateway).");
        return app;
    }

    private static async Task<Results<Created<InviteCreated>, ValidationProblem, ProblemHttpResult>> CreateInviteAsync(
        CreateInviteRequest request, ClaimsPrincipal user, Invites invites, BotLinks links, CancellationToken ct)
    {
        var (invite, failure) = await invites.CreateAsync(user.UserId()!.Value, request.Role, request.StudentId, ct);
        if (failure is not null)
        {
            return failure.Kind == UseCases.FailureKind.Invalid ? EventResults.Invalid(failure) : EventResults.Problem(failure);
        }

        var created = new InviteCreated(invite!.Code, invite.Role.ToString().ToLowerInvariant(), invite.StudentId, invite.ExpiresAt,
            await links.InviteLinkAsync(invite.Code, ct));
        return TypedResults.Created($"/api/v1/invites/{invite.Code}", created);
    }

    private static async Task<Results<Ok<Profile>, ValidationProblem, ProblemHttpResult>> ChangeProfileAsync(
        ProfileChange change, ClaimsPrincipal user, Profiles profiles, CancellationToken ct)
    {
        if (user.UserId() is not { } id)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "The caller has no profile.");
        }

        var (profile, failure) = await profiles.ChangeAsync(id, change, ct);
        return failure is null ? TypedResults.Ok(profile!)
            : failure.Kind == UseCases.FailureKind.Invalid ? EventResults.Invalid(failure) : EventResults.Problem(failure);
    }

    private static async Task<Results<Ok<TelegramUserFound>, ProblemHttpResult>> FindByTelegramAsync(long telegramUserId,
        BotGatewayDb db, CancellationToken ct) =>
        await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.TelegramUserId == telegramUserId, ct) is { } found
            ? TypedResults.Ok(new TelegramUserFound(found.Id, found.Role.ToString().ToLowerInvariant(), found.DisplayName, found.Locale))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No user with Telegram id {telegramUserId}.");
}
