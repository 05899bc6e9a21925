using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DagMaster.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FanOutScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "payload",
                schema: "dagmaster",
                table: "task_queue");

            migrationBuilder.AddColumn<int>(
                name: "max_attempts",
                schema: "dagmaster",
                table: "task_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "children_active",
                schema: "dagmaster",
                table: "job_nodes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "children_completed",
                schema: "dagmaster",
                table: "job_nodes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "children_total",
                schema: "dagmaster",
                table: "job_nodes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_job_nodes_children",
                schema: "dagmaster",
                table: "job_nodes",
                columns: new[] { "job_id", "parent_node_id", "index" },
                filter: "parent_node_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_job_nodes_waiting_children",
                schema: "dagmaster",
                table: "job_nodes",
                columns: new[] { "job_id", "parent_node_id", "index" },
                filter: "parent_node_id IS NOT NULL AND status = 'Ready'");

            migrationBuilder.CreateIndex(
                name: "ix_job_nodes_workflow_nodes",
                schema: "dagmaster",
                table: "job_nodes",
                column: "job_id",
                filter: "parent_node_id IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_job_nodes_children",
                schema: "dagmaster",
                table: "job_nodes");

            migrationBuilder.DropIndex(
                name: "ix_job_nodes_waiting_children",
                schema: "dagmaster",
                table: "job_nodes");

            migrationBuilder.DropIndex(
                name: "ix_job_nodes_workflow_nodes",
                schema: "dagmaster",
                table: "job_nodes");

            migrationBuilder.DropColumn(
                name: "max_attempts",
                schema: "dagmaster",
                table: "task_queue");

            migrationBuilder.DropColumn(
                name: "children_active",
                schema: "dagmaster",
                table: "job_nodes");

            migrationBuilder.DropColumn(
                name: "children_completed",
                schema: "dagmaster",
                table: "job_nodes");

            migrationBuilder.DropColumn(
                name: "children_total",
                schema: "dagmaster",
                table: "job_nodes");

            migrationBuilder.AddColumn<string>(
                name: "payload",
                schema: "dagmaster",
                table: "task_queue",
                type: "jsonb",
                nullable: false,
                defaultValue: "");
        }
    }
}
