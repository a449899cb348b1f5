@echo off
rem Runs the vibe CLI from this checkout; publishes it into artifacts\vibe on first use, ReadyToRun for this
rem machine (every command starts about twice as fast, docs\performance.md), else framework-dependent IL.
set "ROOT=%~dp0"
set "RID=win-x64"
if /i "%PROCESSOR_ARCHITECTURE%"=="ARM64" set "RID=win-arm64"
if not exist "%ROOT%artifacts\vibe\vibe.dll" (
  echo vibe: building ^(first run^)... 1>&2
  dotnet publish "%ROOT%src\Vibe.Host\Vibe.Host.csproj" -c Release -r %RID% --self-contained false -p:PublishReadyToRun=true -o "%ROOT%artifacts\vibe" -nologo -v q 1>&2 || dotnet publish "%ROOT%src\Vibe.Host\Vibe.Host.csproj" -c Release -o "%ROOT%artifacts\vibe" -nologo -v q 1>&2 || exit /b 1
)
dotnet "%ROOT%artifacts\vibe\vibe.dll" %*
