using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DagMaster.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ApiKeyPrefixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A prefix used to run to the last '_' of the key plus six characters; the random part is
            // base64url and may hold '_', so some stored prefixes carried most or all of the key.
            // Cut every prefix to 'dm_<platform>_' and at most eight characters of the random part.
            migrationBuilder.Sql("""
                UPDATE dagmaster.platform_api_keys
                SET prefix = left(prefix, length('dm_' || platform_id || '_') + 8)
                WHERE length(prefix) > length('dm_' || platform_id || '_') + 8;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The cut characters are gone for good; nothing to restore.
        }
    }
}
