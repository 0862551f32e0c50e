using Microsoft.EntityFrameworkCore;
using Repitbot.BotGateway.Data;
using Repitbot.BotGateway.UseCases;
using Repitbot.Contracts;

namespace Repitbot.BotGateway.Payments;

public sealed class PaymentUseCases(EventJournal journal)
{
    public async Task<Outcome<PaymentReceived>> RecordAsync(Guid tutorId, RecordPaymentRequest request,
        CancellationToken cancellationToken)
    {
        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        var key = $"payments/received:{request.PaymentId}";
        var fingerprint = $"{request.StudentId}|{request.AmountMinor}|{request.Currency}|{request.Method}|{request.LessonsCovered}";
        var conflict = $"Payment {request.PaymentId} was already recorded differently.";
        if (await journal.FindEarlierAsync<PaymentReceived>(key, tutorId, fingerprint, "paymentId", conflict, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        if (!await journal.IsLinkedAsync(tutorId, request.StudentId, cancellationToken))
        {
            return Failure.StudentNotLinked(request.StudentId);
        }

        var receivedAt = request.ReceivedAt?.ToUniversalTime() ?? journal.Now;
        journal.Db.Payments.Add(new Payment
        {
            Id = request.PaymentId, TutorId = tutorId, StudentId = request.StudentId, AmountMinor = request.AmountMinor,
            Currency = request.Currency, Method = request.Method, LessonsCovered = request.LessonsCovered,
            ReceivedAt = receivedAt,
        });
        return await journal.CommitAsync(key, fingerprint, new PaymentReceived
        {
            EventId = Guid.NewGuid(), OccurredAt = receivedAt, TutorId = tutorId, StudentId = request.StudentId,
            PaymentId = request.PaymentId, AmountMinor = request.AmountMinor, Currency = request.Currency,
            Method = request.Method, LessonsCovered = request.LessonsCovered,
        }, "paymentId", conflict, cancellationToken);
    }

    /// <summary>One refund per payment, at most what was paid.</summary>
    public async Task<Outcome<PaymentRefunded>> RefundAsync(Guid tutorId, RefundPaymentRequest request,
        CancellationToken cancellationToken)
    {
        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        var key = $"payments/refunded:{request.PaymentId}";
        var fingerprint = $"{request.AmountMinor}|{request.Reason}";
        var conflict = $"Payment {request.PaymentId} was already refunded differently.";
        if (await journal.FindEarlierAsync<PaymentRefunded>(key, tutorId, fingerprint, "paymentId", conflict, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var payment = await journal.Db.Payments.FirstOrDefaultAsync(p => p.Id == request.PaymentId && p.TutorId == tutorId, cancellationToken);
        if (payment is null)
        {
            return Failure.NotFound("paymentId", "payment_not_found", $"Payment {request.PaymentId} was not found.");
        }

        var amount = request.AmountMinor ?? payment.AmountMinor;
        if (amount > payment.AmountMinor)
        {
            return Failure.Invalid("amountMinor", $"A refund cannot exceed the payment ({payment.AmountMinor}).");
        }

        payment.RefundedMinor = amount;
        return await journal.CommitAsync(key, fingerprint, new PaymentRefunded
        {
            EventId = Guid.NewGuid(), OccurredAt = journal.Now, TutorId = tutorId, StudentId = payment.StudentId,
            PaymentId = payment.Id, AmountMinor = amount, Currency = payment.Currency, Reason = request.Reason,
        }, "paymentId", conflict, cancellationToken);
    }
}
