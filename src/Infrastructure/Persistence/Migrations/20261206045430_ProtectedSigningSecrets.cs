using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DagMaster.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProtectedSigningSecrets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "signing_secret",
                schema: "dagmaster",
                table: "platforms",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(256)",
                oldMaxLength: 256);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "signing_secret",
                schema: "dagmaster",
                table: "platforms",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1024)",
                oldMaxLength: 1024);
        }
    }
}
