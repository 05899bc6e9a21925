using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DagMaster.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FairClaimOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_task_queue_claim",
                schema: "dagmaster",
                table: "task_queue");

            migrationBuilder.AddColumn<int>(
                name: "job_sequence",
                schema: "dagmaster",
                table: "task_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_task_queue_claim",
                schema: "dagmaster",
                table: "task_queue",
                columns: new[] { "queue", "priority", "job_sequence", "enqueued_at" },
                descending: new[] { false, true, false, false },
                filter: "claimed_by IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_task_queue_claim",
                schema: "dagmaster",
                table: "task_queue");

            migrationBuilder.DropColumn(
                name: "job_sequence",
                schema: "dagmaster",
                table: "task_queue");

            migrationBuilder.CreateIndex(
                name: "ix_task_queue_claim",
                schema: "dagmaster",
                table: "task_queue",
                columns: new[] { "queue", "priority", "enqueued_at" },
                descending: new[] { false, true, false },
                filter: "claimed_by IS NULL");
        }
    }
}
