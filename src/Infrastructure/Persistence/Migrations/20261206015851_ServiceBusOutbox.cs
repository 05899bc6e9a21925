using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DagMaster.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ServiceBusOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "task_outbox",
                schema: "dagmaster",
                columns: table => new
                {
                    task_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    node_id = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    queue = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    handler = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    timeout_seconds = table.Column<int>(type: "integer", nullable: false),
                    correlation_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    body = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_outbox", x => x.task_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_task_outbox_job",
                schema: "dagmaster",
                table: "task_outbox",
                column: "job_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_outbox_sent",
                schema: "dagmaster",
                table: "task_outbox",
                column: "sent_at",
                filter: "sent_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_task_outbox_unsent",
                schema: "dagmaster",
                table: "task_outbox",
                column: "created_at",
                filter: "sent_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "task_outbox",
                schema: "dagmaster");
        }
    }
}
