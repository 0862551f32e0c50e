using System.Security.Claims;
using Repitbot.BotGateway.Events;
using Repitbot.Hosting.Auth;

namespace Repitbot.BotGateway.Payments;

public static class PaymentEventsApi
{
    public static IEndpointRouteBuilder MapPaymentEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/events/payments").WithTags("Events").RequireAuthorization(Policies.TutorData);
        group.MapPost("/received", (RecordPaymentRequest request, ClaimsPrincipal user, PaymentUseCases payments, CancellationToken ct) =>
                EventResults.RecordAsync(EventKinds.PaymentReceived, user, request.TutorId, t => payments.RecordAsync(t, request, ct)))
            .WithSummary("Records a payment from one of the tutor's students and publishes PaymentReceived.");
        group.MapPost("/refunded", (RefundPaymentRequest request, ClaimsPrincipal user, PaymentUseCases payments, CancellationToken ct) =>
                EventResults.RecordAsync(EventKinds.PaymentRefunded, user, request.TutorId, t => payments.RefundAsync(t, request, ct)))
            .WithSummary("Refunds all or part of a payment and publishes PaymentRefunded.");
        return app;
    }
}
