using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Repitbot.BotGateway.Data;

internal sealed class StudyLevelConfiguration : IEntityTypeConfiguration<StudyLevelChange>, IEntityTypeConfiguration<LevelScale>
{
    public void Configure(EntityTypeBuilder<StudyLevelChange> e)
    {
        e.Property(c => c.Level).HasMaxLength(StudyLevelLimits.NameLength);
        e.Property(c => c.PreviousLevel).HasMaxLength(StudyLevelLimits.NameLength);
        e.Property(c => c.Scale).HasMaxLength(16);
        // The current level is the newest row of a tutor and student; the history lists them newest first.
        e.HasIndex(c => new { c.StudentId, c.TutorId, c.ChangedAt });
        e.HasIndex(c => new { c.StudentId, c.TutorId, c.Sequence }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<LevelScale> e)
    {
        e.HasKey(s => s.TutorId);
        e.Property(s => s.TutorId).ValueGeneratedNever();
        e.Property(s => s.Levels).HasColumnType("text[]");
    }
}

public static class StudyLevelLimits
{
    public const int NameLength = 32;
    public const int MaxLevels = 20;
}
