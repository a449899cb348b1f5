using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vibe.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HostLabelsRunFilesAndIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Labels",
                table: "ServiceInstances",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RunFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    StoredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RunFiles_TaskRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "TaskRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaskRuns_Host",
                table: "TaskRuns",
                columns: new[] { "Host", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskRuns_QueuedAt",
                table: "TaskRuns",
                column: "QueuedAt");

            migrationBuilder.CreateIndex(
                name: "IX_TaskRuns_Status",
                table: "TaskRuns",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskRuns_Trigger",
                table: "TaskRuns",
                columns: new[] { "Trigger", "Id" });

            migrationBuilder.CreateIndex(
                name: "UX_RunFiles_Run_Name",
                table: "RunFiles",
                columns: new[] { "RunId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RunFiles");

            migrationBuilder.DropIndex(
                name: "IX_TaskRuns_Host",
                table: "TaskRuns");

            migrationBuilder.DropIndex(
                name: "IX_TaskRuns_QueuedAt",
                table: "TaskRuns");

            migrationBuilder.DropIndex(
                name: "IX_TaskRuns_Status",
                table: "TaskRuns");

            migrationBuilder.DropIndex(
                name: "IX_TaskRuns_Trigger",
                table: "TaskRuns");

            migrationBuilder.DropColumn(
                name: "Labels",
                table: "ServiceInstances");
        }
    }
}
