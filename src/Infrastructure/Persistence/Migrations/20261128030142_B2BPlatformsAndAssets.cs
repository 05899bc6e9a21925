using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DagMaster.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class B2BPlatformsAndAssets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assets",
                schema: "dagmaster",
                columns: table => new
                {
                    asset_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    platform_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    platform_refs = table.Column<string>(type: "jsonb", nullable: false),
                    clearance = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cleared_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    cleared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    is_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    deleted_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assets", x => x.asset_id);
                });

            migrationBuilder.CreateTable(
                name: "platforms",
                schema: "dagmaster",
                columns: table => new
                {
                    platform_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    display_name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    required_refs = table.Column<string>(type: "jsonb", nullable: false),
                    optional_refs = table.Column<string>(type: "jsonb", nullable: false),
                    version_ref = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    workflows = table.Column<string>(type: "jsonb", nullable: false),
                    callback_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    signing_secret = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platforms", x => x.platform_id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                schema: "dagmaster",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    platform_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    @event = table.Column<string>(name: "event", type: "character varying(64)", maxLength: 64, nullable: false),
                    request_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    payload = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_status_code = table.Column<int>(type: "integer", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    enqueued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "asset_events",
                schema: "dagmaster",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    asset_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    version_ordinal = table.Column<int>(type: "integer", nullable: true),
                    data = table.Column<string>(type: "jsonb", nullable: true),
                    actor = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asset_events", x => x.id);
                    table.ForeignKey(
                        name: "FK_asset_events_assets_asset_id",
                        column: x => x.asset_id,
                        principalSchema: "dagmaster",
                        principalTable: "assets",
                        principalColumn: "asset_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asset_versions",
                schema: "dagmaster",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    asset_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    approval_state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reviewed_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rejection_reason = table.Column<string>(type: "text", nullable: true),
                    current_revision = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asset_versions", x => x.id);
                    table.ForeignKey(
                        name: "FK_asset_versions_assets_asset_id",
                        column: x => x.asset_id,
                        principalSchema: "dagmaster",
                        principalTable: "assets",
                        principalColumn: "asset_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_api_keys",
                schema: "dagmaster",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    platform_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    key_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    prefix = table.Column<string>(type: "character varying(96)", maxLength: 96, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "FK_platform_api_keys_platforms_platform_id",
                        column: x => x.platform_id,
                        principalSchema: "dagmaster",
                        principalTable: "platforms",
                        principalColumn: "platform_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asset_revisions",
                schema: "dagmaster",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    asset_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    platform_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    request_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    artifacts = table.Column<string>(type: "jsonb", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asset_revisions", x => x.id);
                    table.ForeignKey(
                        name: "FK_asset_revisions_asset_versions_version_id",
                        column: x => x.version_id,
                        principalSchema: "dagmaster",
                        principalTable: "asset_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_asset_events_asset",
                schema: "dagmaster",
                table: "asset_events",
                columns: new[] { "asset_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ux_asset_revisions_job",
                schema: "dagmaster",
                table: "asset_revisions",
                column: "job_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_asset_revisions_number",
                schema: "dagmaster",
                table: "asset_revisions",
                columns: new[] { "version_id", "revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_asset_revisions_request",
                schema: "dagmaster",
                table: "asset_revisions",
                columns: new[] { "platform_id", "request_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_asset_versions_ordinal",
                schema: "dagmaster",
                table: "asset_versions",
                columns: new[] { "asset_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assets_platform",
                schema: "dagmaster",
                table: "assets",
                column: "platform_id");

            migrationBuilder.CreateIndex(
                name: "ix_assets_platform_refs",
                schema: "dagmaster",
                table: "assets",
                column: "platform_refs")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "jsonb_path_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_api_keys_platform_id",
                schema: "dagmaster",
                table: "platform_api_keys",
                column: "platform_id");

            migrationBuilder.CreateIndex(
                name: "ux_platform_api_keys_hash",
                schema: "dagmaster",
                table: "platform_api_keys",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_pending",
                schema: "dagmaster",
                table: "webhook_deliveries",
                column: "created_at",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_platform",
                schema: "dagmaster",
                table: "webhook_deliveries",
                columns: new[] { "platform_id", "created_at" },
                descending: new[] { false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "asset_events",
                schema: "dagmaster");

            migrationBuilder.DropTable(
                name: "asset_revisions",
                schema: "dagmaster");

            migrationBuilder.DropTable(
                name: "platform_api_keys",
                schema: "dagmaster");

            migrationBuilder.DropTable(
                name: "webhook_deliveries",
                schema: "dagmaster");

            migrationBuilder.DropTable(
                name: "asset_versions",
                schema: "dagmaster");

            migrationBuilder.DropTable(
                name: "platforms",
                schema: "dagmaster");

            migrationBuilder.DropTable(
                name: "assets",
                schema: "dagmaster");
        }
    }
}
