# Restarts the vibe service on Windows. Run it through `vibe restart-service` (or restart.cmd), which sets
# VIBE_PID_FILE, VIBE_STOP_FILE, VIBE_SERVICE_LOG, VIBE_START_PROGRAM and VIBE_START_ARGS (one per line).
$ErrorActionPreference = 'Stop'
if (-not $env:VIBE_PID_FILE) { Write-Error 'run this script through: vibe restart-service'; exit 2 }
$timeout = if ($env:VIBE_STOP_TIMEOUT) { [int]$env:VIBE_STOP_TIMEOUT } else { 300 }

$old = $null
if (Test-Path $env:VIBE_PID_FILE) {
    $first = (Get-Content $env:VIBE_PID_FILE -TotalCount 1 -ErrorAction SilentlyContinue)
    if ($first) { $old = Get-Process -Id ([int]$first) -ErrorAction SilentlyContinue }
}
if ($old) {
    Write-Output "stopping the vibe service (pid $($old.Id)); its current run may finish first..."
    New-Item -ItemType File -Force -Path $env:VIBE_STOP_FILE | Out-Null
    if (-not $old.WaitForExit($timeout * 1000)) {
        Write-Error "the old service (pid $($old.Id)) did not stop within $timeout s; not starting a second one"
        exit 1
    }
    Write-Output "stopped pid $($old.Id)"
} else {
    Write-Output 'no vibe service was running'
}

New-Item -ItemType Directory -Force -Path (Split-Path $env:VIBE_SERVICE_LOG) | Out-Null
$arguments = ($env:VIBE_START_ARGS -split "`n") | Where-Object { $_ -ne '' } | ForEach-Object { '"' + $_ + '"' }
$errorLog = "$($env:VIBE_SERVICE_LOG).err"
$new = Start-Process -FilePath $env:VIBE_START_PROGRAM -ArgumentList $arguments -WindowStyle Hidden -PassThru `
    -RedirectStandardOutput $env:VIBE_SERVICE_LOG -RedirectStandardError $errorLog
for ($i = 0; $i -lt 150; $i++) {
    if ((Test-Path $env:VIBE_PID_FILE) -and ((Get-Content $env:VIBE_PID_FILE -TotalCount 1) -eq "$($new.Id)")) { break }
    if ($new.HasExited) { Write-Error "the new vibe service exited at once; see $env:VIBE_SERVICE_LOG and $errorLog"; exit 1 }
    Start-Sleep -Milliseconds 200
}
Write-Output "vibe service started (pid $($new.Id)); log: $env:VIBE_SERVICE_LOG (errors: $errorLog)"
