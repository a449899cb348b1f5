using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vibe.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PauseAndCancel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CancelRequestedAt",
                table: "TaskRuns",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelRequestedBy",
                table: "TaskRuns",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestedBy",
                table: "TaskRuns",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RobotPauses",
                columns: table => new
                {
                    RobotName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PausedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PausedUntil = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    PausedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RobotPauses", x => x.RobotName);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RobotPauses");

            migrationBuilder.DropColumn(
                name: "CancelRequestedAt",
                table: "TaskRuns");

            migrationBuilder.DropColumn(
                name: "CancelRequestedBy",
                table: "TaskRuns");

            migrationBuilder.DropColumn(
                name: "RequestedBy",
                table: "TaskRuns");
        }
    }
}
