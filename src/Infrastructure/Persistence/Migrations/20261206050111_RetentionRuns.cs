using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DagMaster.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    /// <summary>The last retention run, one row, written by SQL only (EndedJobsPurger) and shown by the health checks.</summary>
    public partial class RetentionRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE dagmaster.retention_runs (
                    id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
                    finished_at timestamptz NOT NULL,
                    ended_before timestamptz NOT NULL,
                    deleted int NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE dagmaster.retention_runs;");
        }
    }
}
