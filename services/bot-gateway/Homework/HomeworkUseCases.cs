using Microsoft.EntityFrameworkCore;
using Repitbot.BotGateway.UseCases;
using Repitbot.Contracts;
using HomeworkRow = Repitbot.BotGateway.Data.Homework;

namespace Repitbot.BotGateway.Homework;

public sealed class HomeworkUseCases(EventJournal journal)
{
    public async Task<Outcome<HomeworkAssigned>> AssignAsync(Guid tutorId, AssignHomeworkRequest request,
        CancellationToken cancellationToken)
    {
        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        var key = $"homework/assigned:{request.HomeworkId}";
        var fingerprint = $"{request.StudentId}|{request.Title.Trim()}|{request.DueAt?.UtcTicks}";
        var conflict = $"Homework {request.HomeworkId} was already assigned differently.";
        if (await journal.FindEarlierAsync<HomeworkAssigned>(key, tutorId, fingerprint, "homeworkId", conflict, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        if (!await journal.IsLinkedAsync(tutorId, request.StudentId, cancellationToken))
        {
            return Failure.StudentNotLinked(request.StudentId);
        }

        var now = journal.Now;
        journal.Db.Homework.Add(new HomeworkRow
        {
            Id = request.HomeworkId, TutorId = tutorId, StudentId = request.StudentId, Title = request.Title.Trim(),
            LessonId = request.LessonId, DueAt = request.DueAt?.ToUniversalTime(), AssignedAt = now,
        });
        return await journal.CommitAsync(key, fingerprint, new HomeworkAssigned
        {
            EventId = Guid.NewGuid(), OccurredAt = now, TutorId = tutorId, StudentId = request.StudentId,
            HomeworkId = request.HomeworkId, Title = request.Title.Trim(), LessonId = request.LessonId,
            DueAt = request.DueAt?.ToUniversalTime(),
        }, "homeworkId", conflict, cancellationToken);
    }

    public async Task<Outcome<HomeworkSubmitted>> SubmitAsync(Caller caller, SubmitHomeworkRequest request,
        CancellationToken cancellationToken)
    {
        var (homework, failure) = await FindAsync(caller, request.HomeworkId, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var key = $"homework/submitted:{request.HomeworkId}";
        if (await journal.FindEarlierAsync<HomeworkSubmitted>(key, homework!.TutorId, "", "homeworkId", "", cancellationToken) is { } earlier)
        {
            return earlier;
        }

        homework.SubmittedAt = journal.Now;
        return await journal.CommitAsync(key, "", new HomeworkSubmitted
        {
            EventId = Guid.NewGuid(), OccurredAt = homework.SubmittedAt.Value, TutorId = homework.TutorId,
            StudentId = homework.StudentId, HomeworkId = homework.Id, DueAt = homework.DueAt,
        }, "homeworkId", $"Homework {request.HomeworkId} is being submitted by another request.", cancellationToken);
    }

    public async Task<Outcome<HomeworkGraded>> GradeAsync(Guid tutorId, GradeHomeworkRequest request,
        CancellationToken cancellationToken)
    {
        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        var key = $"homework/graded:{request.HomeworkId}";
        var fingerprint = $"{request.Score}|{request.Comment}";
        var conflict = $"Homework {request.HomeworkId} was already graded differently.";
        if (await journal.FindEarlierAsync<HomeworkGraded>(key, tutorId, fingerprint, "homeworkId", conflict, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var (homework, failure) = await FindAsync(Caller.Tutor(tutorId), request.HomeworkId, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        homework!.Score = request.Score;
        return await journal.CommitAsync(key, fingerprint, new HomeworkGraded
        {
            EventId = Guid.NewGuid(), OccurredAt = journal.Now, TutorId = tutorId, StudentId = homework.StudentId,
            HomeworkId = homework.Id, Score = request.Score, Comment = request.Comment,
        }, "homeworkId", conflict, cancellationToken);
    }

    private async Task<(HomeworkRow? Homework, Failure? Failure)> FindAsync(Caller caller, Guid homeworkId,
        CancellationToken cancellationToken)
    {
        var homework = await journal.Db.Homework.FirstOrDefaultAsync(h => h.Id == homeworkId
            && (caller.TutorId == null || h.TutorId == caller.TutorId)
            && (caller.StudentId == null || h.StudentId == caller.StudentId), cancellationToken);
        if (homework is null)
        {
            return (null, Failure.NotFound("homeworkId", "homework_not_found", $"Homework {homeworkId} was not found."));
        }

        return await journal.IsLinkedAsync(homework.TutorId, homework.StudentId, cancellationToken)
            ? (homework, null)
            : (null, Failure.StudentNotLinked(homework.StudentId));
    }
}
