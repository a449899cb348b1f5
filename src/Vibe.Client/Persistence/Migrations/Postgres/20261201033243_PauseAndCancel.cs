using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vibe.Infrastructure.Persistence.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelRequestedBy",
                table: "TaskRuns",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestedBy",
                table: "TaskRuns",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RobotPauses",
                columns: table => new
                {
                    RobotName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PausedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PausedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PausedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
