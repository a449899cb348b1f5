@echo off
rem Restarts the vibe service on Windows; `vibe restart-service` sets the variables restart.ps1 needs.
powershell.exe -NoProfile -ExecutionPolicy Bypass -File "%~dp0restart.ps1"
