using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DagMaster.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlatformLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "allowed_workflows",
                schema: "dagmaster",
                table: "platforms",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<int>(
                name: "max_priority",
                schema: "dagmaster",
                table: "platforms",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "max_running_jobs",
                schema: "dagmaster",
                table: "platforms",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "allowed_workflows",
                schema: "dagmaster",
                table: "platforms");

            migrationBuilder.DropColumn(
                name: "max_priority",
                schema: "dagmaster",
                table: "platforms");

            migrationBuilder.DropColumn(
                name: "max_running_jobs",
                schema: "dagmaster",
                table: "platforms");
        }
    }
}
