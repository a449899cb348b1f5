@echo off
rem Runs the vibe CLI from this checkout; publishes it into artifacts\vibe on first use.
set "ROOT=%~dp0"
if not exist "%ROOT%artifacts\vibe\vibe.dll" (
  echo vibe: building ^(first run^)... 1>&2
  dotnet publish "%ROOT%src\Vibe.Host\Vibe.Host.csproj" -c Release -o "%ROOT%artifacts\vibe" -nologo -v q 1>&2 || exit /b 1
)
dotnet "%ROOT%artifacts\vibe\vibe.dll" %*
