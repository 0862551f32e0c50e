using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repitbot.Analytics.Data.Migrations
{
    /// <summary>
    /// The one row that says whether the Redis aggregates can be trusted (Recovery/TrustLedger.cs). Raw SQL
    /// like ReadSideIndexes: only the recovery code reads it, through Npgsql, so the model is unchanged. The
    /// row starts untrusted, so an existing installation rebuilds Redis once after this upgrade.
    /// </summary>
    [DbContext(typeof(AnalyticsDb))]
    [Migration("20261206000000_RedisTrust")]
    public partial class RedisTrust : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS analytics.redis_trust (
                    id smallint PRIMARY KEY CHECK (id = 1),
                    generation bigint NOT NULL,
                    tick bigint NOT NULL,
                    redis_run_id text,
                    trusted boolean NOT NULL,
                    reason text NOT NULL,
                    changed_at timestamptz NOT NULL
                );
                INSERT INTO analytics.redis_trust (id, generation, tick, redis_run_id, trusted, reason, changed_at)
                VALUES (1, 1, 0, NULL, false, 'never built', now())
                ON CONFLICT (id) DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS analytics.redis_trust;");
        }
    }
}
