// Live tail of a running run's log: server-sent events from /runs/{id}/log/stream, one line per event; the page is
// reloaded when the run ends so that its status, steps and evidence show as recorded. No build step, no library.
(function () {
  var log = document.getElementById("log");
  if (!log || !log.dataset.stream) { return; }
  var source = new EventSource(log.dataset.stream);
  source.addEventListener("line", function (event) {
    var line = JSON.parse(event.data);
    var div = document.createElement("div");
    div.className = "line " + line.level;
    div.textContent = line.text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
  });
  source.addEventListener("end", function (event) {
    source.close();
    var status = document.getElementById("run-status");
    if (status) { status.textContent = event.data; status.className = "status " + event.data; }
    window.location.reload();
  });
})();

// A "pause until" typed in the browser is in the browser's time zone: send its offset (minutes east of UTC) with it.
(function () {
  var fields = document.querySelectorAll("input.tz-offset");
  for (var i = 0; i < fields.length; i++) { fields[i].value = String(-new Date().getTimezoneOffset()); }
})();
