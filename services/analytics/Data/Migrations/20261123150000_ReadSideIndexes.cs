using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repitbot.Analytics.Data.Migrations
{
    /// <summary>
    /// Indexes for the read side that the model cannot express (expression and partial indexes on the
    /// partitioned events table; PostgreSQL creates them on every partition, present and future). Written
    /// by hand: the model is unchanged, so there is no snapshot to update.
    /// </summary>
    [DbContext(typeof(AnalyticsDb))]
    [Migration("20261123150000_ReadSideIndexes")]
    public partial class ReadSideIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Names and time zones by user id (People/Profiles.cs): only profile events are indexed, so
            // ingesting lessons, payments and the rest costs nothing extra.
            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS ix_events_profile_user ON analytics.events ((payload->>'userId'), occurred_at)
                WHERE type IN ('UserRegistered', 'UserProfileChanged');
                """);

            // Students area: first event per student (new students) reads this index alone instead of every
            // event ever stored; churn and retention cohorts read the attended lessons' index alone (the
            // outcome sits in the payload, so without it every lesson's JSON is parsed).
            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS ix_events_student ON analytics.events (student_id, occurred_at) INCLUDE (tutor_id)
                WHERE student_id IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS ix_events_attended ON analytics.events (student_id, occurred_at) INCLUDE (tutor_id)
                WHERE type = 'LessonCompleted' AND (payload->>'outcome') = 'Attended';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS analytics.ix_events_attended;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS analytics.ix_events_student;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS analytics.ix_events_profile_user;");
        }
    }
}
