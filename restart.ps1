# Restarts the vibe service on Windows. Run it through `vibe restart-service` (or restart.cmd), which sets
# VIBE_SERVICE_PID (the running service's pid, proven by vibe: it holds the pid file's lock; empty when none runs),
# VIBE_PID_FILE, VIBE_STOP_FILE, VIBE_SERVICE_LOG, VIBE_START_PROGRAM and VIBE_START_ARGS (one per line).
# The script never acts on a pid read from the pid file, nor on pids 0 and 1.
$ErrorActionPreference = 'Stop'
if (-not $env:VIBE_PID_FILE) { Write-Error 'run this script through: vibe restart-service'; exit 2 }
$timeout = if ($env:VIBE_STOP_TIMEOUT) { [int]$env:VIBE_STOP_TIMEOUT } else { 300 }

$old = $null
if ($env:VIBE_SERVICE_PID) {
    $pidValue = 0
    if (-not [int]::TryParse($env:VIBE_SERVICE_PID, [ref]$pidValue) -or $pidValue -le 1) {
        Write-Error "VIBE_SERVICE_PID is '$($env:VIBE_SERVICE_PID)'; only a pid above 1 is acted on"; exit 2
    }
    # Checked again here, in case the pid changed hands since vibe looked: it must still run `start-service`.
    $info = Get-CimInstance Win32_Process -Filter "ProcessId = $pidValue" -ErrorAction SilentlyContinue
    if ($info -and $info.CommandLine -match '(^|\s|")start-service("|\s|$)') {
        $old = Get-Process -Id $pidValue -ErrorAction SilentlyContinue
    }
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
