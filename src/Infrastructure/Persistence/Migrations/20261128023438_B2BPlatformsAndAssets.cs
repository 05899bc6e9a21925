using System;
using Microsoft.EntityFrameworkCore.Migrations;

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_api_keys",
                schema: "dagmaster");

            migrationBuilder.DropTable(
                name: "platforms",
                schema: "dagmaster");
        }
    }
}
