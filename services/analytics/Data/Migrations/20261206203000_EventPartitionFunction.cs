using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repitbot.Analytics.Data.Migrations
{
    /// <summary>
    /// The one definition of a monthly partition of <c>analytics.events</c> (<c>events_yyyy_mm</c>, UTC month):
    /// the service (<see cref="EventPartitions"/>) and the load tester's seeder both call it, so their
    /// partitions cannot differ. Written by hand: the model is unchanged, so there is no snapshot to update.
    /// </summary>
    [DbContext(typeof(AnalyticsDb))]
    [Migration("20261206203000_EventPartitionFunction")]
    public partial class EventPartitionFunction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION analytics.ensure_event_partition(in_month date) RETURNS text
                LANGUAGE plpgsql AS $$
                DECLARE
                    first_day date := in_month - (extract(day FROM in_month)::int - 1);
                    partition_name text := 'events_' || to_char(first_day, 'YYYY_MM');
                BEGIN
                    EXECUTE format('CREATE TABLE IF NOT EXISTS analytics.%I PARTITION OF analytics.events FOR VALUES FROM (%L) TO (%L)',
                        partition_name, first_day::timestamp AT TIME ZONE 'UTC', (first_day + interval '1 month') AT TIME ZONE 'UTC');
                    RETURN partition_name;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS analytics.ensure_event_partition(date);");
        }
    }
}
