using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DagMaster.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_jobs_correlation",
                schema: "dagmaster",
                table: "jobs");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_correlation_created",
                schema: "dagmaster",
                table: "jobs",
                columns: new[] { "correlation_id", "created_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_platform_status_created",
                schema: "dagmaster",
                table: "jobs",
                columns: new[] { "platform_id", "status", "created_at", "id" },
                descending: new[] { false, false, true, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_jobs_correlation_created",
                schema: "dagmaster",
                table: "jobs");

            migrationBuilder.DropIndex(
                name: "ix_jobs_platform_status_created",
                schema: "dagmaster",
                table: "jobs");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_correlation",
                schema: "dagmaster",
                table: "jobs",
                column: "correlation_id");
        }
    }
}
