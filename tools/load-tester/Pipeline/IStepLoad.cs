using Repitbot.LoadTester.Engine;

namespace Repitbot.LoadTester.Pipeline;

/// <summary>
/// What a stepped pipeline run posts at each rate (<see cref="SteppedRun"/>): the arrivals, where their mails are
/// found, and how many completed lessons the dashboard must count. Step -1 is the unrecorded warm-up.
/// </summary>
public interface IStepLoad
{
    /// <summary>What one arrival is, for the CPU rows: "lesson" or "event".</summary>
    string Unit { get; }

    /// <summary>Called right before a step's first arrival, with the instant its schedule starts from.</summary>
    void BeginStep(int stepIndex, double rate, TimeSpan duration, DateTimeOffset startedAt);

    /// <summary>
    /// Posts one arrival; on success it has told <paramref name="ledger"/> which mails to expect. The outcome's
    /// operation names its REST row ("rest", or "rest KIND" for a mix).
    /// </summary>
    Task<Outcome> ArriveAsync(int stepIndex, OperationContext context, MailLedger ledger, CancellationToken cancellationToken);

    /// <summary>Hands the run's new mails in the Maildir since <paramref name="since"/> to <paramref name="ledger"/>.</summary>
    int Scan(MailLedger ledger, DateTimeOffset since);

    /// <summary>Lessons completed whose POST succeeded in <paramref name="stepIndex"/>: what the dashboard must have grown by.</summary>
    long LessonsCompleted(int stepIndex);
}
