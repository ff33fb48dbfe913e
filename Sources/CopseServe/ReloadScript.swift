/// The script `copse serve` adds to every page it sends (never to what `copse build` writes).
/// It listens to the server's events and reloads the page when a build other than the one the
/// page came from is announced: after a rebuild, a failed build (to show the problems), and
/// after the server restarted (its builds have other names). Inline, so it asks no other host
/// for anything.
enum ReloadScript {
    /// The address of the server-sent events.
    static let eventsPath = "/_copse/events"

    /// The script for a page sent while build `build` is served.
    static func tag(build: String) -> String {
        """
        <script>
        (function () {
          "use strict";
          var page = "\(build)";
          function connect() {
            var source = new EventSource("\(eventsPath)");
            source.addEventListener("build", function (event) {
              if (event.data !== page) { source.close(); location.reload(); }
            });
            source.onerror = function () {
              if (source.readyState === EventSource.CLOSED) { setTimeout(connect, 1000); }
            };
          }
          connect();
          var problems = document.getElementById("copse-problems");
          if (problems) {
            problems.focus();
            document.getElementById("copse-problems-hide").addEventListener("click", function () { problems.remove(); });
          }
        })();
        </script>

        """
    }
}
