using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TagMyStock.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmbeddingModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte>(
                name: "EmbeddingModel",
                table: "Images",
                type: "INTEGER",
                nullable: true);

            // Every embedding stored so far was made by the first model (ResNet18 in float): the derivative worker
            // finds these by this column and makes them again with the current one.
            migrationBuilder.Sql("UPDATE \"Images\" SET \"EmbeddingModel\" = 1 WHERE \"Embedding\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EmbeddingModel",
                table: "Images");
        }
    }
}
