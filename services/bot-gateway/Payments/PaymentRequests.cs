using System.ComponentModel.DataAnnotations;
using Repitbot.Contracts;

namespace Repitbot.BotGateway.Payments;

public sealed record RecordPaymentRequest : IValidatableObject
{
    public required Guid PaymentId { get; init; }

    public required Guid StudentId { get; init; }

    /// <summary>Amount in minor units (kopecks, cents).</summary>
    [Range(1, 10_000_000_000)]
    public required long AmountMinor { get; init; }

    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "currency must be an ISO 4217 code such as RUB.")]
    public string Currency { get; init; } = "RUB";

    public required PaymentMethod Method { get; init; }

    [Range(0, 100)]
    public int LessonsCovered { get; init; }

    /// <summary>When the money arrived; now when omitted.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>Only admins and services name the tutor.</summary>
    public Guid? TutorId { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PaymentId == Guid.Empty)
        {
            yield return new ValidationResult("paymentId must not be empty.", [nameof(PaymentId)]);
        }

        if (ReceivedAt > DateTimeOffset.UtcNow.AddMinutes(5) || ReceivedAt is { Year: < 2000 })
        {
            yield return new ValidationResult("receivedAt must be in the past.", [nameof(ReceivedAt)]);
        }
    }
}

public sealed record RefundPaymentRequest
{
    public required Guid PaymentId { get; init; }

    /// <summary>The refunded part in minor units; the whole payment when omitted.</summary>
    [Range(1, 10_000_000_000)]
    public long? AmountMinor { get; init; }

    [StringLength(500)]
    public string? Reason { get; init; }

    public Guid? TutorId { get; init; }
}
