using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DagMaster.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "dagmaster");

            migrationBuilder.CreateTable(
                name: "jobs",
                schema: "dagmaster",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workflow_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    workflow_version = table.Column<int>(type: "integer", nullable: false),
                    workflow_content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    inputs = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    correlation_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    platform_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    external_refs = table.Column<string>(type: "jsonb", nullable: true),
                    idempotency_scope = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    result = table.Column<string>(type: "jsonb", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    failed_node_id = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "task_queue",
                schema: "dagmaster",
                columns: table => new
                {
                    task_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    node_id = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    queue = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    handler = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    job_sequence = table.Column<int>(type: "integer", nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    timeout_seconds = table.Column<int>(type: "integer", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    enqueued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    available_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    claimed_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lease_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_queue", x => x.task_id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_versions",
                schema: "dagmaster",
                columns: table => new
                {
                    workflow_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    node_count = table.Column<int>(type: "integer", nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    source_file = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_versions", x => new { x.workflow_id, x.version });
                });

            migrationBuilder.CreateTable(
                name: "job_events",
                schema: "dagmaster",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    node_id = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    data = table.Column<string>(type: "jsonb", nullable: true),
                    actor = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_events", x => x.id);
                    table.ForeignKey(
                        name: "FK_job_events_jobs_job_id",
                        column: x => x.job_id,
                        principalSchema: "dagmaster",
                        principalTable: "jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "job_nodes",
                schema: "dagmaster",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    node_id = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    attempt_offset = table.Column<int>(type: "integer", nullable: false),
                    task_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    output = table.Column<string>(type: "jsonb", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lease_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ready_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    parent_node_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    index = table.Column<int>(type: "integer", nullable: true),
                    @params = table.Column<string>(name: "params", type: "jsonb", nullable: true),
                    checkpoint = table.Column<string>(type: "jsonb", nullable: true),
                    progress = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_nodes", x => new { x.job_id, x.node_id });
                    table.ForeignKey(
                        name: "FK_job_nodes_jobs_job_id",
                        column: x => x.job_id,
                        principalSchema: "dagmaster",
                        principalTable: "jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_job_events_job",
                schema: "dagmaster",
                table: "job_events",
                columns: new[] { "job_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_job_nodes_due_retries",
                schema: "dagmaster",
                table: "job_nodes",
                column: "next_attempt_at",
                filter: "status = 'Failed' AND next_attempt_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_correlation",
                schema: "dagmaster",
                table: "jobs",
                column: "correlation_id");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_created",
                schema: "dagmaster",
                table: "jobs",
                columns: new[] { "created_at", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_jobs_deadline",
                schema: "dagmaster",
                table: "jobs",
                column: "deadline",
                filter: "status = 'Running' AND deadline IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_external_refs",
                schema: "dagmaster",
                table: "jobs",
                column: "external_refs")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "jsonb_path_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_platform_created",
                schema: "dagmaster",
                table: "jobs",
                columns: new[] { "platform_id", "created_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_status_created",
                schema: "dagmaster",
                table: "jobs",
                columns: new[] { "status", "created_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_workflow_created",
                schema: "dagmaster",
                table: "jobs",
                columns: new[] { "workflow_id", "created_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ux_jobs_idempotency",
                schema: "dagmaster",
                table: "jobs",
                columns: new[] { "idempotency_scope", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_task_queue_claim",
                schema: "dagmaster",
                table: "task_queue",
                columns: new[] { "queue", "priority", "job_sequence", "enqueued_at" },
                descending: new[] { false, true, false, false },
                filter: "claimed_by IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_task_queue_job",
                schema: "dagmaster",
                table: "task_queue",
                column: "job_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_queue_leases",
                schema: "dagmaster",
                table: "task_queue",
                column: "lease_expires_at",
                filter: "claimed_by IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_events",
                schema: "dagmaster");

            migrationBuilder.DropTable(
                name: "job_nodes",
                schema: "dagmaster");

            migrationBuilder.DropTable(
                name: "task_queue",
                schema: "dagmaster");

            migrationBuilder.DropTable(
                name: "workflow_versions",
                schema: "dagmaster");

            migrationBuilder.DropTable(
                name: "jobs",
                schema: "dagmaster");
        }
    }
}
