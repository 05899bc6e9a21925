using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DagMaster.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NodeRunDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "duration_ms",
                schema: "dagmaster",
                table: "job_nodes",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "worker_id",
                schema: "dagmaster",
                table: "job_nodes",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "duration_ms",
                schema: "dagmaster",
                table: "job_nodes");

            migrationBuilder.DropColumn(
                name: "worker_id",
                schema: "dagmaster",
                table: "job_nodes");
        }
    }
}
