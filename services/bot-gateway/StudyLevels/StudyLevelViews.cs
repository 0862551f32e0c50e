namespace Repitbot.BotGateway.StudyLevels;

/// <summary>A student's current level with one tutor; <see cref="Level"/> is null until it is first set.</summary>
public sealed record StudyLevelView(Guid StudentId, Guid TutorId, string? Level, string Scale, IReadOnlyList<string> Levels,
    DateTimeOffset? ChangedAt, Guid? ChangedBy);

/// <summary>One setting of the level: who set it, when, from what to what.</summary>
public sealed record StudyLevelHistoryEntry(Guid TutorId, string? From, string To, string Scale, Guid? ChangedBy,
    DateTimeOffset ChangedAt);

public sealed record StudyLevelHistory(Guid StudentId, IReadOnlyList<StudyLevelHistoryEntry> Changes);

public sealed record LevelScaleView(string Kind, IReadOnlyList<string> Levels);
